from django.urls import path

from . import admin_views

app_name = "payments_admin"

urlpatterns = [
    path("", admin_views.report, name="report"),
    path("<int:pk>/refund/", admin_views.refund, name="refund"),
]
