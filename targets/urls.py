from django.urls import path

from . import views

app_name = "targets"

urlpatterns = [
    path("", views.summary, name="summary"),
    path("report/", views.report_print, name="report_print"),
    path("report.xlsx", views.report_xlsx, name="report_xlsx"),
    path("certifications/<int:pk>/evidence/", views.certification_evidence, name="certification_evidence"),
]
