from django.urls import path

from . import admin_views as views

app_name = "targets_admin"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("indicators/<slug:code>/", views.indicator_detail, name="indicator"),
    path("indicators/<slug:code>/entries/add/", views.entry_add, name="entry_add"),
    path("entries/<int:pk>/correct/", views.entry_correct, name="entry_correct"),
    path("entries/<int:pk>/attachment/", views.entry_attachment, name="entry_attachment"),
    path("import/", views.import_upload, name="import"),
    path("import/template.csv", views.import_template, name="import_template"),
    path("import/<int:pk>/", views.import_preview, name="import_preview"),
    path("certifications/", views.certification_list, name="certifications"),
    path("certifications/add/", views.certification_add, name="certification_add"),
    path("certifications/<int:pk>/revoke/", views.certification_revoke, name="certification_revoke"),
]
