from django.urls import path

from . import views

app_name = "payments"

urlpatterns = [
    path("stripe/webhook/", views.stripe_webhook, name="stripe_webhook"),
    path("<int:pk>/", views.payment_detail, name="payment_detail"),
    path("bank-account/", views.bank_account, name="bank_account"),
]
