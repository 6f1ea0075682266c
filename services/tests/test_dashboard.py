import pytest

from services import orders
from services.models import Notification

pytestmark = pytest.mark.django_db


def test_enterprise_dashboard_counts_orders_and_unread_messages(
    client, offering, enterprise_user, institution_user, django_assert_max_num_queries
):
    order = orders.place_order(enterprise_user, offering=offering)
    orders.accept(order, institution_user)
    client.force_login(enterprise_user)
    with django_assert_max_num_queries(30):
        response = client.get("/institutions/dashboard/")
    content = response.content.decode()
    assert 'id="count-unread">1<' in content
    assert 'id="count-pending">1<' in content
    assert order.number in content


def test_institution_dashboard_counts_new_orders(client, offering, enterprise_user, institution_user):
    orders.place_order(enterprise_user, offering=offering)
    client.force_login(institution_user)
    content = client.get("/institutions/dashboard/").content.decode()
    assert 'id="count-pending">1<' in content
    assert 'id="count-unread">1<' in content


def test_inbox_shows_only_the_users_organisation_and_marks_read(client, offering, enterprise_user, outsider):
    order = orders.place_order(enterprise_user, offering=offering)
    entry = Notification.objects.get(organisation=offering.institution.organisation)
    client.force_login(outsider)
    assert order.number not in client.get("/institutions/inbox/").content.decode()
    assert client.get(f"/institutions/inbox/{entry.pk}/").status_code == 404
    entry.refresh_from_db()
    assert entry.read_at is None


def test_anonymous_visitors_are_sent_to_log_in(client):
    for url in (
        "/institutions/dashboard/",
        "/institutions/inbox/",
        "/institutions/orders/",
        "/institutions/inquiries/",
    ):
        assert client.get(url).status_code == 302
