"""The training the platform counts: on the home page and toward the plan's targets (700 知识产权工程师,
30 专利代理人).

A completion is a `Certificate`: it is issued once per completed enrolment and outlives the course
page, so the counts do not change when a course is edited or deleted.
"""

from core.figures import Figure

from .models import Certificate, CoursePage


def completions(course_type):
    """Certificates issued for courses of one type, each counted from its day of issue, in the district
    of the organisation the person enrolled for (people without one count for the whole city only)."""
    return Figure(
        Certificate.objects.filter(course_type=course_type),
        date_field="issued_on",
        district_lookup="organisation__district",
    )


def upcoming_courses():
    """Live public courses that have not started yet and are not cancelled."""
    return Figure(CoursePage.objects.upcoming())
