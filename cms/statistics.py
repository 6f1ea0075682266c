"""The headline figures the home page shows, read from the apps that own them.

The other apps are optional here: a figure whose app (or counting function) is not there is left out
rather than failing the home page. Each reader prefers the owning app's own statistics function and
falls back to its public queryset.
"""

from importlib import import_module

from django.utils.translation import gettext_lazy as _


def _attribute(module_name, *names):
    """`module.name1.name2…`, or None when the module or an attribute does not exist."""
    try:
        value = import_module(module_name)
    except ImportError:
        return None
    for name in names:
        value = getattr(value, name, None)
        if value is None:
            return None
    return value


def approved_institutions():
    counter = _attribute("services.statistics", "approved_institution_count")
    if counter is not None:
        return counter()
    institutions = _attribute("services.models", "Institution", "objects")
    return institutions.public().count() if institutions is not None and hasattr(institutions, "public") else None


def published_listings():
    counter = _attribute("listings.statistics", "published_listing_count")
    if counter is not None:
        return counter()
    listings = _attribute("listings.models", "Listing", "objects")
    return listings.public().count() if listings is not None and hasattr(listings, "public") else None


def upcoming_course_pages():
    """Live courses not started yet, soonest first, or None without the training app."""
    courses = _attribute("training.models", "CoursePage", "objects")
    if courses is None or not hasattr(courses, "upcoming"):
        return None
    return courses.upcoming()


def upcoming_courses():
    courses = upcoming_course_pages()
    return courses.count() if courses is not None else None


def valid_policies():
    from .models import PolicyPage

    return PolicyPage.objects.live().valid().count()


METRICS = {
    "institutions": (_("入驻服务机构"), approved_institutions),
    "listings": (_("在线交易与融资信息"), published_listings),
    "courses": (_("即将开课的培训"), upcoming_courses),
    "policies": (_("现行有效政策"), valid_policies),
}


def headline_figures(choices):
    """[{'metric', 'label', 'value'}] for the chosen metrics [(metric, label or "")], skipping unavailable ones."""
    figures = []
    for metric, label in choices:
        if metric not in METRICS:
            continue
        default_label, count = METRICS[metric]
        value = count()
        if value is not None:
            figures.append({"metric": metric, "label": label or default_label, "value": value})
    return figures
