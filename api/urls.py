from django.urls import path

from . import account_views, views

app_name = "api"

urlpatterns = [
    path("v1/schema/", views.SchemaView.as_view(), name="schema"),
    path("v1/docs/", views.DocsView.as_view(url_name="api:schema"), name="docs"),
    path("v1/targets/", views.TargetSummary.as_view(), name="targets"),
    path("v1/register/statistics/", views.RegisterStatistics.as_view(), name="register-statistics"),
    path("keys/", account_views.key_list, name="keys"),
    path("keys/<int:pk>/revoke/", account_views.key_revoke, name="key_revoke"),
]
for segment, list_view, detail_view in views.ENDPOINTS:
    urlpatterns += [
        path(f"v1/{segment}/", list_view.as_view(), name=f"{segment}-list"),
        path(f"v1/{segment}/<int:pk>/", detail_view.as_view(), name=f"{segment}-detail"),
    ]
