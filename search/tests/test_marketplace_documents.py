"""Institutions, offerings (services/documents.py) and courses (training/documents.py) in cross-search,
with the real models: Chinese queries find them, only public ones are found, changes reach the index
after commit through the outbox, and private contacts never reach the index.

Every test runs on the embedded backend, and on Elasticsearch too when ELASTICSEARCH_URL is set (the
outbox then writes to both and the search service reads Elasticsearch).
"""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from listings.tests.factories import FinancingNeedFactory
from search import backends
from search.models import SearchEntry
from search.query import SearchQuery
from services import institutions as institution_actions
from services.models import Institution, InstitutionType, Offering, QualificationDocument, ServiceCategory
from services.tests.factories import InstitutionFactory, InstitutionOrganisationFactory, OfferingFactory
from tests.factories import UserFactory
from training.enrolments import cancel_course
from training.models import CourseType
from training.tests.factories import make_course

from .finding import hits, results, titles, uid, uids

SECRET_PHONES = ("0518-86660001", "0518-86660002")
SECRET_EMAILS = ("secret-org@example.com", "secret-desk@example.com")
SECRET_PERSON = "赵秘密"


@pytest.fixture(params=["embedded", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)])
def backend(request, settings, db):
    """An empty index on one backend, the one the search service reads."""
    if request.param == "embedded":
        settings.ELASTICSEARCH_URL = ""
        return backends.embedded_backend()
    return request.getfixturevalue("es_backend")


@pytest.fixture
def staff(db):
    return UserFactory(is_staff=True, is_superuser=True)


def test_only_approved_active_institutions_are_indexed(backend, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        pending = InstitutionFactory(status=Institution.Status.PENDING, approved_at=None)
        suspended = InstitutionFactory(status=Institution.Status.SUSPENDED)
        paused = InstitutionFactory(is_active=False)
        approved = InstitutionFactory()
        for institution in (pending, suspended, paused, approved):
            OfferingFactory(institution=institution, title=f"商标异议答辩{institution.pk}")
        OfferingFactory(institution=approved, title="商标异议答辩草稿", status=Offering.Status.DRAFT)
    assert uids("商标", "institution") == {uid("institution", approved)}
    assert titles("商标异议答辩", "offering") == {f"商标异议答辩{approved.pk}"}


def test_suspending_removes_the_institution_and_its_offerings_after_commit(
    backend, staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        institution = InstitutionFactory(organisation=InstitutionOrganisationFactory(name="连云港海天专利代理事务所"))
        offering = OfferingFactory(institution=institution, title="海天发明专利申请代理")
    assert uids("海天") == {uid("institution", institution), uid("offering", offering)}

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        institution_actions.suspend(institution, staff, "收到投诉，暂停展示整改。")
        # Not yet committed: the index still shows what was public before.
        assert uids("海天") == {uid("institution", institution), uid("offering", offering)}
    assert callbacks
    assert uids("海天") == set()
    assert not SearchEntry.objects.filter(doc_type__in=["institution", "offering"]).exists()

    with django_capture_on_commit_callbacks(execute=True):
        institution_actions.reinstate(institution, staff)
    assert uids("海天") == {uid("institution", institution), uid("offering", offering)}


def test_pausing_the_listing_or_archiving_an_offering_removes_it(backend, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        institution = InstitutionFactory(organisation=InstitutionOrganisationFactory(name="灌南县海州湾商标事务所"))
        kept = OfferingFactory(institution=institution, title="海州湾商标续展")
        archived = OfferingFactory(institution=institution, title="海州湾商标变更")
    with django_capture_on_commit_callbacks(execute=True):
        archived.status = Offering.Status.ARCHIVED
        archived.save()
    assert uids("海州湾", "offering") == {uid("offering", kept)}
    with django_capture_on_commit_callbacks(execute=True):
        institution.is_active = False
        institution.save()
    assert uids("海州湾") == set()


def test_renaming_the_organisation_updates_the_institution_and_its_offerings(
    backend, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        institution = InstitutionFactory(organisation=InstitutionOrganisationFactory(name="连云港旧名商标事务所"))
        offering = OfferingFactory(institution=institution, title="驰名商标认定辅导")
    with django_capture_on_commit_callbacks(execute=True):
        organisation = institution.organisation
        organisation.name = "连云港云帆知识产权事务所"
        organisation.save()
    assert uids("云帆") == {uid("institution", institution), uid("offering", offering)}
    assert titles("云帆", "institution") == {"连云港云帆知识产权事务所"}
    assert uids("旧名") == set()


def test_service_categories_changed_after_the_save_are_indexed(backend, staff, django_capture_on_commit_callbacks):
    # categories.set() sends m2m_changed, not post_save; services/documents.py queues the institution.
    with django_capture_on_commit_callbacks(execute=True):
        institution = InstitutionFactory(institution_type=InstitutionType.VALUATION)
    assert uid("institution", institution) not in uids("质押融资", "institution")
    with django_capture_on_commit_callbacks(execute=True):
        institution.categories.add(ServiceCategory.objects.get(code="pledge-financing"))
    assert uid("institution", institution) in uids("质押融资", "institution")


def test_pledge_financing_institution_and_posting_are_found_together(backend, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        institution = InstitutionFactory(
            institution_type=InstitutionType.PLEDGE_FINANCING,
            description="为科技型中小企业提供融资担保与银行对接服务。",
            categories=[ServiceCategory.objects.get(code="pledge-financing")],
        )
        need = FinancingNeedFactory()
        other = InstitutionFactory()  # a trademark agency: not a pledge-financing institution
    found = uids("质押融资")
    assert {uid("institution", institution), uid("financing", need)} <= found
    assert uid("institution", other) not in found


# --- What a document holds ---------------------------------------------------------------------------


def _stored(doc_type):
    """Everything the index holds for a type: the embedded rows and the documents the primary returns."""
    rows = SearchEntry.objects.filter(doc_type=doc_type)
    assert rows.exists()
    stored = [f"{r.title} {r.body} {r.facts} {r.terms} {r.category} {r.url} {r.suggest}" for r in rows]
    for hit in hits("", doc_type):
        doc = hit.doc
        stored.append(f"{doc.title} {doc.body} {doc.facts} {doc.terms} {doc.category} {doc.url}")
    return " ".join(stored)


def test_no_private_contact_or_document_reaches_the_index(backend, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        organisation = InstitutionOrganisationFactory(
            name="连云港保密测试专利代理所",
            contact_name=SECRET_PERSON,
            contact_phone=SECRET_PHONES[0],
            contact_email=SECRET_EMAILS[0],
        )
        institution = InstitutionFactory(
            organisation=organisation,
            institution_type=InstitutionType.PATENT_AGENCY,
            licence_number="32231",
            credit_grade="A",
            credit_grade_year=2024,
            contact_name=SECRET_PERSON,
            contact_phone=SECRET_PHONES[1],
            contact_email=SECRET_EMAILS[1],
            status_reason="内部审核意见：材料齐全",
        )
        QualificationDocument.attach(
            SimpleUploadedFile("x.pdf", b"%PDF-1.4\n%%EOF\n"),
            "application/pdf",
            user=None,
            title="执业许可证扫描件",
            institution=institution,
        )
        OfferingFactory(institution=institution, title="专利年费代缴")
    for doc_type in ("institution", "offering"):
        stored = _stored(doc_type)
        for secret in (*SECRET_PHONES, *SECRET_EMAILS, SECRET_PERSON, "执业许可证扫描件", "内部审核意见", "x.pdf"):
            assert secret not in stored, (doc_type, secret)
    (doc,) = [hit.doc for hit in hits("保密测试", "institution")]
    assert doc.url == institution.get_absolute_url()
    assert doc.category == "专利代理机构" and doc.district == "海州区"
    assert ("专利代理机构代码", "32231") in doc.facts and ("信用等级", "A（2024年度）") in doc.facts


def test_offering_prices_are_in_yuan(backend, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        institution = InstitutionFactory()
        fixed = OfferingFactory(institution=institution, title="版权登记代理甲", price=350000)
        from_price = OfferingFactory(
            institution=institution, title="版权登记代理乙", price_type=Offering.PriceType.FROM, price=12_000_000
        )
        negotiable = OfferingFactory(
            institution=institution, title="版权登记代理丙", price_type=Offering.PriceType.NEGOTIABLE, price=None
        )
    docs = {hit.doc.uid: hit.doc for hit in hits("版权登记代理", "offering")}
    assert (docs[uid("offering", fixed)].price_min, docs[uid("offering", fixed)].price_max) == (3500.0, 3500.0)
    assert docs[uid("offering", from_price)].price_min == 120_000.0
    assert docs[uid("offering", negotiable)].price_min is None
    assert docs[uid("offering", fixed)].district == institution.district.name
    cheap = results(SearchQuery(text="版权登记代理", types=["offering"], price_range="lt10k"))
    assert [hit.doc.uid for hit in cheap.hits] == [uid("offering", fixed)]
    priced = {hit.doc.uid: dict(hit.key_facts) for hit in hits("版权登记代理", "offering")}
    assert priced[uid("offering", fixed)]["价格"] == "3,500元"
    assert priced[uid("offering", from_price)]["计价方式"] == "起价"


# --- Courses -----------------------------------------------------------------------------------------


def test_a_course_is_found_by_its_title_word_and_by_course_type(backend, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        course = make_course(
            title="专利导航实务研修班",
            summary="产业专利导航与布局分析。",
            venue="连云港市海州区朝阳东路科技创业城",
            fee=80000,
        )
        make_course(title="专利导航草稿课程", publish=False)
        other_type = make_course(title="商标导航入门", course_type=CourseType.OTHER)
    assert uids("导航", "course") == {uid("course", course), uid("course", other_type)}
    assert uid("course", course) in uids("知识产权工程师")
    assert uid("course", other_type) not in uids("知识产权工程师")
    (hit,) = hits("专利导航", "course")
    assert hit.type_label == "培训课程"
    assert hit.doc.category == "知识产权工程师" and hit.doc.district == "海州区"
    assert hit.doc.price_min == 800.0 and dict(hit.key_facts)["价格"] == "800元"
    assert hit.doc.date == timezone.localdate(course.starts_at)
    assert hit.doc.url == course.get_url()


def test_an_online_course_has_no_district_and_never_shows_its_classroom_link(
    backend, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        course = make_course(
            title="专利代理师考前直播课",
            course_type=CourseType.PATENT_AGENT,
            is_online=True,
            venue="",
            online_url="https://meeting.example.cn/secret-room",
            contact="0518-86669999",
        )
    (hit,) = hits("直播课", "course")
    assert hit.doc.uid == uid("course", course) and hit.doc.district == ""
    stored = _stored("course")
    assert "secret-room" not in stored and "0518-86669999" not in stored


def test_cancelling_or_unpublishing_a_course_removes_it(backend, staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        cancelled = make_course(title="版权保护研修班", starts_in=timedelta(days=5))
        unpublished = make_course(title="版权运营研修班")
    assert len(uids("版权", "course")) == 2
    with django_capture_on_commit_callbacks(execute=True):
        cancel_course(cancelled, staff)
    with django_capture_on_commit_callbacks(execute=True):
        unpublished.unpublish()
    assert uids("版权", "course") == set()
