import pytest

from payments.models import Payment
from tests.factories import MembershipFactory, UserFactory

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


def test_staff_see_payments_but_cannot_edit_them(client, payment):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
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
