from django.urls import path

from . import feeds, payment_views, views

app_name = "services"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("feed/", feeds.DirectoryFeed(), name="directory_feed"),
    path("compare/", views.compare, name="compare"),
    path("<int:pk>/", views.institution_detail, name="institution_detail"),
    path("<int:pk>/ask/", views.inquiry_create, name="inquiry_create"),
    path("offerings/", views.offering_list, name="offering_list"),
    path("offerings/<int:pk>/", views.offering_detail, name="offering_detail"),
    path("offerings/<int:pk>/order/", views.order_create, name="order_create"),
    path("apply/", views.apply, name="apply"),
    path("mine/", views.my_institution, name="my_institution"),
    path("mine/edit/", views.listing_edit, name="listing_edit"),
    path("mine/toggle/", views.listing_toggle, name="listing_toggle"),
    path("mine/offerings/new/", views.offering_create, name="offering_create"),
    path("mine/offerings/<int:pk>/edit/", views.offering_edit, name="offering_edit"),
    path("mine/offerings/<int:pk>/status/", views.offering_status, name="offering_status"),
    path("documents/<int:pk>/", views.qualification_document, name="qualification_document"),
    path("inquiries/", views.inquiry_list, name="inquiry_list"),
    path("inquiries/<int:pk>/", views.inquiry_detail, name="inquiry_detail"),
    path("quotes/<int:pk>/order/", views.order_from_quote, name="order_from_quote"),
    path("orders/", views.order_list, name="order_list"),
    path("orders/<int:pk>/", views.order_detail, name="order_detail"),
    path("orders/<int:pk>/pay/", views.order_pay, name="order_pay"),
    path("orders/<int:pk>/review/", views.review_create, name="review_create"),
    path("orders/<int:pk>/transfer/", payment_views.transfer_record, name="transfer_record"),
    path(
        "orders/<int:pk>/transfers/<int:payment_pk>/confirm/", payment_views.transfer_confirm, name="transfer_confirm"
    ),
    path("orders/<int:pk>/transfers/<int:payment_pk>/reject/", payment_views.transfer_reject, name="transfer_reject"),
    path(
        "orders/<int:pk>/transfers/<int:payment_pk>/receipt/", payment_views.transfer_receipt, name="transfer_receipt"
    ),
    path("orders/<int:pk>/refunds/", payment_views.refund_record, name="refund_record"),
    path("orders/<int:pk>/refunds/<int:refund_pk>/confirm/", payment_views.refund_confirm, name="refund_confirm"),
    path("orders/<int:pk>/refunds/<int:refund_pk>/receipt/", payment_views.refund_receipt, name="refund_receipt"),
    path("orders/<int:pk>/invoice/", payment_views.invoice_request, name="invoice_request"),
    path("orders/<int:pk>/invoice/issue/", payment_views.invoice_issue, name="invoice_issue"),
    path("orders/<int:pk>/invoice/file/", payment_views.invoice_file, name="invoice_file"),
    path("invoices/", payment_views.invoice_list, name="invoice_list"),
    path("orders/<int:pk>/<slug:action>/", views.order_action, name="order_action"),
    path("reviews/<int:pk>/reply/", views.review_reply, name="review_reply"),
    path("inbox/", views.inbox_list, name="inbox"),
    path("inbox/read-all/", views.inbox_read_all, name="inbox_read_all"),
    path("inbox/<int:pk>/", views.notification_open, name="notification_open"),
    path("dashboard/", views.dashboard, name="dashboard"),
]
