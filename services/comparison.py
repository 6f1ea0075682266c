"""Institutions side by side: what an enterprise compares before choosing an agency.

Only public (approved, active) institutions are compared, at most MAX_COMPARED at a time, in the order
chosen. The figures are the institution's stored scorecard (services.scorecard keeps them in step), the
same the directory shows; nothing is recounted here.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Institution, Offering

MAX_COMPARED = 4


class ComparisonError(Exception):
    """The selection cannot be compared; the message is shown to the visitor."""


def parse_ids(raw):
    """ "3,7,12" (as the comparison URL carries it) → [3, 7, 12]: repeated ids once, in their first place."""
    ids = []
    for part in (raw or "").replace(" ", ",").split(","):
        if not part:
            continue
        if not part.isdigit():
            raise ComparisonError(_("比较链接有误：机构编号应为数字。"))
        if int(part) not in ids:
            ids.append(int(part))
    return ids


@dataclass
class Comparison:
    institutions: list
    # (category, [offerings of each institution in that category]) for every category any of them offers.
    offering_rows: list = field(default_factory=list)
    # How many of the ids asked for are not (or no longer) public.
    unavailable: int = 0

    @property
    def ids(self):
        return ",".join(str(institution.pk) for institution in self.institutions)


def years_on_platform(institution, today=None):
    """Whole years since the institution was approved (0 in its first year); None if it never was."""
    if institution.approved_at is None:
        return None
    today = today or timezone.localdate()
    since = timezone.localtime(institution.approved_at).date()
    return today.year - since.year - ((today.month, today.day) < (since.month, since.day))


def compare(ids):
    if len(ids) > MAX_COMPARED:
        raise ComparisonError(
            _("最多可同时比较 %(max)s 家机构，您选择了 %(count)s 家，请减少后再比较。")
            % {"max": MAX_COMPARED, "count": len(ids)}
        )
    published = Offering.objects.public().select_related("category").order_by("category__sort_order", "title")
    found = {
        institution.pk: institution
        for institution in Institution.objects.public()
        .filter(pk__in=ids)
        .select_related("organisation", "district")
        .prefetch_related(Prefetch("offerings", queryset=published, to_attr="published_offerings"))
    }
    institutions = [found[pk] for pk in ids if pk in found]
    today = timezone.localdate()
    for institution in institutions:
        institution.years_on_platform = years_on_platform(institution, today)
        # The comparison without this one, for its "remove" link.
        institution.ids_without = ",".join(str(other.pk) for other in institutions if other is not institution)
    categories = {}
    for institution in institutions:
        for offering in institution.published_offerings:
            categories.setdefault(offering.category_id, offering.category)
    offering_rows = [
        (
            category,
            [
                [offering for offering in institution.published_offerings if offering.category_id == category.pk]
                for institution in institutions
            ],
        )
        for category in sorted(categories.values(), key=lambda category: (category.sort_order, category.name))
    ]
    return Comparison(institutions, offering_rows, unavailable=len(ids) - len(institutions))
