import pytest

from accounts.roles import FINANCE, RIGHTS_HANDLERS
from payments.models import Payment
from tests.factories import MembershipFactory, UserFactory, staff_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def payment():
    membership = MembershipFactory()
    return Payment.objects.create(
        payable=membership.organisation,
        user=membership.user,
        organisation=membership.organisation,
        description="版权登记代理",
        amount=80000,
        currency="cny",
    )


def test_finance_see_payments_but_cannot_edit_them(client, payment):
    client.force_login(staff_in(FINANCE))
    listing = client.get("/admin/payment_records/")
    assert listing.status_code == 200
    assert "版权登记代理" in listing.content.decode()
    assert client.get(f"/admin/payment_records/inspect/{payment.pk}/").status_code == 200
    assert client.get(f"/admin/payment_records/edit/{payment.pk}/").status_code in (302, 403)
    assert client.post(f"/admin/payment_records/delete/{payment.pk}/").status_code in (302, 403)
    assert Payment.objects.filter(pk=payment.pk).exists()


def test_enterprise_user_cannot_reach_the_payment_admin(client, payment):
    client.force_login(payment.user)
    assert client.get("/admin/payment_records/").status_code == 403


def test_superusers_cannot_edit_payments_either(client, payment):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert client.get("/admin/payment_records/").status_code == 200
    assert client.get(f"/admin/payment_records/edit/{payment.pk}/").status_code in (302, 403)


def test_staff_of_another_role_neither_see_payments_nor_the_menu_entry(client, payment):
    client.force_login(staff_in(RIGHTS_HANDLERS))
    assert client.get("/admin/payment_records/").status_code in (302, 403)
    assert client.get(f"/admin/payment_records/inspect/{payment.pk}/").status_code in (302, 403)
    assert "/admin/payment_records/" not in client.get("/admin/").content.decode()
