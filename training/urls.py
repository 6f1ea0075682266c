from django.urls import path

from . import views

app_name = "training"

urlpatterns = [
    path("mine/", views.my_training, name="mine"),
    path("courses/<int:course_id>/enrol/", views.enrol, name="enrol"),
    path("enrolments/<int:pk>/cancel/", views.cancel, name="cancel"),
    path("enrolments/<int:pk>/pay/", views.pay, name="pay"),
    path("enrolments/<int:pk>/paid/", views.payment_return, name="payment_return"),
    path("certificates/<str:number>/", views.certificate, name="certificate"),
    path("certificates/<str:number>/pdf/", views.certificate_pdf, name="certificate_pdf"),
]
