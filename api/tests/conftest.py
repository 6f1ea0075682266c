"""A small platform for the API's tests: one public record of every kind the API serves, and beside them
records that must never leave the platform through it, each carrying a marker string (`SECRETS`) that a
response containing it would betray."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.core.signals import request_started
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from rest_framework.test import APIClient
from wagtail.models import PageViewRestriction

from accounts.roles import REGISTER_MANAGERS
from cms import demo
from cms.models import (
    EarlyWarningReportPage,
    NewsIndexPage,
    NewsPage,
    PatentInfoIndexPage,
    PatentInfoPage,
    PolicyIndexPage,
    PolicyPage,
)
from cms.site_tree import ensure_home_page
from listings.models import Listing
from listings.tests.factories import FinancingNeedFactory, FinancingProductFactory, ListingFactory, ListingIPFactory
from payments.models import BankAccount
from register import imports
from register.models import Patent, Trademark
from register.tests.files import KANGYUAN, PATENT_HEADER, QUARTZ, TRADEMARK_HEADER, csv_file
from search.outbox import process_pending
from services.models import Institution, Offering, QualificationDocument
from services.tests.factories import InstitutionFactory, OfferingFactory
from targets.models import Indicator
from tests.factories import staff_in
from training.tests.factories import make_course

# What private records carry; none may appear in any answer of the API.
SECRETS = {
    "draft_policy": "未发布政策草稿甲",
    "private_page": "仅限登录政策乙",
    "draft_news": "未发布新闻丙",
    "draft_course": "未发布课程丁",
    "cancelled_course": "已取消课程戊",
    "online_url": "https://classroom.example/secret-room",
    "pending_institution": "待审核机构己",
    "suspended_institution": "已暂停机构庚",
    "institution_email": "hidden-institution@example.com",
    "draft_offering": "草稿服务辛",
    "offering_of_pending": "待审核机构的服务壬",
    "draft_listing": "草稿交易信息癸",
    "submitted_listing": "待审核交易信息子",
    "withdrawn_listing": "已撤回交易信息丑",
    "rejected_listing": "未通过交易信息寅",
    "expired_listing": "已过期交易信息卯",
    "listing_phone": "0518-99990000",
    "listing_email": "hidden-poster@example.com",
    "login_only_phone": "0518-88887777",
    "bank_account": "6222020200112233445",
    "bank_account_name": "银行户名辰",
    "qualification": "资质证明文件巳",
    "credit_code": "913207000000000000",
    "unpublished_indicator": "未公开指标午",
    "rejection_reason": "退回原因未",
    "inventor_address": "江苏省连云港市海州区秘密巷9号",
}


@dataclass
class World:
    policy: PolicyPage = None
    repealed_policy: PolicyPage = None
    news: NewsPage = None
    article: PatentInfoPage = None
    report: EarlyWarningReportPage = None
    course: object = None
    institution: Institution = None
    offering: Offering = None
    transaction: Listing = None
    need: Listing = None
    product: Listing = None
    library: PolicyIndexPage = None
    agency: object = None
    patent: object = None
    trademark: object = None

    def make_policy(self, title, **fields):
        defaults = {
            "slug": f"policy-{PolicyPage.objects.count() + 1}",
            "issuing_agency": self.agency,
            "issue_date": datetime.date(2015, 1, 1),
            "document_number": f"连科发〔2015〕{PolicyPage.objects.count() + 1}号",
            "index_number": f"k12498411/2015-{PolicyPage.objects.count() + 1:05d}",
            "summary": "测试用的政策文件。",
        }
        tags = fields.pop("tags", ())
        page = PolicyPage(title=title, **{**defaults, **fields})
        if tags:
            page.tags.add(*tags)
        return _publish(self.library, page)


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _draft(parent, page):
    parent.add_child(instance=page)
    page.unpublish()
    return page


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture(autouse=True)
def _generous_limits(settings):
    """Tests that walk the API make many requests from one address; the limits' own tests set theirs."""
    settings.API_ANONYMOUS_RATE = "100000/min"


def _apply_outbox(**kwargs):
    process_pending()


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """Built once per module inside a transaction rolled back at its end; each test's own changes are
    rolled back after it. The search outbox, which a commit would apply, is applied as each request starts."""
    media = tmp_path_factory.mktemp("api-media")
    # On Elasticsearch a record a test adds is searchable at once, not after the index's next refresh.
    overrides = override_settings(
        MEDIA_ROOT=media / "public", PRIVATE_MEDIA_ROOT=media / "private", SEARCH_REFRESH_ON_WRITE=True
    )
    with django_db_blocker.unblock(), overrides, transaction.atomic():
        request_started.connect(_apply_outbox, dispatch_uid="api_tests_outbox")
        try:
            world = build_world()
            process_pending()
            yield world
        finally:
            request_started.disconnect(dispatch_uid="api_tests_outbox")
            transaction.set_rollback(True)


def build_world():
    w = World()
    home = ensure_home_page()
    w.agency = demo.issuing_agencies()["连云港市科学技术局"]
    w.library = library = _publish(home, PolicyIndexPage(title="政策法规", slug="policies"))
    news_index = _publish(home, NewsIndexPage(title="新闻动态", slug="news"))
    patent_index = _publish(home, PatentInfoIndexPage(title="专利信息", slug="patent-info"))
    w.policy = w.make_policy("连云港市专利资助办法", validity=PolicyPage.Validity.VALID, tags=["专利资助"])
    w.repealed_policy = w.make_policy(
        "连云港市专利资助暂行办法",
        validity=PolicyPage.Validity.REPEALED,
        repealed_by=w.policy,
        issue_date=datetime.date(2012, 5, 1),
    )
    _draft(
        library,
        PolicyPage(
            title=SECRETS["draft_policy"],
            slug="draft-policy",
            issuing_agency=w.agency,
            issue_date=datetime.date(2015, 2, 1),
            summary="草稿",
        ),
    )
    restricted = w.make_policy(SECRETS["private_page"])
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    w.news = _publish(news_index, NewsPage(title="知识产权宣传周活动开幕", slug="week", summary="宣传周开幕。"))
    _draft(news_index, NewsPage(title=SECRETS["draft_news"], slug="draft-news", summary="草稿"))
    w.article = _publish(patent_index, PatentInfoPage(title="新材料专利分析", slug="article", summary="分析。"))
    w.report = _publish(
        patent_index,
        EarlyWarningReportPage(
            title="碳纤维产业专利预警分析报告",
            slug="report",
            summary="预警。",
            industry="碳纤维",
            period="2010—2015年",
            findings="<p>国外申请人占比较高。</p>",
        ),
    )
    w.course = make_course(title="专利代理实务培训", fee=80000)
    make_course(title=SECRETS["draft_course"], publish=False)
    cancelled = make_course(title=SECRETS["cancelled_course"])
    type(cancelled).objects.filter(pk=cancelled.pk).update(is_cancelled=True)
    make_course(title="线上专利检索课", is_online=True, venue="", online_url=SECRETS["online_url"])

    w.institution = InstitutionFactory(contact_email=SECRETS["institution_email"])
    w.institution.organisation.credit_code = SECRETS["credit_code"]
    w.institution.organisation.save()
    BankAccount.objects.create(
        organisation=w.institution.organisation,
        bank_name="江苏银行",
        branch="连云港分行",
        account_name=SECRETS["bank_account_name"],
        account_number=SECRETS["bank_account"],
    )
    QualificationDocument.attach(
        ContentFile(b"%PDF-1.4", name="licence.pdf"),
        "application/pdf",
        user=None,
        title=SECRETS["qualification"],
        institution=w.institution,
    )
    w.offering = OfferingFactory(institution=w.institution, title="商标注册代理")
    OfferingFactory(institution=w.institution, title=SECRETS["draft_offering"], status=Offering.Status.DRAFT)
    pending = InstitutionFactory(
        status=Institution.Status.PENDING, organisation__name=SECRETS["pending_institution"], approved_at=None
    )
    OfferingFactory(institution=pending, title=SECRETS["offering_of_pending"])
    InstitutionFactory(status=Institution.Status.SUSPENDED, organisation__name=SECRETS["suspended_institution"])

    w.transaction = ListingFactory(
        title="高纯石英砂提纯方法专利转让",
        contact_phone=SECRETS["listing_phone"],
        contact_email=SECRETS["listing_email"],
        contact_login_required=False,
        show_phone=False,
        show_email=False,
    )
    ListingIPFactory(listing=w.transaction)
    ListingFactory(title="仅登录可见联系方式的交易", contact_phone=SECRETS["login_only_phone"], show_phone=True)
    statuses = {
        "draft_listing": Listing.Status.DRAFT,
        "submitted_listing": Listing.Status.SUBMITTED,
        "withdrawn_listing": Listing.Status.WITHDRAWN,
        "rejected_listing": Listing.Status.REJECTED,
    }
    for marker, status in statuses.items():
        ListingFactory(title=SECRETS[marker], status=status, rejection_reason=SECRETS["rejection_reason"])
    ListingFactory(
        title=SECRETS["expired_listing"],
        valid_from=timezone.localdate() - datetime.timedelta(days=30),
        valid_until=timezone.localdate() - datetime.timedelta(days=1),
    )
    w.need = FinancingNeedFactory(title="以发明专利质押融资300万元", amount=Decimal("300"))
    w.product = FinancingProductFactory(title="知识产权质押贷")
    Indicator.objects.filter(is_published=True).update(is_published=False)
    Indicator.objects.create(
        code="secret-indicator", name=SECRETS["unpublished_indicator"], unit="件", category="creation"
    )
    Indicator.objects.filter(code__in=Indicator.objects.values("code")[:2]).exclude(code="secret-indicator").update(
        is_published=True
    )
    _import_register()
    w.patent = Patent.objects.get(application_number="201310123456.2")
    w.trademark = Trademark.objects.get()
    return w


# A patent of an individual inventor: the register prints the name, the public record leaves the address out.
INDIVIDUAL_PATENT = dict.fromkeys(PATENT_HEADER, "") | {
    "申请号": "202020123456.8",
    "申请日": "2020-06-01",
    "授权公告日": "2020-12-03",
    "发明名称": "一种紫菜晾晒架",
    "申请（专利权）人": "王小海",
    "地址": SECRETS["inventor_address"],
    "IPC分类号": "A01G33/00",
    "法律状态": "有效",
}


def _import_register():
    user = staff_in(REGISTER_MANAGERS)
    individual = [INDIVIDUAL_PATENT[column] for column in PATENT_HEADER]
    for upload, kind in (
        (csv_file([QUARTZ, individual]), "patent"),
        (csv_file([KANGYUAN], header=TRADEMARK_HEADER), "trademark"),
    ):
        batch = imports.preview_file(upload, record_kind=kind, source_kind="cnipa", user=user)
        imports.start_import(batch)
        imports.run_import(batch.pk)
