"""Nothing private ever leaves through the API: every list and detail operation of the schema, asked for
every record id of the platform (public or not) and searched for every private marker, answers without a
trace of unpublished, unapproved, withdrawn or private data. And every serializer's fields are an
allow-list, so a field added to one fails here until it is judged public."""

import inspect
import json

import pytest
from drf_spectacular.generators import SchemaGenerator
from rest_framework import serializers as drf_serializers
from wagtail.models import Page

from api import serializers
from api.tests.conftest import SECRETS
from listings.models import Listing
from register.models import Patent, Trademark
from services.models import Institution, Offering

pytestmark = pytest.mark.django_db


def operations():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return {path: item["get"] for path, item in schema["paths"].items() if "get" in item}


def test_no_endpoint_shows_unpublished_unapproved_withdrawn_or_private_data(api, world):
    ids = set(Page.objects.values_list("pk", flat=True))
    ids |= set(Listing.objects.values_list("pk", flat=True))
    ids |= set(Institution.objects.values_list("pk", flat=True))
    ids |= set(Offering.objects.values_list("pk", flat=True))
    ids |= set(Patent.objects.values_list("pk", flat=True))
    ids |= set(Trademark.objects.values_list("pk", flat=True))
    answers = 0
    for path, operation in operations().items():
        if "{id}" in path:
            urls = [path.replace("{id}", str(pk)) for pk in sorted(ids)]
        else:
            names = {parameter["name"] for parameter in operation.get("parameters", [])}
            urls = [path]
            if "q" in names:
                urls += [f"{path}?q={secret}" for secret in SECRETS.values()]
            if "when" in names:
                urls.append(f"{path}?when=all")
            if "validity" in names:
                urls += [f"{path}?validity={value}" for value in ("valid", "repealed", "amended", "expired")]
        for url in urls:
            response = api.get(url)
            assert response.status_code in (200, 400, 404), (url, response.status_code)
            body = response.content.decode()
            leaked = [name for name, secret in SECRETS.items() if secret in body]
            assert not leaked, f"{url} shows {leaked}"
            answers += response.status_code == 200
    assert answers > 50


def test_the_walk_reaches_every_kind_of_public_record(api, world):
    """The walk above proves something only if the same requests do show what is public."""
    for path in operations():
        if "{id}" not in path:
            assert api.get(path).status_code == 200, path


ALLOWED = {
    serializers.ReferenceSerializer: {"id", "name"},
    serializers.IssuingAgencySerializer: {"id", "name", "level"},
    serializers.PageFieldsMixin: {"id", "title", "url", "first_published_at", "last_published_at"},
    serializers.PolicySerializer: {
        *("id", "title", "url", "first_published_at", "last_published_at"),
        *("index_number", "document_number", "issuing_agency", "issue_date", "subject_words", "summary"),
        *("validity", "validity_label", "validity_note", "repealed_by", "topics"),
    },
    serializers.NewsSerializer: {
        *("id", "title", "url", "first_published_at", "last_published_at"),
        *("date", "category", "category_label", "source", "summary", "tags"),
    },
    serializers.EarlyWarningSerializer: {"industry", "region", "period", "findings"},
    serializers.PatentInfoSerializer: {
        *("id", "title", "url", "first_published_at", "last_published_at"),
        *("kind", "kind_label", "date", "author", "summary", "tags", "early_warning"),
    },
    serializers.CourseSerializer: {
        *("id", "title", "url", "first_published_at", "last_published_at"),
        *("course_type", "course_type_label", "summary", "starts_at", "ends_at", "is_online", "venue"),
        *("capacity", "places_left", "fee", "currency", "organiser", "contact", "accepts_enrolment"),
    },
    serializers.OfferingBriefSerializer: {"id", "title", "url"},
    serializers.CategorySerializer: {"id", "code", "name"},
    serializers.ScorecardSerializer: {"rating_average", "rating_count", "completed_orders", "median_reply_hours"},
    serializers.InstitutionSerializer: {
        *("id", "name", "url", "institution_type", "institution_type_label", "categories", "district"),
        *("address", "description", "licence_number", "is_licence_verified", "credit_grade"),
        *("credit_grade_year", "approved_at", "updated_at", "scorecard", "contact_name", "contact_phone"),
        "offerings",
    },
    serializers.InstitutionBriefSerializer: {"id", "name", "url"},
    serializers.OfferingSerializer: {
        *("id", "title", "url", "institution", "category", "description", "price_type", "price_type_label"),
        *("price", "currency", "delivery_days", "created_at", "updated_at"),
    },
    serializers.ListingIPSerializer: {"ip_type", "number", "title", "owner_name", "legal_status"},
    serializers.ContactSerializer: {"phone", "email"},
    serializers.ListingSerializer: {
        *("id", "section", "title", "url", "description", "organisation", "industry", "district", "status"),
        *("status_label", "valid_from", "valid_until", "published_at", "updated_at", "ip_records"),
        *("kind", "direction", "ipc_class", "price_kind", "price_min", "price_max"),
        *("amount", "term_months", "purpose"),
        *("amount_min", "amount_max", "rate_min", "rate_max", "term_min_months", "term_max_months"),
        *("accepts_patent", "accepts_trademark", "accepts_copyright", "conditions", "contact"),
    },
    serializers.PatentPartySerializer: {"name", "kind", "kind_label", "address", "district"},
    serializers.LegalEventSerializer: {"kind", "kind_label", "date", "description"},
    serializers.PatentSerializer: {
        *("id", "application_number", "url", "title", "patent_type", "patent_type_label", "is_pct"),
        *("pct_application_number", "filing_date", "publication_number", "publication_date", "grant_number"),
        *("grant_date", "abstract", "applicants", "inventors", "ipc_main", "ipc_all", "agency_name"),
        *("agency_code", "agents", "priority", "district", "status", "status_label", "status_since"),
        *("term_ends", "events", "updated_at"),
    },
    serializers.TrademarkSerializer: {
        *("id", "registration_number", "application_number", "url", "name", "image", "nice_class"),
        *("goods_services", "registrant_name", "registrant_address", "district", "application_date"),
        *("registration_date", "expiry_date", "status", "status_label", "is_collective", "is_certification"),
        *("is_geographical_indication", "is_agricultural", "is_madrid", "madrid_number", "well_known"),
        *("well_known_year", "is_provincial_famous", "provincial_famous_year", "updated_at"),
    },
    serializers.CountSerializer: {"code", "label", "count"},
    serializers.PatentYearSerializer: {"year", "filings", "grants"},
    serializers.DistrictCountSerializer: {"id", "name", "count", "in_force"},
    serializers.PatentFiguresSerializer: {"total", "in_force", "pct", "by_type", "by_status", "by_year", "by_district"},
    serializers.TrademarkKindsSerializer: {
        *("madrid", "geographical_indication", "agricultural", "collective", "certification", "well_known"),
        "provincial_famous",
    },
    serializers.YearCountSerializer: {"year", "count"},
    serializers.TrademarkFiguresSerializer: {
        *("total", "registered", "by_status", "registered_by_kind", "registrations_by_year"),
    },
    serializers.RegisterStatisticsSerializer: {"patents", "trademarks"},
    serializers.TargetSerializer: {
        *("code", "name", "category", "category_label", "unit", "value", "value_date", "target_value"),
        *("comparison", "deadline", "status", "status_label", "history"),
    },
}


def test_every_serializer_shows_exactly_its_allowed_fields():
    declared = {
        cls
        for _name, cls in inspect.getmembers(serializers, inspect.isclass)
        if issubclass(cls, drf_serializers.Serializer) and cls.__module__ == serializers.__name__
    }
    assert declared == set(ALLOWED), "a serializer without an allow-list, or an allow-list without a serializer"
    for cls, allowed in ALLOWED.items():
        assert set(cls().fields) == allowed, cls.__name__


def test_a_listing_contact_is_only_what_an_anonymous_visitor_of_its_page_sees(api, world):
    body = json.dumps(api.get(f"/api/v1/transactions/{world.transaction.pk}/").json(), ensure_ascii=False)
    assert SECRETS["listing_phone"] not in body and SECRETS["listing_email"] not in body
