from django.urls import path

from . import views

app_name = "register"

urlpatterns = [
    path("", views.search, name="search"),
    path("export.xlsx", views.export, name="export"),
    path("patents/<str:number>/", views.patent_detail, name="patent"),
    path("trademarks/<str:number>/", views.trademark_detail, name="trademark"),
    path("postings/<int:pk>/answer/", views.answer_flag, name="answer_flag"),
]
