from django.urls import path

from . import customs_views, views

app_name = "register"

urlpatterns = [
    path("", views.search, name="search"),
    path("export.xlsx", views.export, name="export"),
    path("patents/<str:number>/", views.patent_detail, name="patent"),
    path("trademarks/<str:number>/", views.trademark_detail, name="trademark"),
    path("postings/<int:pk>/answer/", views.answer_flag, name="answer_flag"),
    path("customs/", customs_views.my_recordals, name="customs_mine"),
    path("customs/manage/", customs_views.manage, name="customs_manage"),
    path("customs/imports/", customs_views.import_upload, name="customs_import_upload"),
    path("customs/imports/<int:pk>/", customs_views.import_detail, name="customs_import"),
    path("customs/imports/<int:pk>/apply/", customs_views.import_apply, name="customs_import_apply"),
    path("customs/imports/<int:pk>/discard/", customs_views.import_discard, name="customs_import_discard"),
]
