import pytest

from services.models import Offering, ServiceCategory

from .factories import InstitutionFactory, OfferingFactory, member_of

pytestmark = pytest.mark.django_db


def offering_data(**overrides):
    data = {
        "title": "发明专利申请代理",
        "category": ServiceCategory.objects.get(code="patent-filing").pk,
        "description": "技术交底、检索、撰写与递交。",
        "price_type": "fixed",
        "price_yuan": "4800.50",
        "delivery_days": "20",
        "status": "published",
    }
    data.update(overrides)
    return data


def test_institution_creates_an_offering_priced_in_yuan_stored_in_fen(client, institution, institution_user):
    client.force_login(institution_user)
    response = client.post("/institutions/mine/offerings/new/", offering_data())
    assert response.status_code == 302
    offering = Offering.objects.get()
    assert offering.institution == institution
    assert offering.price == 480050
    assert offering.price_display == "¥4,800.50"
    assert "发明专利申请代理" in client.get(f"/institutions/{institution.pk}/").content.decode()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"price_yuan": ""}, "须填写大于零的价格"),
        ({"price_yuan": "0"}, "0.01"),
        ({"price_yuan": "-5"}, "0.01"),
        ({"price_yuan": "12.345"}, "2"),
        ({"price_yuan": "1000000"}, "999999.99"),
        ({"price_yuan": "abc"}, "数"),
    ],
)
def test_bad_prices_are_refused_keeping_input(client, institution_user, overrides, message):
    client.force_login(institution_user)
    response = client.post("/institutions/mine/offerings/new/", offering_data(**overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "技术交底、检索、撰写与递交。" in response.content.decode()
    assert not Offering.objects.exists()


def test_negotiable_offering_needs_no_price(client, institution_user):
    client.force_login(institution_user)
    client.post("/institutions/mine/offerings/new/", offering_data(price_type="negotiable", price_yuan=""))
    offering = Offering.objects.get()
    assert offering.price is None
    assert str(offering.price_display) == "面议"


def test_another_institution_cannot_edit_or_archive_the_offering(client, offering):
    other = member_of(InstitutionFactory().organisation)
    client.force_login(other)
    assert client.get(f"/institutions/mine/offerings/{offering.pk}/edit/").status_code == 404
    assert client.post(f"/institutions/mine/offerings/{offering.pk}/edit/", offering_data()).status_code == 404
    assert client.post(f"/institutions/mine/offerings/{offering.pk}/status/", {"status": "archived"}).status_code == 404
    offering.refresh_from_db()
    assert offering.status == Offering.Status.PUBLISHED


def test_archived_and_draft_offerings_are_not_public(client, institution_user, offering):
    client.force_login(institution_user)
    client.post(f"/institutions/mine/offerings/{offering.pk}/status/", {"status": "archived"})
    offering.refresh_from_db()
    assert offering.status == Offering.Status.ARCHIVED
    client.logout()
    assert client.get(f"/institutions/offerings/{offering.pk}/").status_code == 404
    draft = OfferingFactory(status=Offering.Status.DRAFT)
    assert client.get(f"/institutions/offerings/{draft.pk}/").status_code == 404


def test_enterprise_has_no_institution_pages(client, enterprise_user):
    client.force_login(enterprise_user)
    assert client.get("/institutions/mine/offerings/new/").status_code == 404
