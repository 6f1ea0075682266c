from django.urls import path

from . import views

app_name = "funding"

urlpatterns = [
    path("", views.programmes, name="programmes"),
    path("programmes/<int:pk>/", views.programme, name="programme"),
    path("programmes/<int:pk>/apply/", views.apply, name="apply"),
    path("programmes/<int:pk>/open/", views.open_programme, name="open_programme"),
    path("programmes/<int:pk>/publicise/", views.publicise, name="publicise"),
    path("applications/", views.my_applications, name="my_applications"),
    path("applications/<int:pk>/", views.application, name="application"),
    path("applications/<int:pk>/details/", views.save_details, name="save_details"),
    path("applications/<int:pk>/items/", views.add_item, name="add_item"),
    path("applications/<int:pk>/items/<int:item_pk>/remove/", views.remove_item, name="remove_item"),
    path("applications/<int:pk>/attachments/", views.add_attachment, name="add_attachment"),
    path("applications/<int:pk>/attachments/<int:attachment_pk>/", views.attachment, name="attachment"),
    path("applications/<int:pk>/loan-documents/<int:document_pk>/", views.loan_document, name="loan_document"),
    path("applications/<int:pk>/submit/", views.submit, name="submit"),
    path("applications/<int:pk>/review/", views.review, name="review"),
    path("applications/<int:pk>/pay/", views.pay, name="pay"),
    path("review/", views.review_queue, name="review_queue"),
    path("objections/<int:pk>/decide/", views.decide_objection, name="decide_objection"),
    path("notices/<int:pk>/", views.notice, name="notice"),
    path("notices/<int:pk>/notice.xlsx", views.notice_xlsx, name="notice_xlsx"),
    path("notices/<int:pk>/object/", views.object_to, name="object"),
    path("notices/<int:pk>/payments.xlsx", views.finance_xlsx, name="finance_xlsx"),
    path("statistics/", views.statistics_page, name="statistics"),
]
