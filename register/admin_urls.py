from django.urls import path

from . import admin_views as views

app_name = "register_admin"

urlpatterns = [
    path("import/", views.import_upload, name="import"),
    path("import/<int:pk>/", views.batch_detail, name="batch"),
    path("import/<int:pk>/start/", views.batch_start, name="batch_start"),
    path("import/<int:pk>/discard/", views.batch_discard, name="batch_discard"),
    path("matches/", views.matches, name="matches"),
    path("matches/<slug:kind>/<int:pk>/", views.match_decide, name="match_decide"),
]
