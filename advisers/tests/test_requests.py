"""Requests from enterprises: private to the two sides, answered once, contact details only after acceptance."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from advisers import requests
from advisers.models import AdviceRequest
from advisers.tests.factories import certified, enterprise_member, profile_of
from services.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    adviser = certified(name="周顾问", phone="13900000001")
    profile = profile_of(adviser, publish=True)
    asker = enterprise_member()
    today = timezone.localdate()
    with django_capture_on_commit_callbacks(execute=True):
        advice_request = requests.send_request(
            asker,
            profile,
            topic="出口产品专利布局",
            message="我们计划出口石英制品，想了解海外专利布局。",
            preferred_from=today + timedelta(days=3),
            preferred_to=today + timedelta(days=10),
        )
    return advice_request, adviser, asker


def test_the_adviser_is_told_by_email(sent):
    advice_request, adviser, _asker = sent
    assert [m.to for m in mail.outbox] == [[adviser.email]]
    assert advice_request.enterprise.name in mail.outbox[0].subject


def test_another_organisation_cannot_see_a_request(client, sent):
    advice_request, adviser, asker = sent
    url = reverse("advisers:request", args=[advice_request.pk])
    other = enterprise_member()
    client.force_login(other)
    assert client.get(url).status_code == 404
    assert "出口产品专利布局" not in client.get(reverse("advisers:requests")).content.decode()
    answer = reverse("advisers:answer_request", args=[advice_request.pk])
    assert client.post(answer, {"decision": "accept"}).status_code == 404
    assert AdviceRequest.objects.get(pk=advice_request.pk).is_open
    for person in (adviser, asker):
        client.force_login(person)
        assert client.get(url).status_code == 200


def test_only_the_adviser_may_answer(sent):
    advice_request, _adviser, asker = sent
    with pytest.raises(requests.RequestError, match="顾问本人"):
        requests.answer(advice_request, asker, accepted=True)
    assert AdviceRequest.objects.get(pk=advice_request.pk).is_open


def test_a_repeated_accept_acts_once(sent):
    advice_request, adviser, _asker = sent
    requests.answer(advice_request, adviser, accepted=True, answer="可以，下周二面谈。")
    with pytest.raises(requests.RequestError, match="已答复"):
        requests.answer(advice_request, adviser, accepted=True)
    with pytest.raises(requests.RequestError):
        requests.answer(advice_request, adviser, accepted=False)

    advice_request.refresh_from_db()
    assert advice_request.is_accepted
    assert advice_request.events.count() == 1
    assert Notification.objects.filter(organisation=advice_request.enterprise).count() == 1


def test_contact_details_are_shown_only_after_acceptance(client, sent):
    advice_request, adviser, asker = sent
    assert requests.contact_for(advice_request, asker) is None
    assert requests.contact_for(advice_request, adviser) is None
    client.force_login(asker)
    url = reverse("advisers:request", args=[advice_request.pk])
    assert adviser.email not in client.get(url).content.decode()

    client.force_login(adviser)
    client.post(reverse("advisers:answer_request", args=[advice_request.pk]), {"decision": "accept"})
    assert asker.email in client.get(url).content.decode()
    client.force_login(asker)
    page = client.get(url).content.decode()
    assert adviser.email in page and "13900000001" in page
