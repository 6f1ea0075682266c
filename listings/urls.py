from django.urls import path

from . import feeds, views

app_name = "listings"

urlpatterns = [
    path("", views.index, name="index"),
    path("transactions/", views.transactions, name="transactions"),
    path("financing/", views.financing, name="financing"),
    path("feed/", feeds.AllListingsFeed(), name="feed"),
    path("transactions/feed/", feeds.TransactionFeed(), name="transactions_feed"),
    path("financing/feed/", feeds.FinancingFeed(), name="financing_feed"),
    path("mine/", views.dashboard, name="dashboard"),
    path("new/<str:section>/", views.create, name="create"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/submit/", views.submit, name="submit"),
    path("<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("<int:pk>/negotiating/", views.negotiating, name="negotiating"),
    path("<int:pk>/close/", views.close, name="close"),
    path("<int:pk>/interest/", views.express_interest, name="interest"),
    path("<int:pk>/take-up/", views.take_up, name="take_up"),
    path("interests/<int:pk>/reply/", views.reply, name="reply"),
    path("cases/<int:pk>/", views.case_detail, name="case"),
    path("cases/<int:pk>/step/", views.case_step, name="case_step"),
    path("cases/<int:pk>/decline/", views.case_decline, name="case_decline"),
    path("cases/<int:pk>/documents/", views.case_document_upload, name="case_document_upload"),
    path("cases/<int:pk>/documents/<int:document_pk>/", views.case_document, name="case_document"),
    path("cases/<int:pk>/loan/", views.case_loan, name="case_loan"),
    path("cases/<int:pk>/loan/documents/", views.case_loan_document_upload, name="case_loan_document_upload"),
    path("cases/<int:pk>/loan/documents/<int:document_pk>/", views.case_loan_document, name="case_loan_document"),
]
