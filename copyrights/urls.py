from django.urls import path

from . import feeds, views

app_name = "copyrights"

urlpatterns = [
    path("", views.works, name="works"),
    path("feed/", feeds.WorkFeed(), name="feed"),
    path("works/<int:pk>/", views.work, name="work"),
    path("works/<int:pk>/preview.jpg", views.preview, name="preview"),
    path("verify/", views.verify, name="verify"),
    path("statistics/", views.statistics_page, name="statistics"),
    path("mine/", views.mine, name="mine"),
    path("new/work/", views.new_work, name="new_work"),
    path("new/contract/", views.new_contract, name="new_contract"),
    path("filings/<int:pk>/", views.filing, name="filing"),
    path("filings/<int:pk>/correct/", views.correct, name="correct"),
    path("filings/<int:pk>/file/", views.download_file, name="file"),
    path("filings/<int:pk>/certificate.pdf", views.certificate, name="certificate"),
    path("filings/<int:pk>/examine/", views.examine, name="examine"),
    path("examination/", views.queue, name="queue"),
]
