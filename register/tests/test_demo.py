import io

import pytest
from django.utils import timezone

from register import demo
from register.models import Patent, Trademark
from register.numbers import normalise_application_number
from register.terms import current_status

pytestmark = pytest.mark.django_db


def test_the_demo_register_is_labelled_consistent_and_loaded_once(settings):
    settings.REGISTER_DEMO_SCALE = 0.005
    demo.load(io.StringIO())
    patents = list(Patent.objects.prefetch_related("events"))
    assert len(patents) == 100 and Trademark.objects.count() == 75
    for patent in patents:
        assert patent.abstract.startswith(demo.LABEL)
        assert patent.source.kind == "demo"
        assert normalise_application_number(patent.application_number) == patent.application_number
        events = [(event.kind, event.date) for event in patent.events.all()]
        expected = current_status(
            patent.patent_type, patent.filing_date, events, timezone.localdate(patent.status_checked_at)
        )
        assert patent.status == expected.status
    demo.load(io.StringIO())
    assert Patent.objects.count() == 100
