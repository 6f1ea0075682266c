"""The dashboard and reports are for staff only; the public summary shows only what staff publish."""

import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from targets.entries import certify_enterprise, record_entry
from targets.models import DemonstrationCertification, ImportBatch, Indicator, IndicatorEntry
from tests.factories import OrganisationFactory
from tests.private_files import assert_kept_under_a_generated_name

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


@pytest.fixture
def certification(staff):
    return certify_enterprise(
        OrganisationFactory(name="连云港东海水晶科技有限公司"),
        certificate_number="LYG-BZH-2015-001",
        certified_on=date(2015, 6, 18),
        issued_by="市科技局",
        evidence=SimpleUploadedFile("evidence.pdf", PDF),
        user=staff,
    )


def test_staff_see_every_indicator_grouped_by_chapter(staff_client, django_assert_max_num_queries):
    # Each indicator counted from records is computed on a fixed set of days (the plan's year ends and
    # the report day) with a few queries each, whatever the number of records.
    with django_assert_max_num_queries(200):
        response = staff_client.get(reverse("targets_admin:dashboard"))
    assert response.status_code == 200
    html = response.content.decode()
    for indicator in Indicator.objects.all():
        assert indicator.name in html
    for chapter in ("知识产权创造", "知识产权管理", "知识产权服务", "保障措施"):
        assert chapter in html
    assert "vendor/echarts/echarts.min.js" in html
    assert 'id="targets-chart-data"' in html
    assert "状态说明" in html  # the legend


@pytest.mark.parametrize("name", ["targets_admin:dashboard", "targets_admin:import", "targets_admin:certifications"])
def test_an_enterprise_cannot_open_the_admin_dashboard(enterprise_client, name):
    response = enterprise_client.get(reverse(name))
    assert response.status_code == 403
    # The page's body names no indicator (the head's site-wide description may mention institutions).
    body = response.content.decode().split("</head>", 1)[1]
    assert "知识产权服务机构" not in body


@pytest.mark.parametrize("name", ["targets:report_print", "targets:report_xlsx"])
def test_an_enterprise_gets_403_from_the_reports(enterprise_client, name):
    assert enterprise_client.get(reverse(name)).status_code == 403


def test_an_enterprise_gets_403_for_certification_evidence(enterprise_client, certification):
    # Even the certified enterprise's own member: evidence is the bureau's record.
    response = enterprise_client.get(reverse("targets:certification_evidence", args=[certification.pk]))
    assert response.status_code == 403


def test_anonymous_visitors_are_sent_to_log_in_for_reports(client):
    response = client.get(reverse("targets:report_xlsx"))
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.files
def test_staff_download_the_evidence(staff_client, certification):
    response = staff_client.get(reverse("targets:certification_evidence", args=[certification.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_public_summary_shows_only_published_indicators(client):
    Indicator.objects.filter(code="pct-applications").update(is_published=True)
    Indicator.objects.filter(code="madrid-registrations").update(is_published=False)
    response = client.get(reverse("targets:summary"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "PCT国际专利申请量" in html
    assert "马德里体系国际注册商标" not in html
    assert "SELECT" not in html


def test_signed_in_summary_shows_a_new_figure_on_the_next_request(
    enterprise_client, staff, django_assert_max_num_queries
):
    # The counted summary is kept between requests (targets.views.summary); a recorded figure replaces it.
    Indicator.objects.filter(code="pct-applications").update(is_published=True)
    url = reverse("targets:summary")
    # The first page also creates the footer settings, a change of what pages show.
    enterprise_client.get(url)
    assert "4,321" not in enterprise_client.get(url).content.decode()
    with django_assert_max_num_queries(10):
        enterprise_client.get(url)
    record_entry(
        Indicator.objects.get(code="pct-applications"),
        as_of=timezone.localdate(),
        value=Decimal(4321),
        source_note="市科技局",
        user=staff,
    )
    assert "4,321" in enterprise_client.get(url).content.decode()


def test_xlsx_export_holds_every_indicator_with_value_and_status(staff_client, staff):
    record_entry(
        Indicator.objects.get(code="pct-applications"),
        as_of=date(2016, 6, 30),
        value=Decimal(38),
        source_note="市科技局",
        user=staff,
    )
    response = staff_client.get(reverse("targets:report_xlsx"), {"on": "2016-06-30"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = {row[1]: row for row in sheet.iter_rows(min_row=4, values_only=True)}
    assert len(rows) == Indicator.objects.count()
    pct = rows["pct-applications"]
    assert pct[5] == 50 and pct[8] == 38 and pct[10] == 76.0
    assert "截至 2016-06-30" in sheet["A2"].value


def test_printable_report_for_one_responsible_unit(staff_client):
    response = staff_client.get(
        reverse("targets:report_print"),
        {"unit": Indicator.objects.get(code="ip-work-meetings").responsible_units.get(code="fagaiwei").pk},
    )
    html = response.content.decode()
    assert "市政府知识产权工作会议" in html
    assert "国内注册商标总数" not in html  # not a 市发改委 indicator


def test_staff_add_a_figure_and_a_bad_percent_keeps_what_was_typed(staff_client):
    url = reverse("targets_admin:entry_add", args=["enterprise-application-share"])
    response = staff_client.post(url, {"as_of": "2016-06-30", "value": "140", "source_note": "市统计局"})
    assert response.status_code == 200
    assert "0–100" in response.content.decode() and "市统计局" in response.content.decode()
    assert not IndicatorEntry.objects.exists()
    response = staff_client.post(url, {"as_of": "2016-06-30", "value": "40.1", "source_note": "市统计局"})
    assert response.status_code == 302
    assert IndicatorEntry.objects.get().value == Decimal("40.1")


def test_staff_correct_a_figure_and_the_history_shows_the_earlier_value(staff_client, staff):
    entry = record_entry(
        Indicator.objects.get(code="pct-applications"),
        as_of=date(2016, 6, 30),
        value=Decimal(38),
        source_note="初报",
        user=staff,
    )
    response = staff_client.post(
        reverse("targets_admin:entry_correct", args=[entry.pk]),
        {"as_of": "2016-06-30", "value": "39", "source_note": "复核", "reason": "补录一件"},
    )
    assert response.status_code == 302
    detail = staff_client.get(reverse("targets_admin:indicator", args=["pct-applications"])).content.decode()
    assert "原值 38" in detail and "补录一件" in detail


def test_import_through_the_admin_previews_then_confirms(staff_client):
    upload = SimpleUploadedFile(
        "q3.csv", "指标代码,统计日期,数值,县区,数据来源说明\r\npct-applications,2016-09-30,44,,市科技局\r\n".encode()
    )
    response = staff_client.post(reverse("targets_admin:import"), {"file": upload})
    batch = ImportBatch.objects.get()
    assert response["Location"] == reverse("targets_admin:import_preview", args=[batch.pk])
    preview = staff_client.get(response["Location"]).content.decode()
    assert "确认导入" in preview and "PCT国际专利申请量" in preview
    assert not IndicatorEntry.objects.exists()
    staff_client.post(response["Location"], {"action": "apply"})
    assert IndicatorEntry.objects.get().value == 44


def test_an_invalid_import_cannot_be_confirmed(staff_client):
    upload = SimpleUploadedFile(
        "bad.csv", "指标代码,统计日期,数值,县区,数据来源说明\r\nnope,2016-09-30,x,,y\r\n".encode()
    )
    response = staff_client.post(reverse("targets_admin:import"), {"file": upload}, follow=True)
    html = response.content.decode()
    assert "第 2 行" in html and "确认导入" not in html
    batch = ImportBatch.objects.get()
    staff_client.post(reverse("targets_admin:import_preview", args=[batch.pk]), {"action": "apply"})
    assert not IndicatorEntry.objects.exists()


def test_staff_certify_an_enterprise_with_evidence(staff_client):
    enterprise = OrganisationFactory()
    response = staff_client.post(
        reverse("targets_admin:certification_add"),
        {
            "enterprise": enterprise.pk,
            "certificate_number": "LYG-BZH-2016-010",
            "certified_on": "2016-05-10",
            "issued_by": "连云港质监局",
            "evidence": SimpleUploadedFile("cert.pdf", PDF),
        },
    )
    assert response.status_code == 302
    certification = DemonstrationCertification.objects.get()
    assert certification.enterprise == enterprise
    assert Path(certification.evidence.path).is_relative_to(settings.PRIVATE_MEDIA_ROOT)


def test_revoking_a_certification_says_what_happened_and_a_second_revocation_says_why_not(staff_client, certification):
    url = reverse("targets_admin:certification_revoke", args=[certification.pk])

    def told(data):
        response = staff_client.post(url, data)
        assert response.status_code == 302
        # The messages of the earlier posts stay queued until a page shows them: the last one is this post's.
        return [str(message) for message in get_messages(response.wsgi_request)][-1]

    assert told({"revoked_on": "not a day"}) == "请填写有效的撤销日期。"
    assert told({"revoked_on": "2015-01-01"}) == "撤销日期不能早于认定日期。"
    assert told({"revoked_on": "2016-06-01"}) == "已撤销该认定。"
    assert told({"revoked_on": "2016-07-01"}) == "该认定已撤销。"
    certification.refresh_from_db()
    assert certification.revoked_on == date(2016, 6, 1)


def test_certifying_an_institution_or_without_a_real_pdf_is_refused(staff_client):
    institution = OrganisationFactory(kind="institution")
    response = staff_client.post(
        reverse("targets_admin:certification_add"),
        {
            "enterprise": institution.pk,
            "certificate_number": "X-1",
            "certified_on": "2016-05-10",
            "issued_by": "连云港质监局",
            "evidence": SimpleUploadedFile("cert.pdf", b"not a pdf"),
        },
    )
    assert response.status_code == 200
    assert not DemonstrationCertification.objects.exists()
    assert "X-1" in response.content.decode()


def test_confirming_an_import_twice_imports_once_and_says_it_was_done(staff_client):
    upload = SimpleUploadedFile(
        "q3.csv", "指标代码,统计日期,数值,县区,数据来源说明\r\npct-applications,2016-09-30,44,,市科技局\r\n".encode()
    )
    preview = staff_client.post(reverse("targets_admin:import"), {"file": upload})["Location"]
    staff_client.post(preview, {"action": "apply"})
    again = staff_client.post(preview, {"action": "apply"})
    assert "该批次已处理，不能重复导入。" in again.content.decode()
    assert IndicatorEntry.objects.count() == 1


def test_xlsx_export_writes_formula_like_text_as_text(staff_client):
    Indicator.objects.filter(code="pct-applications").update(name='=HYPERLINK("http://evil.example/","x")')
    response = staff_client.get(reverse("targets:report_xlsx"), {"on": "2016-06-30"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    cell = next(row[2] for row in sheet.iter_rows(min_row=4) if row[1].value == "pct-applications")
    assert cell.data_type == "s"
    assert cell.value == '\'=HYPERLINK("http://evil.example/","x")'


@pytest.mark.files
def test_evidence_and_an_entrys_attachment_keep_their_names_as_data_not_in_the_storage_path(staff_client, staff):
    certification = certify_enterprise(
        OrganisationFactory(),
        certificate_number="LYG-BZH-2015-009",
        certified_on=date(2015, 6, 18),
        issued_by="市科技局",
        evidence=SimpleUploadedFile("示范企业证书-恒瑞.pdf", PDF),
        user=staff,
    )
    entry = record_entry(
        Indicator.objects.get(code="pct-applications"),
        as_of=timezone.localdate(),
        value=Decimal(12),
        source_note="市知识产权局统计",
        user=staff,
        attachment=SimpleUploadedFile("统计表-张三.pdf", PDF),
    )
    for field_file, name, url in (
        (
            certification.evidence,
            "示范企业证书-恒瑞.pdf",
            reverse("targets:certification_evidence", args=[certification.pk]),
        ),
        (entry.attachment, "统计表-张三.pdf", reverse("targets_admin:entry_attachment", args=[entry.pk])),
    ):
        assert_kept_under_a_generated_name(staff_client, field_file, name, url)
    assert (entry.attachment_name, entry.attachment_type, entry.attachment_size) == (
        "统计表-张三.pdf",
        "application/pdf",
        len(PDF),
    )


def test_evidence_that_is_not_what_its_name_says_is_refused_by_the_domain(staff):
    """The domain checks the bytes, whoever calls it (the admin form, an import, a script)."""
    with pytest.raises(ValidationError) as refused:
        certify_enterprise(
            OrganisationFactory(),
            certificate_number="LYG-BZH-2015-010",
            certified_on=date(2015, 6, 18),
            issued_by="市科技局",
            evidence=SimpleUploadedFile("证书.pdf", b"MZ\x90\x00 not a pdf"),
            user=staff,
        )
    assert "evidence" in refused.value.message_dict
    assert not DemonstrationCertification.objects.filter(certificate_number="LYG-BZH-2015-010").exists()
