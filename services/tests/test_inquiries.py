import pytest
from django.core import mail

from services import inquiries
from services.models import Inquiry, InquiryMessage, Notification

from .factories import InstitutionFactory, member_of

pytestmark = pytest.mark.django_db

# The header's badge: the count for the eye, the words for a screen reader.
UNREAD_ONE = 'text-bg-danger" aria-hidden="true">1</span><span class="visually-hidden">1 条未读</span>'


class FailingBackend:
    """An e-mail backend whose server is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP server is down")


def ask(client, institution, body="我们想了解发明专利申请的费用和周期。"):
    return client.post(f"/institutions/{institution.pk}/ask/", {"subject": "专利申请咨询", "body": body})


def test_enterprise_asks_and_the_institution_is_told_on_site_and_by_email(
    client, institution, institution_user, enterprise_user, django_capture_on_commit_callbacks
):
    client.force_login(enterprise_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client, institution)
    inquiry = Inquiry.objects.get()
    assert response.status_code == 302
    assert inquiry.enterprise == enterprise_user.organisation
    assert Notification.objects.filter(organisation=institution.organisation, read_at__isnull=True).count() == 1
    assert institution_user.email in mail.outbox[-1].to
    client.force_login(institution_user)
    assert UNREAD_ONE in client.get("/institutions/inquiries/").content.decode()
    page = client.get(inquiry.get_absolute_url())
    assert "发明专利申请的费用" in page.content.decode()
    # Opening the thread reads its messages.
    assert not Notification.objects.filter(organisation=institution.organisation, read_at__isnull=True).exists()


def test_both_sides_continue_the_thread_and_each_message_notifies_the_other(
    client, institution, institution_user, enterprise_user, search_index
):
    client.force_login(enterprise_user)
    ask(client, institution)
    inquiry = Inquiry.objects.get()
    client.force_login(institution_user)
    client.post(inquiry.get_absolute_url(), {"body": "您好，请提供技术交底书。", "quote_yuan": "5000"})
    assert Notification.objects.filter(organisation=enterprise_user.organisation, title__contains="报价").exists()
    client.force_login(enterprise_user)
    assert UNREAD_ONE in client.get("/institutions/").content.decode()
    client.post(inquiry.get_absolute_url(), {"body": "好的，已上传。"})
    assert list(inquiry.messages.values_list("side", flat=True)) == ["enterprise", "institution", "enterprise"]
    assert inquiry.messages.get(side="institution").quote_amount == 500000
    inquiry.refresh_from_db()
    assert inquiry.first_reply_at is not None
    institution.refresh_from_db()
    assert institution.median_reply_seconds is not None


def test_enterprise_cannot_propose_a_quote(client, institution, enterprise_user):
    client.force_login(enterprise_user)
    ask(client, institution)
    inquiry = Inquiry.objects.get()
    client.post(inquiry.get_absolute_url(), {"body": "我出价一元", "quote_yuan": "1"})
    assert not InquiryMessage.objects.filter(quote_amount__isnull=False).exists()
    with pytest.raises(inquiries.InquiryError):
        inquiries.post_message(inquiry, enterprise_user, body="x", quote_amount=100)


def test_a_member_of_another_organisation_cannot_read_or_write_the_thread(
    client, institution, enterprise_user, outsider
):
    client.force_login(enterprise_user)
    ask(client, institution)
    inquiry = Inquiry.objects.get()
    client.force_login(outsider)
    assert client.get(inquiry.get_absolute_url()).status_code == 404
    assert client.post(inquiry.get_absolute_url(), {"body": "偷看"}).status_code == 404
    assert "专利申请咨询" not in client.get("/institutions/inquiries/").content.decode()
    other_institution_user = member_of(InstitutionFactory().organisation)
    client.force_login(other_institution_user)
    assert client.get(inquiry.get_absolute_url()).status_code == 404
    assert inquiry.messages.count() == 1


def test_an_institution_cannot_ask_itself(client, institution, institution_user):
    client.force_login(institution_user)
    response = ask(client, institution)
    assert response.status_code == 400
    assert "不能向自己的机构咨询" in response.content.decode()
    assert not Inquiry.objects.exists()


def test_empty_message_is_refused_and_nothing_is_saved(client, institution, enterprise_user):
    client.force_login(enterprise_user)
    response = ask(client, institution, body="   ")
    assert response.status_code == 400
    assert not Inquiry.objects.exists()


def test_messages_are_escaped(client, institution, enterprise_user):
    client.force_login(enterprise_user)
    ask(client, institution, body="<script>alert('x')</script>")
    content = client.get(Inquiry.objects.get().get_absolute_url()).content.decode()
    assert "<script>alert" not in content
    assert "&lt;script&gt;alert" in content


def test_a_failing_mail_server_loses_nothing(
    client, institution, institution_user, enterprise_user, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "services.tests.test_inquiries.FailingBackend"
    client.force_login(enterprise_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client, institution, body="邮件服务器宕机时这条消息也不能丢。")
    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    client.force_login(institution_user)
    assert "邮件服务器宕机时这条消息也不能丢。" in client.get(inquiry.get_absolute_url()).content.decode()
    assert Notification.objects.filter(inquiry=inquiry).exists()


def test_inquiries_only_to_public_institutions(client, enterprise_user):
    pending = InstitutionFactory(status="pending")
    client.force_login(enterprise_user)
    assert ask(client, pending).status_code == 404
    assert not Inquiry.objects.exists()
