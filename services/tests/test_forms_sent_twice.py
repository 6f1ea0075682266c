"""A form sent twice (a double click, a reload, a second tab) makes one inquiry, message or order, and the
second sending shows what the first one made."""

import re

import pytest

from services.models import Inquiry, InquiryMessage, Order

pytestmark = pytest.mark.django_db


def form_key(response):
    return re.search(r'name="submission_key" value="([0-9a-f]{32})"', response.content.decode()).group(1)


def test_an_inquiry_form_sent_twice_starts_one_inquiry_and_the_second_lands_on_it(client, institution, enterprise_user):
    client.force_login(enterprise_user)
    url = f"/institutions/{institution.pk}/ask/"
    data = {"subject": "商标续展", "body": "请问续展费用？", "submission_key": form_key(client.get(url))}
    client.post(url, data)
    second = client.post(url, data, follow=True)
    inquiry = Inquiry.objects.get()
    assert second.redirect_chain[-1][0] == inquiry.get_absolute_url()
    assert "这份表单已经提交过" in second.content.decode()
    assert inquiry.messages.count() == 1


def test_a_reply_sent_twice_is_posted_once(client, institution, enterprise_user, institution_user):
    client.force_login(enterprise_user)
    url = f"/institutions/{institution.pk}/ask/"
    client.post(url, {"subject": "商标续展", "body": "请问续展费用？", "submission_key": form_key(client.get(url))})
    inquiry = Inquiry.objects.get()
    client.force_login(institution_user)
    thread = inquiry.get_absolute_url()
    reply = {"body": "续展官费 500 元。", "submission_key": form_key(client.get(thread))}
    client.post(thread, reply)
    second = client.post(thread, reply, follow=True)
    assert second.status_code == 200
    assert InquiryMessage.objects.filter(body="续展官费 500 元。").count() == 1


def test_an_order_form_sent_twice_places_one_order(client, offering, enterprise_user):
    client.force_login(enterprise_user)
    url = f"/institutions/offerings/{offering.pk}/order/"
    data = {"quantity": "1", "requirements": "两件发明专利", "submission_key": form_key(client.get(url))}
    client.post(url, data)
    second = client.post(url, data, follow=True)
    order = Order.objects.get()
    assert second.redirect_chain[-1][0] == order.get_absolute_url()


def test_a_corrected_form_can_be_sent_with_the_same_key_after_an_error(client, institution, enterprise_user):
    client.force_login(enterprise_user)
    url = f"/institutions/{institution.pk}/ask/"
    key = form_key(client.get(url))
    refused = client.post(url, {"subject": "商标续展", "body": "   ", "submission_key": key})
    assert refused.status_code == 400 and form_key(refused) == key
    client.post(url, {"subject": "商标续展", "body": "请问续展费用？", "submission_key": key})
    assert Inquiry.objects.count() == 1


def test_two_forms_of_the_same_person_make_two_inquiries(client, institution, enterprise_user):
    client.force_login(enterprise_user)
    url = f"/institutions/{institution.pk}/ask/"
    for body in ("第一个问题", "第二个问题"):
        client.post(url, {"subject": "咨询", "body": body, "submission_key": form_key(client.get(url))})
    assert Inquiry.objects.count() == 2
