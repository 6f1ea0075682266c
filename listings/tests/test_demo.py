import os

import pytest
from django.core.management import call_command

from listings.models import Deal, FinancingCase, Listing
from listings.statistics import financing_deals, transaction_deals

pytestmark = pytest.mark.django_db


def test_demo_data_has_every_kind_and_state_and_loads_twice_without_change():
    call_command("load_demo", stdout=open(os.devnull, "w"))
    counts = (Listing.objects.count(), Deal.objects.count(), FinancingCase.objects.count())
    call_command("load_demo", stdout=open(os.devnull, "w"))
    assert (Listing.objects.count(), Deal.objects.count(), FinancingCase.objects.count()) == counts
    assert set(Listing.objects.values_list("status", flat=True)) == set(Listing.Status.values)
    assert set(Listing.objects.values_list("section", flat=True)) == set(Listing.Section.values)
    assert set(Listing.objects.transactions().values_list("kind", flat=True)) >= {
        "patent_transfer",
        "patent_licence_exclusive",
        "patent_licence_sole",
        "patent_licence_ordinary",
        "trademark_licence",
        "copyright_transfer",
        "tech_cooperation",
    }
    assert transaction_deals().count() == 2
    assert financing_deals().count() == 1
    for listing in Listing.objects.all():
        listing.full_clean()
        for record in listing.ip_records.all():
            record.full_clean()


def test_demo_financing_cases_are_booked_on_a_product_that_takes_the_pledged_ip():
    call_command("load_demo", stdout=open(os.devnull, "w"))
    cases = FinancingCase.objects.select_related("product", "need")
    assert cases.exists()
    for case in cases:
        offered = {record.ip_type for record in case.need.ip_records.all()}
        assert case.product is not None
        assert offered & set(case.product.eligible_ip_types), (case.need.title, case.product.title)
