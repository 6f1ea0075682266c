from django.urls import path

from . import views

app_name = "rights"

urlpatterns = [
    path("", views.index, name="index"),
    path("report/", views.report_create, name="report"),
    path("report/submitted/", views.submitted, name="submitted"),
    path("assistance/", views.assistance_create, name="assistance"),
    path("status/", views.status, name="status"),
    path("mine/", views.my_cases, name="my_cases"),
    path("mine/<str:tracking_number>/", views.my_case, name="my_case"),
    path("handling/", views.queue, name="queue"),
    path("handling/register/", views.register, name="register"),
    path("handling/<int:pk>/", views.case_detail, name="case_detail"),
    path("handling/<int:pk>/notes/", views.note_add, name="note_add"),
    path("handling/<int:pk>/evidence/<int:evidence_pk>/", views.evidence_download, name="evidence"),
    path("handling/<int:pk>/<slug:action>/", views.case_action, name="case_action"),
]
