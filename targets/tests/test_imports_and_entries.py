"""Staff-entered figures: corrections keep the earlier value; imports are all-or-nothing with a preview."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from reference.models import District
from targets import imports
from targets.entries import correct_entry, record_entry
from targets.models import EntryRevision, ImportBatch, Indicator, IndicatorEntry

pytestmark = pytest.mark.django_db

HEADER = "指标代码,统计日期,数值,县区,数据来源说明"


def csv_file(*lines, name="figures.csv", bom=True):
    text = "\r\n".join([HEADER, *lines]) + "\r\n"
    return SimpleUploadedFile(name, (("\ufeff" if bom else "") + text).encode("utf-8"), content_type="text/csv")


def xlsx_file(rows, name="figures.xlsx"):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def indicator(code):
    return Indicator.objects.get(code=code)


def test_correcting_an_entry_keeps_the_earlier_value_in_the_audit_trail(staff):
    entry = record_entry(
        indicator("pct-applications"), as_of=date(2015, 12, 31), value=Decimal(30), source_note="市科技局", user=staff
    )
    correct_entry(
        entry,
        as_of=date(2015, 12, 31),
        value=Decimal(31),
        source_note="市科技局（复核）",
        reason="漏计一件",
        user=staff,
    )
    entry.refresh_from_db()
    assert entry.value == 31
    revision = EntryRevision.objects.get(entry=entry)
    assert (revision.previous_value, revision.previous_source_note, revision.reason) == (30, "市科技局", "漏计一件")
    assert revision.corrected_by == staff


def test_a_correction_needs_a_reason(staff):
    entry = record_entry(
        indicator("pct-applications"), as_of=date(2015, 12, 31), value=Decimal(30), source_note="市科技局", user=staff
    )
    with pytest.raises(ValidationError):
        correct_entry(entry, as_of=entry.as_of, value=Decimal(1), source_note="x", reason=" ", user=staff)
    assert not EntryRevision.objects.exists()
    entry.refresh_from_db()
    assert entry.value == 30


def test_percent_figures_accept_0_to_100_only(staff):
    share = indicator("enterprise-application-share")
    with pytest.raises(ValidationError):
        record_entry(share, as_of=date(2015, 1, 1), value=Decimal("101"), source_note="x", user=staff)
    with pytest.raises(ValidationError):
        record_entry(share, as_of=date(2015, 1, 1), value=Decimal("-1"), source_note="x", user=staff)
    record_entry(share, as_of=date(2015, 1, 1), value=Decimal("100"), source_note="x", user=staff)


def test_a_counted_indicator_takes_an_entry_as_an_override_checked_like_any_figure(staff):
    entry = record_entry(
        indicator("service-institutions"), as_of=date(2015, 1, 1), value=Decimal(3), source_note="x", user=staff
    )
    assert entry.entered_by == staff
    with pytest.raises(ValidationError):
        record_entry(
            indicator("abnormal-application-share"),
            as_of=date(2015, 1, 1),
            value=Decimal(101),
            source_note="x",
            user=staff,
        )


def test_valid_csv_previews_then_applies_all_rows(staff):
    upload = csv_file(
        "pct-applications,2016-09-30,44,,市科技局",
        'trademark-registrations,2016/9/30,"12,900",海州区,连云港工商局',
        "abnormal-application-share,2016-09-30,0.4%,全市,国家知识产权局通报",
    )
    batch = imports.create_batch(upload, staff)
    assert batch.errors == [] and len(batch.rows) == 3
    assert not IndicatorEntry.objects.exists()  # nothing saved before confirmation

    imports.apply_batch(batch, staff)
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.APPLIED
    haizhou = District.objects.get(name="海州区")
    assert IndicatorEntry.objects.get(indicator__code="trademark-registrations", district=haizhou).value == 12900
    assert IndicatorEntry.objects.get(indicator__code="abnormal-application-share").value == Decimal("0.4")
    with pytest.raises(ValidationError):
        imports.apply_batch(batch, staff)  # not twice
    assert IndicatorEntry.objects.count() == 3


def test_bad_rows_are_refused_row_by_row_and_nothing_is_saved(staff):
    upload = csv_file(
        "pct-applications,2016-09-30,44,,市科技局",
        "no-such-indicator,2016-09-30,1,,x",
        "pct-applications,2016-13-45,44,,市科技局",
        "madrid-registrations,2016-09-30,abc,,x",
        "enterprise-application-share,2016-09-30,140,,x",
        "service-institutions,2016-09-30,-9,,x",
        "pct-applications,2016-09-30,44,火星区,x",
        "pct-applications,2016-06-30,40,,",
    )
    batch = imports.create_batch(upload, staff)
    errors = {error["row"]: " ".join(error["messages"]) for error in batch.errors}
    assert set(errors) == {3, 4, 5, 6, 7, 8, 9}
    assert "no-such-indicator" in errors[3]
    assert "2016-13-45" in errors[4]
    assert "abc" in errors[5]
    assert "0–100" in errors[6]
    assert "负数" in errors[7]
    assert "火星区" in errors[8]
    assert "数据来源" in errors[9]
    with pytest.raises(ValidationError):
        imports.apply_batch(batch, staff)
    assert not IndicatorEntry.objects.exists()


def test_wrong_header_is_refused_with_the_expected_header(staff):
    upload = SimpleUploadedFile("x.csv", "代码,日期,值\r\npct-applications,2016-09-30,44\r\n".encode())
    batch = imports.create_batch(upload, staff)
    assert not batch.rows
    message = batch.errors[0]["messages"][0]
    assert "表头不正确" in message and HEADER.replace(",", ",") in message


def test_a_gbk_csv_is_read_and_text_in_neither_encoding_and_wrong_file_types_are_refused(staff):
    # What Excel on a Chinese Windows saves as CSV.
    gbk = SimpleUploadedFile("x.csv", (HEADER + "\r\npct-applications,2016-09-30,44,,市科技局\r\n").encode("gbk"))
    batch = imports.create_batch(gbk, staff)
    assert not batch.errors and batch.rows[0]["source_note"] == "市科技局"
    latin = SimpleUploadedFile("x.csv", (HEADER + "\r\npct-applications,2016-09-30,44,,").encode() + b"\xe9\xff\r\n")
    assert "UTF-8 或 GBK" in imports.create_batch(latin, staff).errors[0]["messages"][0]
    fake = SimpleUploadedFile("x.xlsx", b"not a spreadsheet at all")
    assert imports.create_batch(fake, staff).errors
    pdf = SimpleUploadedFile("x.pdf", b"%PDF-1.4")
    assert "csv" in imports.create_batch(pdf, staff).errors[0]["messages"][0]


def test_xlsx_import_reads_dates_and_numbers_from_cells(staff):
    upload = xlsx_file(
        [
            ["指标代码", "统计日期", "数值", "县区", "数据来源说明"],
            ["madrid-registrations", date(2016, 9, 30), 27, None, "连云港工商局"],
        ]
    )
    batch = imports.create_batch(upload, staff)
    assert batch.errors == []
    assert batch.rows[0]["as_of"] == "2016-09-30" and batch.rows[0]["value"] == "27"


def test_importing_a_figure_that_exists_corrects_it_with_an_audit_record(staff):
    entry = record_entry(
        indicator("pct-applications"), as_of=date(2016, 6, 30), value=Decimal(38), source_note="初报", user=staff
    )
    batch = imports.create_batch(csv_file("pct-applications,2016-06-30,39,,复核"), staff)
    assert batch.rows[0]["replaces_entry"] == entry.pk
    imports.apply_batch(batch, staff)
    entry.refresh_from_db()
    assert entry.value == 39
    assert entry.revisions.get().previous_value == 38
    assert IndicatorEntry.objects.count() == 1


def test_duplicate_rows_in_one_file_are_refused(staff):
    batch = imports.create_batch(
        csv_file("pct-applications,2016-06-30,39,,a", "pct-applications,2016-06-30,40,,b", bom=False), staff
    )
    assert batch.errors[0]["row"] == 3


def test_a_small_xlsx_holding_100000_rows_is_refused_with_a_message_not_an_error(staff_client, settings, tmp_path):
    settings.TARGETS_IMPORT_MAX_ROWS = 50
    path = tmp_path / "many.xlsx"
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(HEADER.split(","))
    for _ in range(100_000):
        sheet.append(["pct-applications", "2016-09-30", 44, None, "市科技局"])
    workbook.save(path)
    assert path.stat().st_size < imports.MAX_BYTES

    with path.open("rb") as handle:
        response = staff_client.post(reverse("targets_admin:import"), {"file": handle}, follow=True)

    assert response.status_code == 200
    batch = ImportBatch.objects.get()
    assert batch.rows == []
    assert "一次最多导入 50 行" in batch.errors[0]["messages"][0]


def test_an_xlsx_over_the_row_limit_is_refused_as_a_whole(staff, settings):
    settings.TARGETS_IMPORT_MAX_ROWS = 50
    rows = [HEADER.split(",")] + [["pct-applications", date(2016, 9, 30), 44, None, "市科技局"]] * 60
    rows.append(["pct-applications", "damaged", "not a number", "火星区", ""])
    batch = imports.create_batch(xlsx_file(rows), staff)
    assert batch.rows == []
    assert [error["messages"] for error in batch.errors] == [
        ["文件超过 50 行。一次最多导入 50 行，请分成几份文件导入。"]
    ]


def test_a_csv_over_the_row_limit_is_refused(staff, settings):
    settings.TARGETS_IMPORT_MAX_ROWS = 2
    upload = csv_file(*["pct-applications,2016-09-30,44,,市科技局"] * 3)
    assert "一次最多导入 2 行" in imports.create_batch(upload, staff).errors[0]["messages"][0]


def test_a_csv_with_a_broken_quote_is_refused_with_a_message(staff):
    upload = csv_file('pct-applications,2016-09-30,44,,"' + "x" * 200_000)
    assert "CSV" in imports.create_batch(upload, staff).errors[0]["messages"][0]
