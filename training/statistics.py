"""The training the platform counts: on the home page and toward the plan's targets (700 知识产权工程师,
30 专利代理人).

A completion is a `Certificate`: it is issued once per completed enrolment and outlives the course
page, so the counts do not change when a course is edited or deleted.
"""

from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from core.figures import Figure
from core.measures import Measurement

from .models import Certificate, CoursePage


def completions(course_type):
    """Certificates issued for courses of one type, each counted from its day of issue, in the district
    of the organisation the person enrolled for (people without one count for the whole city only)."""
    return Figure(
        Certificate.objects.filter(course_type=course_type),
        date_field="issued_on",
        district_lookup="organisation__district",
    )


def certificates_records(course_type, district=None, on=None):
    """The certificates behind `people_trained`."""
    return completions(course_type).queryset(district, on)


def upcoming_courses():
    """Live public courses that have not started yet and are not cancelled."""
    return Figure(CoursePage.objects.upcoming())


def people_trained(course_type, district=None, on=None):
    """The people who completed a course of one type by `on`: each person once, however many
    certificates they hold (the certificate count beside it). In a district, the people with a
    certificate issued for an organisation of that district."""
    certificates = completions(course_type).queryset(district, on or timezone.localdate())
    people = certificates.values("holder").distinct().count()
    return Measurement(Decimal(people), parts=((_("人数（名）"), people), (_("结业证书（张）"), certificates.count())))
