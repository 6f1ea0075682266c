import os
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from subscriptions.models import SavedSearch
from subscriptions.sources import search_query

pytestmark = pytest.mark.django_db


def test_demo_people_watch_their_ipc_class_the_policies_and_a_competitor_and_loading_twice_changes_nothing():
    call_command("load_demo", stdout=open(os.devnull, "w"))
    saved = {s.owner.email: s for s in SavedSearch.objects.select_related("owner", "page")}
    call_command("load_demo", stdout=open(os.devnull, "w"))
    assert SavedSearch.objects.count() == len(saved) == 3
    enterprise, pharma, quartz = (saved[f"{who}@demo.ip.lyg"] for who in ("enterprise", "pharma", "quartz"))
    assert (enterprise.source, enterprise.frequency) == ("transactions", "daily")
    assert search_query(enterprise.source, enterprise.querystring).text == "C08J"
    assert pharma.source == "policies" and pharma.page.specific.__class__.__name__ == "PolicyIndexPage"
    assert search_query(pharma.source, pharma.querystring, pharma.page.specific).text == "专利资助"
    assert quartz.source == "register"
    competitor_watch = search_query(quartz.source, quartz.querystring)
    assert competitor_watch.scope == ["patent"]
    assert {"applicant:连云港东海晶石英有限公司"} in competitor_watch.required_tags()
    # Saved a month ago, so the demo's later postings and imports are what they hear of.
    assert all(s.created_at < timezone.now() - timedelta(days=20) for s in saved.values())
