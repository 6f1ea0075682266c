"""The rights pages offer 申请援助 only to those who may ask for assistance: members of an enterprise."""

import pytest
from django.urls import reverse

from accounts.models import Organisation
from rights import cases
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_an_institution_member_is_told_before_the_click_that_assistance_is_for_enterprises(client):
    user = MembershipFactory(organisation__kind=Organisation.Kind.INSTITUTION).user
    client.force_login(user)
    page = client.get(reverse("rights:index")).content.decode()
    assert reverse("rights:assistance") not in page
    assert "维权援助申请须以企业身份提交" in page
    assert reverse("rights:assistance") not in client.get(reverse("rights:my_cases")).content.decode()
    assert client.get(reverse("rights:assistance")).status_code == 403


def test_an_enterprise_member_is_offered_assistance_and_a_visitor_is_asked_to_log_in(client):
    page = client.get(reverse("rights:index")).content.decode()
    assert "登录后申请援助" in page
    user = MembershipFactory().user
    assert cases.may_request_assistance(user)
    client.force_login(user)
    page = client.get(reverse("rights:index")).content.decode()
    assert f'href="{reverse("rights:assistance")}"' in page
    assert 'id="assistance-refusal"' not in page
