from django.urls import path

from . import views

app_name = "analysis"

urlpatterns = [
    path("", views.analysis, name="analysis"),
    path("export/", views.export, name="export"),
    path("portfolio/", views.comparisons, name="comparisons"),
    path("portfolio/<int:pk>/", views.comparison, name="comparison"),
    path("portfolio/<int:pk>/export/", views.comparison_export, name="comparison_export"),
    path("watches/", views.watches, name="watches"),
    path("watches/new/", views.watch_new, name="watch_new"),
    path("watches/<int:pk>/", views.watch, name="watch"),
]
