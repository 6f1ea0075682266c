from django.urls import path

from . import views

app_name = "advisers"

urlpatterns = [
    path("", views.pool, name="pool"),
    path("<int:pk>/", views.profile, name="profile"),
    path("me/", views.my_profile, name="my_profile"),
    path("me/publish/", views.publish, name="publish"),
    path("me/withdraw/", views.withdraw, name="withdraw"),
    path("registrations/", views.registrations, name="registrations"),
    path("registrations/<int:pk>/answer/", views.answer_registration, name="answer_registration"),
    path("requests/", views.request_list, name="requests"),
    path("requests/<int:pk>/", views.request_detail, name="request"),
    path("requests/<int:pk>/answer/", views.answer_request, name="answer_request"),
    path("recognitions/", views.recognition_list, name="recognitions"),
    path("recognitions/<int:pk>/", views.recognition_detail, name="recognition"),
    path("recognitions/<int:pk>/step/", views.recognition_step, name="recognition_step"),
    path("recognitions/<int:pk>/document/", views.recognition_document, name="recognition_document"),
]
