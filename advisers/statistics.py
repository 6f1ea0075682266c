"""The people recognised as IP engineers (评聘), for the targets beside the people trained.

A recognition counts from its decision day (`decided_on`) once staff have recorded it as recognised, in
the district of the person's organisation when it was recorded; each person once, whatever their level
or number of decisions."""

from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from core.figures import Figure
from core.measures import Measurement

from .models import TitleRecognition


def recognitions():
    return Figure(
        TitleRecognition.objects.filter(status=TitleRecognition.Status.RECOGNISED),
        date_field="decided_on",
        district_lookup="organisation__district",
    )


def people_recognised(district=None, on=None):
    records = recognitions().queryset(district, on or timezone.localdate())
    people = records.values("person").distinct().count()
    return Measurement(Decimal(people), parts=((_("人数（名）"), people), (_("评聘记录（份）"), records.count())))


def recognitions_records(district=None, on=None):
    return recognitions().queryset(district, on or timezone.localdate())
