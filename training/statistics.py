"""Completions counted for the plan's targets (700 知识产权工程师, 30 专利代理人).

A completion is a `Certificate`: it is issued once per completed enrolment and outlives the course
page, so these counts do not change when a course is edited or deleted.
"""

from django.db.models import Count
from django.db.models.functions import ExtractYear

from .models import Certificate, CourseType


def _certificates(start=None, end=None, district=None):
    # No ordering: the default ordering would otherwise join the GROUP BY.
    certificates = Certificate.objects.order_by()
    if start:
        certificates = certificates.filter(issued_on__gte=start)
    if end:
        certificates = certificates.filter(issued_on__lte=end)
    if district:
        certificates = certificates.filter(organisation__district=district)
    return certificates


def completions_by_type(start=None, end=None, district=None):
    """{course type: number of completions}, every type present (0 when none), optionally for a period
    (`issued_on` between the dates `start` and `end`, inclusive) or one district."""
    counts = dict(_certificates(start, end, district).values_list("course_type").annotate(n=Count("pk")))
    return {course_type: counts.get(course_type, 0) for course_type in CourseType.values}


def completions_by_district(course_type=None):
    """{district name: completions} by the district of the organisation the person enrolled for;
    people without an organisation are counted under "" ."""
    certificates = _certificates()
    if course_type:
        certificates = certificates.filter(course_type=course_type)
    rows = certificates.values_list("organisation__district__name").annotate(n=Count("pk"))
    return {name or "": n for name, n in rows}


def completions_by_year(course_type=None):
    """{year: completions}, oldest first."""
    certificates = _certificates()
    if course_type:
        certificates = certificates.filter(course_type=course_type)
    rows = certificates.annotate(year=ExtractYear("issued_on")).values_list("year").annotate(n=Count("pk"))
    return dict(sorted(rows))
