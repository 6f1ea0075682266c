from django.urls import path

from . import admin_views

app_name = "services_admin"

urlpatterns = [
    path("applications/", admin_views.applications, name="applications"),
    path("applications/<int:pk>/", admin_views.application_detail, name="application_detail"),
    path("applications/<int:pk>/<slug:action>/", admin_views.application_action, name="application_action"),
    path("orders/", admin_views.disputes, name="disputes"),
    path("orders/<int:pk>/", admin_views.dispute_detail, name="dispute_detail"),
    path("orders/<int:pk>/resolve/", admin_views.dispute_resolve, name="dispute_resolve"),
    path("reviews/", admin_views.review_list, name="reviews"),
    path("reviews/<int:pk>/", admin_views.review_moderate, name="review_moderate"),
]
