import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def link_in(message):
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def test_signup_requires_verifying_the_email_before_logging_in(client, password):
    response = client.post(
        reverse("account_signup"),
        {"email": "new@example.com", "name": "新用户", "password1": password, "password2": password},
    )
    assert response.status_code == 302
    user = User.objects.get(email="new@example.com")
    assert user.name == "新用户"
    assert len(mail.outbox) == 1

    login = client.post(reverse("account_login"), {"login": "new@example.com", "password": password})
    assert login.status_code == 302
    assert login["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session

    confirm_path = link_in(mail.outbox[-1])
    client.post(confirm_path)
    assert client.session["_auth_user_id"] == str(user.pk)
    assert user.emailaddress_set.get().verified


def test_signup_with_an_email_already_registered_is_refused(client, password):
    UserFactory(email="taken@example.com")
    response = client.post(
        reverse("account_signup"),
        {"email": "taken@example.com", "name": "某人", "password1": password, "password2": password},
    )
    assert response.status_code == 200
    assert "taken@example.com" in response.content.decode()
    assert response.context["form"].errors["email"]
    assert User.objects.filter(email="taken@example.com").count() == 1


def test_wrong_password_is_refused_and_repeated_failures_are_rate_limited(client, settings, password):
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "3/m/ip"}
    UserFactory(email="someone@example.com")
    for _attempt in range(3):
        response = client.post(reverse("account_login"), {"login": "someone@example.com", "password": "wrong"})
        assert response.status_code == 200
        assert response.context["form"].errors
    response = client.post(reverse("account_login"), {"login": "someone@example.com", "password": password})
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session


def test_password_reset_by_email_lets_the_user_log_in_with_the_new_password(client):
    user = UserFactory(email="forgetful@example.com")
    client.post(reverse("account_reset_password"), {"email": "forgetful@example.com"})
    assert len(mail.outbox) == 1
    reset_path = link_in(mail.outbox[0])
    form_page = client.get(reset_path, follow=True)
    set_path = form_page.redirect_chain[-1][0] if form_page.redirect_chain else reset_path
    client.post(set_path, {"password1": "a-brand-new-secret-42", "password2": "a-brand-new-secret-42"})
    client.logout()
    client.post(reverse("account_login"), {"login": user.email, "password": "a-brand-new-secret-42"})
    assert client.session["_auth_user_id"] == str(user.pk)


def test_logout_ends_the_session(client):
    client.force_login(UserFactory())
    client.post(reverse("account_logout"))
    assert "_auth_user_id" not in client.session
