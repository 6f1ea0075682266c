"""Chinese queries on the demo data (every app's demo, as `load_demo` makes it) find what is public and
nothing else. The demo is restored once for this module, on each backend (tests/demo_snapshot.py)."""

import pytest

from listings.models import FinancingNeed, FinancingProduct
from search import backends
from search.query import SearchQuery
from services.models import Institution, InstitutionType, Offering, ServiceCategory
from training.models import CoursePage, CourseType

from .finding import hits, results, uid, uids


@pytest.fixture
def demo(indexed_demo):
    """The whole demo (every app) and its index on one backend, restored once for this module."""


def test_patent_agency_finds_every_public_patent_agency_and_no_other_institution(demo):
    agencies = Institution.objects.filter(institution_type=InstitutionType.PATENT_AGENCY)
    public = {uid("institution", i) for i in agencies.public()}
    hidden = {uid("institution", i) for i in agencies.exclude(pk__in=agencies.public())}
    assert len(public) >= 3 and hidden  # the demo's pending application is a patent agency

    found = uids("专利代理", "institution")
    assert public <= found
    assert not found & hidden
    # Ranked first among institutions: the agencies, whose type is 专利代理机构.
    ranked = [hit.doc for hit in hits("专利代理", "institution")]
    assert {doc.uid for doc in ranked[: len(public)]} == public
    assert {doc.category for doc in ranked[: len(public)]} == {"专利代理机构"}
    # Cross-search without a type filter shows them among the other types.
    assert public <= uids("专利代理")


def test_pledge_financing_finds_institutions_offerings_postings_and_policies(demo):
    pledge = ServiceCategory.objects.get(code="pledge-financing")
    institutions = {uid("institution", i) for i in Institution.objects.public().filter(categories=pledge)}
    offerings = {uid("offering", o) for o in Offering.objects.public().filter(category=pledge)}
    needs = {uid("financing", n) for n in FinancingNeed.objects.public().filter(title__contains="质押融资")}
    products = {
        uid("financing_product", p) for p in FinancingProduct.objects.public().filter(title__contains="质押融资")
    }
    policies = {f"policy:{p.pk}" for p in _live_policies().filter(title__contains="质押融资")}
    assert institutions and offerings and needs and policies

    assert institutions <= uids("质押融资", "institution")
    assert offerings <= uids("质押融资", "offering")
    assert needs <= uids("质押融资", "financing")
    assert products <= uids("质押融资", "financing_product")
    assert policies <= uids("质押融资", "policy")
    everything = results(SearchQuery(text="质押融资"))
    assert {"institution", "offering", "financing", "policy"} <= set(everything.facets["type"])


def _live_policies():
    from cms.models import PolicyPage

    return PolicyPage.objects.live().public()


def test_pending_and_suspended_demo_institutions_are_never_found(demo):
    hidden = Institution.objects.exclude(pk__in=Institution.objects.public()).select_related("organisation")
    assert {i.status for i in hidden} == {Institution.Status.PENDING, Institution.Status.SUSPENDED}
    for institution in hidden:
        assert uid("institution", institution) not in uids(institution.organisation.name)
    indexed = backends.embedded_backend().object_ids("institution")
    assert indexed == {str(pk) for pk in Institution.objects.public().values_list("pk", flat=True)}
    assert backends.embedded_backend().object_ids("offering") == {
        str(pk) for pk in Offering.objects.public().values_list("pk", flat=True)
    }


def test_demo_courses_are_found_by_course_type_and_title_word(demo):
    engineer_courses = {
        f"course:{c.pk}"
        for c in CoursePage.objects.live().filter(course_type=CourseType.IP_ENGINEER, is_cancelled=False)
    }
    assert len(engineer_courses) >= 2
    assert engineer_courses <= uids("知识产权工程师", "course")
    exam = CoursePage.objects.get(slug="patent-agent-exam-prep")
    assert f"course:{exam.pk}" in uids("考前辅导", "course")
    # No course is left to the catch-all "page" type any more.
    assert not {hit.doc.title for hit in hits("知识产权工程师", "page")} & {c.title for c in CoursePage.objects.all()}


# --- Visibility follows the institution's status, after commit ------------------------------------
