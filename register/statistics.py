"""The plan's patent and trademark indicators, counted from the register as things stood on any day.

Every rule takes a district (None: the whole city) and a day `on` (None: today) and returns a
`core.measures.Measurement`; the `*_records` functions give the records behind a figure for its
drill-down. A record counts for the city when one of its applicants (registrants) is in a district of
the city (`district` is set on import from the address); records of applicants elsewhere never count.

Dates decide "as of": a patent's status on a day is `register.terms.current_status`'s with the events
up to that day (decided in SQL by its twin `register.terms.in_force_on` for the counts), so a lapse
recorded today does not change a figure of last year; a trademark counts from its registration day
until its term ends or its cancellation (`status_since`) takes effect. Reference data (population, R&D
spending, the list of abnormal applications) comes from `reference`, entered by staff from the published
statistics.
"""

from datetime import date
from decimal import Decimal

from django.db.models import Exists, Min, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from core.dates import years_after
from core.measures import Measurement, ratio
from reference.models import AbnormalApplication, District, RdSpending, ResidentPopulation

from .models import CustomsRecordal, LegalEvent, PartyKind, Patent, PatentParty, Trademark
from .terms import EventKind, PatentType, in_force_on


def _day(on):
    return on or timezone.localdate()


def _city(records, district):
    """Records of the city (an applicant in one of its districts), or of one district."""
    return records.filter(district=district) if district is not None else records.filter(district__isnull=False)


def _year_to(on):
    return date(on.year, 1, 1), on


def _count(value, label):
    return Measurement(Decimal(value), parts=((label, value),))


# -- patents -----------------------------------------------------------------------------------------


def granted_patents():
    """Patents with the day they were granted: the grant event's, else the grant date of the export
    (the same precedence as `current_status`)."""
    first_grant = (
        LegalEvent.objects.filter(patent=OuterRef("pk"), kind=EventKind.GRANT)
        .values("patent")
        .annotate(day=Min("date"))
        .values("day")
    )
    return Patent.objects.annotate(granted_on=Coalesce(Subquery(first_grant), "grant_date"))


def invention_grants_records(district=None, on=None, since=None):
    """Invention patents of the city granted on or before `on` (and on or after `since`)."""
    on = _day(on)
    records = _city(granted_patents(), district).filter(patent_type=PatentType.INVENTION, granted_on__lte=on)
    return records.filter(granted_on__gte=since) if since else records


def valid_invention_patent_ids(district=None, on=None, districts=None):
    """The primary keys (a lazy queryset) of the invention patents of the city in force at the end of
    `on`, their status decided in SQL by `register.terms.in_force_on`, which agrees with `current_status`
    on each patent's type, filing date and events up to that day."""
    on = _day(on)
    candidates = _city(Patent.objects.all(), district).filter(patent_type=PatentType.INVENTION, filing_date__lte=on)
    if districts is not None:
        candidates = candidates.filter(district__in=districts)
    return in_force_on(candidates, on).values_list("pk", flat=True)


def valid_invention_patents_records(district=None, on=None, *, urban_only=False):
    """The invention patents in force on `on` in the districts of the scope (`districts_in_scope`): the
    records behind `invention_patents_per_10k`."""
    districts = districts_in_scope(district, urban_only)
    return Patent.objects.filter(pk__in=valid_invention_patent_ids(on=on, districts=districts))


def districts_in_scope(district, urban_only):
    districts = District.objects.all()
    if urban_only:
        districts = districts.filter(is_urban=True)
    if district is not None:
        districts = districts.filter(pk=district.pk)
    return list(districts)


def population(districts, year):
    """(year, residents in 万人) of the latest year up to `year` for which every district has a figure,
    or (None, None)."""
    wanted = {district.pk for district in districts}
    by_year = {}
    for district_id, row_year, residents in ResidentPopulation.objects.filter(
        district__in=wanted, year__lte=year
    ).values_list("district_id", "year", "residents"):
        by_year.setdefault(row_year, {})[district_id] = residents
    for row_year in sorted(by_year, reverse=True):
        if set(by_year[row_year]) == wanted:
            return row_year, sum(by_year[row_year].values(), Decimal(0))
    return None, None


def invention_patents_per_10k(district=None, on=None, *, urban_only=False):
    """Valid invention patents per 10,000 residents: patents in force on `on` in the districts of the
    scope (the urban districts, or every district and county) ÷ their resident population (万人) of
    the latest year up to `on`'s year with a figure for each of them."""
    on = _day(on)
    districts = districts_in_scope(district, urban_only)
    if not districts:
        return Measurement(None, missing=_("该县区不属于市区。"))
    patents = valid_invention_patent_ids(on=on, districts=districts).count()
    year, residents = population(districts, on.year)
    parts = ((_("有效发明专利（件）"), patents),)
    if year is None:
        return Measurement(None, parts=parts, missing=_("缺少常住人口数据：请在“参考数据 → 常住人口”中录入。"))
    parts += ((_("%(year)s年常住人口（万人）") % {"year": year}, residents),)
    return Measurement(ratio(patents, residents), parts=parts)


def invention_grants_this_year_records(district=None, on=None):
    """Invention patents of the city granted from 1 January of `on`'s year up to `on`."""
    start, end = _year_to(_day(on))
    return invention_grants_records(district, end, since=start)


def invention_grants_in(district, start, end):
    return invention_grants_records(district, end, since=start).count()


def invention_grant_growth(district=None, on=None):
    """Growth of invention grants on the same period of the year before: grants from 1 January to
    `on` against grants from 1 January to the same day a year earlier, in percent."""
    on = _day(on)
    start, end = _year_to(on)
    current = invention_grants_in(district, start, end)
    earlier = invention_grants_in(district, years_after(start, -1), years_after(end, -1))
    parts = (
        (_("%(year)s年1月1日至%(day)s授权（件）") % {"year": on.year, "day": on.strftime("%m-%d")}, current),
        (_("上年同期授权（件）"), earlier),
    )
    if not earlier:
        return Measurement(None, parts=parts, missing=_("上年同期没有发明专利授权，无法计算增长率。"))
    return Measurement(ratio(current - earlier, earlier, scale=100), parts=parts)


def invention_grants_per_rd_million(district=None, on=None):
    """Invention grants per million yuan of R&D spending: the grants of the latest year up to `on`'s year
    with a recorded R&D spending (up to `on` within that year) ÷ that spending in millions (万元 ÷ 100)."""
    on = _day(on)
    if district is not None:
        return Measurement(None, missing=_("研发经费按全市统计，不分县区。"))
    spending = RdSpending.objects.filter(year__lte=on.year).order_by("-year").first()
    if spending is None:
        return Measurement(None, missing=_("缺少研发经费数据：请在“参考数据 → 研发经费支出”中录入。"))
    end = min(on, date(spending.year, 12, 31))
    grants = invention_grants_in(None, date(spending.year, 1, 1), end)
    millions = spending.amount / 100
    parts = (
        (_("%(year)s年发明专利授权（件）") % {"year": spending.year}, grants),
        (_("%(year)s年研发经费（百万元）") % {"year": spending.year}, millions),
    )
    return Measurement(ratio(grants, millions), parts=parts)


def applications_records(district=None, on=None):
    """Applications of the city filed from 1 January of `on`'s year up to `on`, every type."""
    start, end = _year_to(_day(on))
    return _city(Patent.objects.all(), district).filter(filing_date__gte=start, filing_date__lte=end)


def pct_applications_records(district=None, on=None):
    return applications_records(district, on).filter(is_pct=True)


def pct_applications(district=None, on=None):
    """PCT applications of the city filed in `on`'s year up to `on` (national-phase numbers or a PCT
    international application number)."""
    return _count(pct_applications_records(district, on).count(), _("PCT申请（件）"))


def abnormal_applications_records(district=None, on=None):
    on = _day(on)
    listed = AbnormalApplication.objects.filter(application_number=OuterRef("application_number"), published_on__lte=on)
    return applications_records(district, on).filter(Exists(listed))


def abnormal_application_share(district=None, on=None):
    """The share of the year's applications (filed 1 January to `on`) that are on the patent office's
    list of abnormal applications published up to `on`, in percent."""
    total = applications_records(district, on).count()
    abnormal = abnormal_applications_records(district, on).count()
    parts = ((_("非正常申请（件）"), abnormal), (_("当年申请（件）"), total))
    if not total:
        return Measurement(None, parts=parts, missing=_("当年尚无专利申请记录。"))
    return Measurement(ratio(abnormal, total, scale=100), parts=parts)


def enterprise_applications_records(district=None, on=None):
    first_is_enterprise = PatentParty.objects.filter(patent=OuterRef("pk"), position=0, kind=PartyKind.ENTERPRISE)
    return applications_records(district, on).filter(Exists(first_is_enterprise))


def enterprise_application_share(district=None, on=None):
    """The share of the year's applications (filed 1 January to `on`) whose first applicant is an
    enterprise, in percent."""
    total = applications_records(district, on).count()
    enterprises = enterprise_applications_records(district, on).count()
    parts = ((_("企业申请（件）"), enterprises), (_("当年申请（件）"), total))
    if not total:
        return Measurement(None, parts=parts, missing=_("当年尚无专利申请记录。"))
    return Measurement(ratio(enterprises, total, scale=100), parts=parts)


# -- trademarks --------------------------------------------------------------------------------------

_ENDED = (Trademark.Status.CANCELLED, Trademark.Status.INVALIDATED)


def registered_trademarks_records(district=None, on=None):
    """Trademarks of the city registered at the end of `on`: registered by then, their term (renewals
    included) not yet ended, and not cancelled or invalidated by then. A cancelled or invalidated mark
    without the day it took effect is not counted on any day."""
    on = _day(on)
    records = _city(Trademark.objects.all(), district).filter(registration_date__lte=on)
    records = records.filter(Q(expiry_date__isnull=True) | Q(expiry_date__gte=on))
    return records.exclude(Q(status__in=_ENDED) & (Q(status_since__isnull=True) | Q(status_since__lte=on)))


def registered_trademarks(district=None, on=None):
    return _count(registered_trademarks_records(district, on).count(), _("有效注册商标（件）"))


def agricultural_trademarks_records(district=None, on=None):
    return registered_trademarks_records(district, on).filter(is_agricultural=True)


def agricultural_trademarks(district=None, on=None):
    return _count(agricultural_trademarks_records(district, on).count(), _("农产品商标（件）"))


def madrid_registrations_records(district=None, on=None):
    """Registered marks also registered internationally through Madrid by `on` (a mark without the
    international registration date counts from its registration)."""
    on = _day(on)
    madrid = registered_trademarks_records(district, on).filter(is_madrid=True)
    return madrid.filter(Q(madrid_date__isnull=True) | Q(madrid_date__lte=on))


def madrid_registrations(district=None, on=None):
    return _count(madrid_registrations_records(district, on).count(), _("马德里国际注册（件）"))


def geographical_indication_marks_records(district=None, on=None):
    return registered_trademarks_records(district, on).filter(is_geographical_indication=True)


def geographical_indication_marks(district=None, on=None):
    return _count(geographical_indication_marks_records(district, on).count(), _("地理标志商标（件）"))


def well_known_marks_records(district=None, on=None):
    """Registered marks recognised administratively as well-known (中国驰名商标) in `on`'s year or before."""
    on = _day(on)
    return registered_trademarks_records(district, on).filter(
        well_known=Trademark.WellKnown.ADMINISTRATIVE, well_known_year__lte=on.year
    )


def well_known_marks(district=None, on=None):
    return _count(well_known_marks_records(district, on).count(), _("行政认定驰名商标（件）"))


def famous_marks_records(district=None, on=None):
    """Registered marks recognised as 江苏省著名商标 in `on`'s year or before (without a year: since
    registration)."""
    on = _day(on)
    return registered_trademarks_records(district, on).filter(
        Q(provincial_famous_year__isnull=True) | Q(provincial_famous_year__lte=on.year), is_provincial_famous=True
    )


def famous_marks(district=None, on=None):
    return _count(famous_marks_records(district, on).count(), _("江苏省著名商标（件）"))


# -- customs recordal --------------------------------------------------------------------------------


def customs_recordals_records(district=None, on=None):
    """The city's rights whose customs recordal was valid at the end of `on`: approved by then and not
    yet run out. The district is the right's (its holder's, from the register)."""
    on = _day(on)
    return _city(CustomsRecordal.objects.all(), district).filter(recorded_on__lte=on, valid_until__gte=on)


def customs_recordals(district=None, on=None):
    """Rights with a valid customs recordal, patents and trademarks side by side."""
    records = customs_recordals_records(district, on)
    patents = records.filter(patent__isnull=False).count()
    trademarks = records.filter(trademark__isnull=False).count()
    return Measurement(Decimal(patents + trademarks), parts=((_("专利（件）"), patents), (_("商标（件）"), trademarks)))


def customs_recordals_by_district(on=None):
    """[(district, patents, trademarks), …] for every district of the city, then the city's total."""
    records = customs_recordals_records(None, on)
    counts = {}
    for district_id, is_patent in records.values_list("district", "patent"):
        patents, trademarks = counts.get(district_id, (0, 0))
        counts[district_id] = (patents + 1, trademarks) if is_patent else (patents, trademarks + 1)
    rows = [(d, *counts.get(d.pk, (0, 0))) for d in District.objects.order_by("sort_order", "pk")]
    total = (sum(row[1] for row in rows), sum(row[2] for row in rows))
    return rows, total
