"""Drafted early-warning reports: a draft page under the patent information section with the figures as
table blocks, the watchers told once when it is drafted and once when it is published."""

from datetime import date

from django.core import mail
from django.urls import reverse
from wagtail.models import Page

from analysis import watching
from analysis.models import WatchNotice
from analysis.tests.factories import index, patent
from cms.models import EarlyWarningReportPage
from services.tests.factories import InstitutionFactory
from tests.factories import MembershipFactory, OrganisationFactory

RIVAL = "江苏竞争者材料有限公司"


def trip(watch, django_capture_on_commit_callbacks, on=date(2026, 6, 15)):
    patent(date(2026, 5, 1), (RIVAL,), district=None)
    index()
    with django_capture_on_commit_callbacks(execute=True):
        return watching.evaluate(watch, on)


def test_a_tripped_watch_drafts_a_report_page_with_its_figures_as_tables(
    embedded_index, make_watch, patent_index, analyst, django_capture_on_commit_callbacks
):
    watch = make_watch(competitors=[RIVAL], filings_threshold=1)
    trip(watch, django_capture_on_commit_callbacks)
    report = watch.reports.get()
    page = report.page
    assert isinstance(page, EarlyWarningReportPage)
    assert not page.live and page.get_parent().pk == patent_index.pk
    assert page.get_latest_revision() is not None
    assert RIVAL in page.summary and RIVAL in page.findings
    tables = {block.value["caption"]: block.value["table"] for block in page.body if block.block_type == "table"}
    alerts = tables["触发的预警指标"]
    assert [str(cell.value) for cell in next(iter(alerts.rows))][1] == RIVAL
    competitors = tables["竞争对手在该领域的申请量"]
    assert [[str(cell.value) for cell in row] for row in competitors.rows] == [[RIVAL, "0", "1"]]
    assert "申请量（按申请年份、类型）" in tables
    assert list(WatchNotice.objects.filter(report=report).values_list("user", "kind")) == [(analyst.pk, "drafted")]
    assert [message.to for message in mail.outbox] == [[analyst.email]]


def test_publishing_the_report_tells_the_watchers_once(
    embedded_index, make_watch, patent_index, analyst, django_capture_on_commit_callbacks
):
    watch = make_watch(competitors=[RIVAL], filings_threshold=1)
    trip(watch, django_capture_on_commit_callbacks)
    page = watch.reports.get().page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page.get_latest_revision().publish()
        Page.objects.get(pk=page.pk).specific.save_revision().publish()
    assert WatchNotice.objects.filter(kind="published").count() == 1
    assert len(mail.outbox) == 1 and page.title in mail.outbox[0].subject
    assert watch.reports.get().is_published


def test_the_watchers_page_leads_a_drafted_notice_to_the_watch_and_a_published_one_to_the_report(
    client, embedded_index, make_watch, patent_index, analyst, django_capture_on_commit_callbacks
):
    watch = make_watch(competitors=[RIVAL], filings_threshold=1)
    trip(watch, django_capture_on_commit_callbacks)
    page = watch.reports.get().page
    with django_capture_on_commit_callbacks(execute=True):
        page.get_latest_revision().publish()
    client.force_login(analyst)

    html = client.get(reverse("analysis:watches")).content.decode()

    published_url = Page.objects.get(pk=page.pk).url
    assert f'预警报告已发布：<a href="{published_url}">' in html
    assert f'预警报告已起草：<a href="{watch.get_absolute_url()}">' in html


def test_an_institutions_watch_tells_its_members_and_its_clients(
    embedded_index, patent_index, django_capture_on_commit_callbacks
):
    institution = InstitutionFactory(institution_type="early_warning")
    colleague = MembershipFactory(organisation=institution.organisation).user
    author = MembershipFactory(organisation=institution.organisation).user
    client = OrganisationFactory()
    client_member = MembershipFactory(organisation=client).user
    watch = watching.define(
        author,
        {
            "name": "客户石英",
            "ipc_classes": ["C03B"],
            "keywords": "",
            "competitors": [RIVAL],
            "filings_threshold": 1,
            "growth_percent": 50,
            "share_drop_points": 5,
            "lapse_threshold": 1,
            "client_credit_code": client,
        },
    )
    assert watch.organisation == institution.organisation
    trip(watch, django_capture_on_commit_callbacks)
    told = set(WatchNotice.objects.values_list("user", flat=True))
    assert told == {author.pk, colleague.pk, client_member.pk}
