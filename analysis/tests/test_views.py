"""The analysis pages, their XLSX, and who reads which watch and portfolio comparison."""

import io
from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from analysis.models import PortfolioComparison, Watch
from analysis.tests.factories import index, patent
from register import imports
from register.numbers import patent_check_digit
from register.tests.files import PATENT_HEADER, csv_file
from services.tests.factories import InstitutionFactory
from tests.factories import MembershipFactory, UserFactory

RIVAL = "江苏竞争者材料有限公司"


def test_the_analysis_page_shows_each_figure_as_a_table_and_exports_it_safely(client, embedded_index):
    patent(date(2020, 3, 1), ('=HYPERLINK("http://x","x")',), inventors=("王海",))
    patent(date(2021, 3, 1), ("连云港港城新材料有限公司",))
    index()
    response = client.get(reverse("analysis:analysis"))
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="table-filings"' in page and 'id="figure-network"' in page
    assert 'data-chart="filings"' in page and "analysis-chart-data" in page
    assert "<script>" not in page.replace("<script src=", "")  # no inline script under the CSP
    export = client.get(reverse("analysis:export"))
    workbook = load_workbook(io.BytesIO(export.content))
    applicants = next(sheet for sheet in workbook if sheet.title == "主要申请人")
    values = list(applicants.iter_rows(values_only=True))
    assert values[0] == ("申请（专利权）人", "专利数", "占比（%）")
    assert ('\'=HYPERLINK("http://x","x")', 1, 50) in values


def test_the_ipc_table_links_down_one_level(client, embedded_index):
    patent(date(2020, 3, 1), ipc=("C03B 20/00",))
    page = client.get(reverse("analysis:analysis")).content.decode()
    assert "?section=C" in page
    page = client.get(reverse("analysis:analysis"), {"section": "C03"}).content.decode()
    assert "ipc=C03B" in page


def test_an_enterprise_compares_its_own_portfolio_and_nobody_else_reads_it(client, embedded_index):
    member = MembershipFactory(organisation__name="连云港港城新材料有限公司").user
    other = MembershipFactory().user
    patent(date(2024, 3, 1), ("连云港港城新材料有限公司",))
    patent(date(2024, 4, 1), (RIVAL,), district=None)
    patent(date(2025, 4, 1), (RIVAL,), district=None)
    client.force_login(member)
    response = client.post(reverse("analysis:comparisons"), {"name": "石英对比", "competitors": f"{RIVAL}\n"})
    comparison = PortfolioComparison.objects.get()
    assert response.url == comparison.get_absolute_url()
    page = client.get(comparison.get_absolute_url()).content.decode()
    assert 'id="table-overview"' in page and RIVAL in page
    client.force_login(other)
    assert client.get(comparison.get_absolute_url()).status_code == 404
    assert client.get(reverse("analysis:comparison_export", args=[comparison.pk])).status_code == 404


def test_only_analysts_and_analysis_institutions_define_watches_and_a_watch_stays_with_its_owners(client, db):
    enterprise = MembershipFactory().user
    client.force_login(enterprise)
    assert client.get(reverse("analysis:watch_new")).status_code == 403
    institution = InstitutionFactory(institution_type="early_warning")
    member = MembershipFactory(organisation=institution.organisation).user
    client.force_login(member)
    form = {"name": "石英领域", "ipc_classes": "C03B, C01B 33/12", "keywords": "石英", "competitors": RIVAL}
    thresholds = {"filings_threshold": 5, "growth_percent": 50, "share_drop_points": 5, "lapse_threshold": 1}
    response = client.post(reverse("analysis:watch_new"), {**form, **thresholds, "submission_key": "a" * 32})
    again = client.post(reverse("analysis:watch_new"), {**form, **thresholds, "submission_key": "a" * 32})
    watch = Watch.objects.get()
    assert response.url == again.url == watch.get_absolute_url()
    assert watch.ipc_classes == ["C03B", "C01B 33/12"] and watch.organisation == institution.organisation
    assert client.get(watch.get_absolute_url()).status_code == 200
    client.force_login(enterprise)
    assert client.get(watch.get_absolute_url()).status_code == 404
    client.force_login(UserFactory(is_staff=True))
    assert client.get(watch.get_absolute_url()).status_code == 404


def test_a_watch_needs_a_field_or_competitors(client, analyst):
    client.force_login(analyst)
    thresholds = {"filings_threshold": 5, "growth_percent": 50, "share_drop_points": 5, "lapse_threshold": 1}
    response = client.post(reverse("analysis:watch_new"), {"name": "空", **thresholds})
    assert response.status_code == 200 and not Watch.objects.exists()
    assert "请至少填写IPC分类、关键词或竞争对手之一。" in response.content.decode()


def test_a_register_import_evaluates_the_watches(
    embedded_index, make_watch, patent_index, analyst, django_capture_on_commit_callbacks
):
    watch = make_watch(competitors=[RIVAL], filings_threshold=1)
    filed = timezone.localdate() - timedelta(days=30)
    digits = f"{filed.year}1{9_000_001:07d}"
    row = [f"CN{digits}.{patent_check_digit(digits)}", filed.isoformat(), "", "", "", "一种石英坩埚", "", RIVAL]
    row += ["江苏省南京市玄武区1号", "张三", "C03B20/00", "", "", "", ""]
    batch = imports.preview_file(
        csv_file([row], PATENT_HEADER), record_kind="patent", source_kind="cnipa", user=analyst
    )
    assert imports.start_import(batch)
    with django_capture_on_commit_callbacks(execute=True):
        imports.run_import(batch.pk)
    assert [alert.subject for alert in watch.alerts.all()] == [RIVAL]
    assert watch.reports.get().page is not None
