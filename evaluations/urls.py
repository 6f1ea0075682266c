from django.urls import path

from . import views

app_name = "evaluations"

urlpatterns = [
    path("", views.request_list, name="list"),
    path("new/", views.file_request, name="file"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/assign/", views.assign, name="assign"),
    path("<int:pk>/step/", views.take_step, name="step"),
    path("<int:pk>/deliver/", views.deliver, name="deliver"),
    path("<int:pk>/report/", views.report, name="report"),
    path("<int:pk>/attachments/<int:attachment_pk>/", views.attachment, name="attachment"),
]
