from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from reference.models import District
from rights import cases, statistics
from rights.models import Case, Outcome

pytestmark = pytest.mark.django_db


def closed_case(handler, admin, unit, category, district, outcome, days):
    case, _secret = cases.submit_report(
        {"category": category, "infringer": "某商行", "description": "侵权", "district": district}
    )
    case = cases.assign(case, admin, unit, handler)
    case = cases.accept(case, handler)
    case = cases.close(case, handler, outcome, "结果")
    Case.objects.filter(pk=case.pk).update(created_at=case.closed_at - timedelta(days=days))
    return case


def test_aggregates_by_category_district_month_and_handling_time(rights_admin, trademark_handler, unit):
    haizhou = District.objects.get(code="haizhou")
    gongshangju = unit("gongshangju")
    closed_case(trademark_handler, rights_admin, gongshangju, "trademark", haizhou, Outcome.PENALISED, 4)
    closed_case(trademark_handler, rights_admin, gongshangju, "trademark", haizhou, Outcome.NOT_INFRINGING, 8)
    cases.submit_report({"category": "copyright", "infringer": "某网吧", "description": "盗版"})

    totals = statistics.summary()
    assert totals["received"] == 3 and totals["open"] == 1 and totals["closed"] == 2
    assert totals["established"] == 1 and totals["reports"] == 3 and totals["assistance"] == 0
    assert totals["average_handling_days"] == 6.0

    by_category = {row["category"]: row for row in statistics.by_category()}
    assert by_category["trademark"] == {
        "category": "trademark",
        "label": "假冒商标",
        "received": 2,
        "closed": 2,
        "established": 1,
    }
    assert by_category["customs"]["received"] == 0  # every category is listed
    by_district = {row["label"]: row for row in statistics.by_district()}
    assert by_district["海州区"]["received"] == 2 and by_district["海州区"]["established"] == 1
    assert by_district["未注明"]["received"] == 1
    months = statistics.by_month(3)
    assert len(months) == 3 and months[-1]["month"] == timezone.localdate().strftime("%Y-%m")
    assert sum(m["received"] for m in months) >= 1 and months[-1]["closed"] == 2
    assert statistics.summary(year=2001)["received"] == 0


def test_public_summary_shows_the_aggregates_and_links_to_the_forms(client, rights_admin, trademark_handler, unit):
    closed_case(
        trademark_handler,
        rights_admin,
        unit("gongshangju"),
        "trademark",
        District.objects.get(code="donghai"),
        Outcome.PENALISED,
        3,
    )
    page = client.get(reverse("rights:index")).content.decode()
    assert (
        reverse("rights:report") in page and reverse("rights:assistance") in page and reverse("rights:status") in page
    )
    assert 'data-stat="established">1<' in page
    assert 'data-stat="average_handling_days">3.0<' in page
    assert "某商行" not in page  # anonymised: no party names


def test_summary_page_is_available_in_english(client):
    client.cookies["ipp_language"] = "en"
    page = client.get(reverse("rights:index")).content.decode()
    assert "Report an infringement" in page and "Infringements established" in page
