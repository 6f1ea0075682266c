"""What the API shows of each public record. Every serializer lists its fields by name: a field added to
a model appears nowhere until it is written here, and `api.tests.test_fields` holds each serializer to an
allow-list, so a private field cannot slip out by default.

Contacts are what an anonymous visitor of the human page sees (`Listing.contact_for` an anonymous user,
an institution's listed contact); documents, bank details, applicants' own details and anything behind a
log-in are never fields here.
"""

from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils.html import strip_tags
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field, inline_serializer
from rest_framework import serializers

from core.site import absolute_url

FEN_PER_YUAN = 100


def page_url(page):
    return absolute_url(page.get_url() or page.url_path)


@extend_schema_field(OpenApiTypes.URI)
class HumanPageField(serializers.Field):
    """The full address of the record's page on the site (a Wagtail page's, or the record's own)."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, record):
        if hasattr(record, "url_path"):
            return page_url(record)
        return absolute_url(record.get_absolute_url())


@extend_schema_field(serializers.ListField(child=serializers.CharField()))
class TagNamesField(serializers.Field):
    """The names of a page's tags, sorted."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        return sorted(tag.name for tag in page.tags.all())


class YuanField(serializers.DecimalField):
    """An amount kept in fen (the currency's smallest unit), shown in the main unit as a decimal string
    ("800.00"; "0.00" is free)."""

    def __init__(self, *, max_digits, **kwargs):
        super().__init__(max_digits=max_digits, decimal_places=2, read_only=True, **kwargs)

    def to_representation(self, fen):
        return super().to_representation(Decimal(fen) / FEN_PER_YUAN)


@extend_schema_field(OpenApiTypes.STR)
class CurrencyField(serializers.Field):
    """The currency every amount of the platform is in (PAYMENT_CURRENCY), as an ISO 4217 code."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, record):
        return settings.PAYMENT_CURRENCY.upper()


class ReferenceSerializer(serializers.Serializer):
    """A reference row (district, industry, category, issuing agency): its id and name in the reader's
    language (Chinese unless English is chosen)."""

    id = serializers.IntegerField()
    name = serializers.CharField(source="display_name")


class IssuingAgencySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    level = serializers.CharField()


class PageFieldsMixin(serializers.Serializer):
    """What every Wagtail page item carries: its stable id, title, human page and publication times."""

    id = serializers.IntegerField(read_only=True)
    title = serializers.CharField(read_only=True)
    url = HumanPageField()
    first_published_at = serializers.DateTimeField(read_only=True, allow_null=True)
    last_published_at = serializers.DateTimeField(read_only=True, allow_null=True)


class PolicySerializer(PageFieldsMixin):
    index_number = serializers.CharField(read_only=True)
    document_number = serializers.CharField(read_only=True)
    issuing_agency = IssuingAgencySerializer(read_only=True)
    issue_date = serializers.DateField(read_only=True)
    subject_words = serializers.CharField(read_only=True)
    summary = serializers.CharField(read_only=True)
    validity = serializers.CharField(read_only=True)
    validity_label = serializers.CharField(source="get_validity_display", read_only=True)
    validity_note = serializers.CharField(read_only=True)
    repealed_by = serializers.SerializerMethodField()
    topics = TagNamesField()

    @extend_schema_field(
        inline_serializer(
            "RepealingDocument",
            {
                "id": serializers.IntegerField(allow_null=True),
                "title": serializers.CharField(),
                "document_number": serializers.CharField(),
                "url": serializers.URLField(allow_null=True),
            },
            allow_null=True,
        )
    )
    def get_repealed_by(self, policy):
        """The document that repealed or replaced this one: a policy of the library, or as the portal names it."""
        if policy.is_valid_document:
            return None
        repealing = policy.repealing_document
        if repealing is not None and repealing.live:
            return {
                "id": repealing.pk,
                "title": repealing.title,
                "document_number": repealing.document_number,
                "url": page_url(repealing),
            }
        if policy.repealed_by_title or policy.repealed_by_number:
            return {
                "id": None,
                "title": policy.repealed_by_title,
                "document_number": policy.repealed_by_number,
                "url": None,
            }
        return None


class NewsSerializer(PageFieldsMixin):
    date = serializers.DateField(read_only=True)
    category = serializers.CharField(read_only=True)
    category_label = serializers.CharField(source="get_category_display", read_only=True)
    source = serializers.CharField(read_only=True)
    summary = serializers.CharField(read_only=True)
    tags = TagNamesField()


class EarlyWarningSerializer(serializers.Serializer):
    industry = serializers.CharField()
    region = serializers.CharField()
    period = serializers.CharField()
    findings = serializers.SerializerMethodField()

    def get_findings(self, report) -> str:
        return " ".join(strip_tags(str(report.findings)).split())


class PatentInfoSerializer(PageFieldsMixin):
    kind = serializers.CharField(read_only=True)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    date = serializers.DateField(read_only=True)
    author = serializers.CharField(read_only=True)
    summary = serializers.CharField(read_only=True)
    tags = TagNamesField()
    early_warning = serializers.SerializerMethodField()

    @extend_schema_field(EarlyWarningSerializer(allow_null=True))
    def get_early_warning(self, page):
        """An early-warning report's industry, region, period and findings; null for an article."""
        if not hasattr(page, "findings"):
            return None
        return EarlyWarningSerializer(page).data


class CourseSerializer(PageFieldsMixin):
    course_type = serializers.CharField(read_only=True)
    course_type_label = serializers.CharField(source="get_course_type_display", read_only=True)
    summary = serializers.CharField(read_only=True)
    starts_at = serializers.DateTimeField(read_only=True)
    ends_at = serializers.DateTimeField(read_only=True)
    is_online = serializers.BooleanField(read_only=True)
    venue = serializers.CharField(read_only=True)
    capacity = serializers.IntegerField(read_only=True)
    places_left = serializers.SerializerMethodField()
    fee = YuanField(max_digits=12)
    currency = CurrencyField()
    organiser = serializers.CharField(read_only=True)
    contact = serializers.CharField(read_only=True)
    accepts_enrolment = serializers.BooleanField(read_only=True)

    def get_places_left(self, course) -> int:
        return course.places_left()


class OfferingBriefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = HumanPageField()


class CategorySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    name = serializers.CharField(source="display_name")


class ScorecardSerializer(serializers.Serializer):
    rating_average = serializers.DecimalField(max_digits=3, decimal_places=2, allow_null=True)
    rating_count = serializers.IntegerField()
    completed_orders = serializers.IntegerField()
    median_reply_hours = serializers.FloatField(allow_null=True)


class InstitutionSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)
    url = HumanPageField()
    institution_type = serializers.CharField(read_only=True)
    institution_type_label = serializers.CharField(source="get_institution_type_display", read_only=True)
    categories = CategorySerializer(many=True, read_only=True)
    district = ReferenceSerializer(read_only=True)
    address = serializers.CharField(read_only=True)
    description = serializers.CharField(read_only=True)
    licence_number = serializers.CharField(read_only=True)
    is_licence_verified = serializers.BooleanField(read_only=True)
    credit_grade = serializers.CharField(read_only=True)
    credit_grade_year = serializers.IntegerField(read_only=True, allow_null=True)
    approved_at = serializers.DateTimeField(read_only=True, allow_null=True)
    updated_at = serializers.DateTimeField(read_only=True)
    scorecard = serializers.SerializerMethodField()
    contact_name = serializers.CharField(read_only=True)
    contact_phone = serializers.CharField(read_only=True)
    offerings = serializers.SerializerMethodField()

    @extend_schema_field(ScorecardSerializer)
    def get_scorecard(self, institution):
        return ScorecardSerializer(institution).data

    @extend_schema_field(OfferingBriefSerializer(many=True))
    def get_offerings(self, institution):
        """The institution's published offerings (an institution in the public directory offers them publicly)."""
        return OfferingBriefSerializer(institution.published_offerings, many=True).data


class InstitutionBriefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    url = HumanPageField()


class OfferingSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    title = serializers.CharField(read_only=True)
    url = HumanPageField()
    institution = InstitutionBriefSerializer(read_only=True)
    category = CategorySerializer(read_only=True)
    description = serializers.CharField(read_only=True)
    price_type = serializers.CharField(read_only=True)
    price_type_label = serializers.CharField(source="get_price_type_display", read_only=True)
    price = YuanField(max_digits=14, allow_null=True)  # null when the price is negotiated
    currency = CurrencyField()
    delivery_days = serializers.IntegerField(read_only=True, allow_null=True)
    created_at = serializers.DateTimeField(read_only=True)
    updated_at = serializers.DateTimeField(read_only=True)


class ListingIPSerializer(serializers.Serializer):
    """An IP right a posting names, as the public registers show it."""

    ip_type = serializers.CharField()
    number = serializers.CharField()
    title = serializers.CharField()
    owner_name = serializers.CharField()
    legal_status = serializers.CharField()


class ContactSerializer(serializers.Serializer):
    phone = serializers.CharField(required=False)
    email = serializers.EmailField(required=False)


class ListingSerializer(serializers.Serializer):
    """A transaction posting, a financing need or a financing product; the fields of the other sections are null."""

    id = serializers.IntegerField(read_only=True)
    section = serializers.CharField(read_only=True)
    title = serializers.CharField(read_only=True)
    url = HumanPageField()
    description = serializers.CharField(read_only=True)
    organisation = serializers.CharField(source="organisation.name", read_only=True)
    industry = ReferenceSerializer(read_only=True, allow_null=True)
    district = ReferenceSerializer(read_only=True)
    status = serializers.CharField(read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    valid_from = serializers.DateField(read_only=True)
    valid_until = serializers.DateField(read_only=True)
    published_at = serializers.DateTimeField(read_only=True, allow_null=True)
    updated_at = serializers.DateTimeField(read_only=True)
    ip_records = ListingIPSerializer(many=True, read_only=True)
    # A transaction
    kind = serializers.CharField(read_only=True)
    direction = serializers.CharField(read_only=True)
    ipc_class = serializers.CharField(read_only=True)
    price_kind = serializers.CharField(read_only=True)
    price_min = serializers.DecimalField(max_digits=12, decimal_places=2, read_only=True, allow_null=True)
    price_max = serializers.DecimalField(max_digits=12, decimal_places=2, read_only=True, allow_null=True)
    # A financing need
    amount = serializers.DecimalField(max_digits=12, decimal_places=2, read_only=True, allow_null=True)
    term_months = serializers.IntegerField(read_only=True, allow_null=True)
    purpose = serializers.CharField(read_only=True)
    # A financing product
    amount_min = serializers.DecimalField(max_digits=12, decimal_places=2, read_only=True, allow_null=True)
    amount_max = serializers.DecimalField(max_digits=12, decimal_places=2, read_only=True, allow_null=True)
    rate_min = serializers.DecimalField(max_digits=5, decimal_places=2, read_only=True, allow_null=True)
    rate_max = serializers.DecimalField(max_digits=5, decimal_places=2, read_only=True, allow_null=True)
    term_min_months = serializers.IntegerField(read_only=True, allow_null=True)
    term_max_months = serializers.IntegerField(read_only=True, allow_null=True)
    accepts_patent = serializers.BooleanField(read_only=True)
    accepts_trademark = serializers.BooleanField(read_only=True)
    accepts_copyright = serializers.BooleanField(read_only=True)
    conditions = serializers.CharField(read_only=True)
    contact = serializers.SerializerMethodField()

    @extend_schema_field(ContactSerializer(allow_null=True))
    def get_contact(self, listing):
        """What the posting's page shows a visitor who is not logged in: null when the poster shows contacts
        only to logged-in users, else the phone and e-mail they chose to show (maybe none)."""
        return listing.contact_for(AnonymousUser())


class TargetSerializer(serializers.Serializer):
    """One published indicator of the plan, as the public summary at /targets/ shows it."""

    code = serializers.CharField(source="indicator.code")
    name = serializers.CharField(source="indicator.name")
    category = serializers.CharField(source="indicator.category")
    category_label = serializers.CharField(source="indicator.get_category_display")
    unit = serializers.CharField(source="indicator.unit_label")
    value = serializers.DecimalField(max_digits=18, decimal_places=4, allow_null=True)
    value_date = serializers.DateField(allow_null=True)
    target_value = serializers.SerializerMethodField()
    comparison = serializers.CharField(source="indicator.comparison")
    deadline = serializers.DateField(source="indicator.deadline")
    status = serializers.CharField()
    status_label = serializers.CharField(source="assessment.status_label")
    history = serializers.SerializerMethodField()

    @extend_schema_field(serializers.DecimalField(max_digits=18, decimal_places=4, allow_null=True))
    def get_target_value(self, row):
        indicator = row.indicator
        return f"{indicator.target_value:.4f}" if indicator.has_target else None

    @extend_schema_field(
        inline_serializer(
            "TargetPoint",
            {"date": serializers.DateField(), "value": serializers.DecimalField(max_digits=18, decimal_places=4)},
            many=True,
        )
    )
    def get_history(self, row):
        return [{"date": day.isoformat(), "value": f"{value:.4f}"} for day, value in row.history]


class PatentPartySerializer(serializers.Serializer):
    """An applicant or holder as the register prints it; an individual's address is left out, as on the
    record's page."""

    name = serializers.CharField()
    kind = serializers.CharField()
    kind_label = serializers.CharField(source="get_kind_display")
    address = serializers.CharField(source="public_address")
    district = ReferenceSerializer(allow_null=True)


class LegalEventSerializer(serializers.Serializer):
    kind = serializers.CharField()
    kind_label = serializers.CharField(source="get_kind_display")
    date = serializers.DateField()
    description = serializers.CharField()


class PatentSerializer(serializers.Serializer):
    """A patent of the register: its bibliographic data, applicants and holders, and legal-status history."""

    id = serializers.IntegerField(read_only=True)
    application_number = serializers.CharField(read_only=True)
    url = HumanPageField()
    title = serializers.CharField(read_only=True)
    patent_type = serializers.CharField(read_only=True)
    patent_type_label = serializers.CharField(source="get_patent_type_display", read_only=True)
    is_pct = serializers.BooleanField(source="pct_marked", read_only=True)
    pct_application_number = serializers.CharField(read_only=True)
    filing_date = serializers.DateField(read_only=True)
    publication_number = serializers.CharField(read_only=True)
    publication_date = serializers.DateField(read_only=True, allow_null=True)
    grant_number = serializers.CharField(read_only=True)
    grant_date = serializers.DateField(read_only=True, allow_null=True)
    abstract = serializers.CharField(read_only=True)
    applicants = PatentPartySerializer(source="parties", many=True, read_only=True)
    inventors = serializers.ListField(child=serializers.CharField(), read_only=True)
    ipc_main = serializers.CharField(read_only=True)
    ipc_all = serializers.ListField(child=serializers.CharField(), read_only=True)
    agency_name = serializers.CharField(read_only=True)
    agency_code = serializers.CharField(read_only=True)
    agents = serializers.CharField(read_only=True)
    priority = serializers.CharField(read_only=True)
    district = ReferenceSerializer(read_only=True, allow_null=True)
    status = serializers.CharField(read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    status_since = serializers.DateField(read_only=True, allow_null=True)
    term_ends = serializers.DateField(read_only=True)
    events = LegalEventSerializer(many=True, read_only=True)
    updated_at = serializers.DateTimeField(read_only=True)


class TrademarkSerializer(serializers.Serializer):
    """A trademark of the register, as the trademark office publishes it."""

    id = serializers.IntegerField(read_only=True)
    registration_number = serializers.CharField(read_only=True)
    application_number = serializers.CharField(read_only=True)
    url = HumanPageField()
    name = serializers.CharField(read_only=True)
    image = serializers.SerializerMethodField()
    nice_class = serializers.IntegerField(read_only=True)
    goods_services = serializers.CharField(read_only=True)
    registrant_name = serializers.CharField(read_only=True)
    registrant_address = serializers.CharField(read_only=True)
    district = ReferenceSerializer(read_only=True, allow_null=True)
    application_date = serializers.DateField(read_only=True, allow_null=True)
    registration_date = serializers.DateField(read_only=True, allow_null=True)
    expiry_date = serializers.DateField(read_only=True, allow_null=True)
    status = serializers.CharField(read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    is_collective = serializers.BooleanField(read_only=True)
    is_certification = serializers.BooleanField(read_only=True)
    is_geographical_indication = serializers.BooleanField(read_only=True)
    is_agricultural = serializers.BooleanField(read_only=True)
    is_madrid = serializers.BooleanField(read_only=True)
    madrid_number = serializers.CharField(read_only=True)
    well_known = serializers.CharField(read_only=True)
    well_known_year = serializers.IntegerField(read_only=True, allow_null=True)
    is_provincial_famous = serializers.BooleanField(read_only=True)
    provincial_famous_year = serializers.IntegerField(read_only=True, allow_null=True)
    updated_at = serializers.DateTimeField(read_only=True)

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_image(self, mark):
        """The mark's image, when the import carried one."""
        return absolute_url(mark.image.url) if mark.image else None


def figures(name, /, **fields):
    """A serializer of figures computed for the API (a dict, not a record), declared as its fields' types in
    order: `int`, `str`, a serializer of nested figures, or `[serializer]` for a list of them. (`name` is
    positional only: a field may be called "name".)"""

    def field(kind):
        if isinstance(kind, list):
            return kind[0](many=True)
        return {int: serializers.IntegerField, str: serializers.CharField}.get(kind, kind)()

    declared = {field_name: field(kind) for field_name, kind in fields.items()}
    return type(f"{name}Serializer", (serializers.Serializer,), {**declared, "__module__": __name__})


CountSerializer = figures("Count", code=str, label=str, count=int)
PatentYearSerializer = figures("PatentYear", year=int, filings=int, grants=int)
DistrictCountSerializer = figures("DistrictCount", id=int, name=str, count=int, in_force=int)
YearCountSerializer = figures("YearCount", year=int, count=int)
PatentFiguresSerializer = figures(
    "PatentFigures",
    total=int,
    in_force=int,
    pct=int,
    by_type=[CountSerializer],
    by_status=[CountSerializer],
    by_year=[PatentYearSerializer],
    by_district=[DistrictCountSerializer],
)
TrademarkKindsSerializer = figures(
    "TrademarkKinds",
    madrid=int,
    geographical_indication=int,
    agricultural=int,
    collective=int,
    certification=int,
    well_known=int,
    provincial_famous=int,
)
TrademarkFiguresSerializer = figures(
    "TrademarkFigures",
    total=int,
    registered=int,
    by_status=[CountSerializer],
    registered_by_kind=TrademarkKindsSerializer,
    registrations_by_year=[YearCountSerializer],
)
RegisterStatisticsSerializer = figures(
    "RegisterStatistics", patents=PatentFiguresSerializer, trademarks=TrademarkFiguresSerializer
)
