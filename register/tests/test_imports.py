import zipfile
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from accounts.roles import REGISTER_MANAGERS
from register import imports
from register.models import ImportBatch, LegalEvent, Patent, Trademark
from register.terms import LegalStatus, PatentType
from services.tests.factories import InstitutionFactory
from tests.database_faults import rows_refused_after
from tests.factories import UserFactory, staff_in

from .files import (
    BAD_CHECK_DIGIT,
    BAD_CLASS,
    DONGHAI_CRYSTAL,
    IMPOSSIBLE_DATE,
    KANGYUAN,
    PHARMA,
    QUARTZ,
    TRADEMARK_HEADER,
    UNKNOWN_IPC,
    csv_file,
    xlsx_file,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager():
    return staff_in(REGISTER_MANAGERS)


def preview(upload, user, kind="patent", source="cnipa"):
    return imports.preview_file(upload, record_kind=kind, source_kind=source, user=user)


def import_all(upload, user, kind="patent", source="cnipa"):
    batch = preview(upload, user, kind, source)
    assert imports.start_import(batch)
    return imports.run_import(batch.pk)


def test_the_preview_maps_the_chinese_headers_and_names_each_rejected_row_with_its_reason(manager):
    batch = preview(csv_file([QUARTZ, BAD_CHECK_DIGIT, PHARMA, IMPOSSIBLE_DATE, UNKNOWN_IPC]), manager)
    assert batch.mapping["application_number"] == "申请号"
    assert batch.mapping["applicants"] == "申请（专利权）人"
    assert batch.mapping["ipc_all"] == "IPC分类号"
    assert (batch.total_rows, batch.valid_rows, batch.rejected_rows) == (5, 2, 3)
    reasons = {rejection["row"]: " ".join(rejection["messages"]) for rejection in batch.rejections}
    assert "校验位应为" in reasons[3]
    assert "不是有效日期" in reasons[5]
    assert "Z99" in reasons[6]
    assert not Patent.objects.exists()


def test_importing_writes_every_field_and_computes_the_status(manager):
    agency = InstitutionFactory(licence_number="32231")
    batch = import_all(xlsx_file([QUARTZ, PHARMA, BAD_CHECK_DIGIT]), manager)
    assert batch.status == ImportBatch.Status.DONE
    assert (batch.created_count, batch.updated_count, batch.unchanged_count) == (2, 0, 0)
    quartz = Patent.objects.get(application_number="201310123456.2")
    assert quartz.patent_type == PatentType.INVENTION
    assert quartz.filing_date == date(2013, 3, 1)
    assert quartz.inventors == ["王海", "李明"]
    assert quartz.ipc_main == "C01B 33/12"
    assert quartz.ipc_all == ["C01B 33/12", "C03B 20/00"]
    assert quartz.agency == agency
    assert quartz.agency_name == "连云港港城专利代理事务所"
    assert quartz.status == LegalStatus.VALID
    assert quartz.district.code == "donghai"
    assert (quartz.source.kind, quartz.batch) == ("cnipa", batch)
    holder = quartz.parties.get()
    assert (holder.name, holder.kind, holder.district.code) == ("连云港石英新材料有限公司", "enterprise", "donghai")
    pharma = Patent.objects.get(application_number="201410123456.7")
    assert pharma.status == LegalStatus.LAPSED
    assert [p.kind for p in pharma.parties.all()] == ["enterprise", "academic"]
    assert list(pharma.events.values_list("kind", "date")) == [("annuity_lapse", date(2022, 7, 15))]


def test_importing_the_same_file_again_changes_nothing(manager):
    import_all(csv_file([QUARTZ, PHARMA]), manager)
    before = list(Patent.objects.order_by("pk").values("pk", "updated_at", "batch"))
    again = import_all(csv_file([QUARTZ, PHARMA]), manager)
    assert (again.created_count, again.updated_count, again.unchanged_count) == (0, 0, 2)
    assert list(Patent.objects.order_by("pk").values("pk", "updated_at", "batch")) == before
    assert LegalEvent.objects.count() == 1


def planner_row_estimate(model):
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [model._meta.db_table])
        return cursor.fetchone()[0]


def test_after_an_import_postgresql_plans_with_the_rows_it_wrote(manager):
    """Counting queries planned from statistics of an empty table ran for an hour (core/planner.py)."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's planner statistics: set DATABASE_URL to run it")
    import_all(csv_file([QUARTZ, PHARMA]), manager)
    assert planner_row_estimate(Patent) == 2
    assert planner_row_estimate(LegalEvent) == LegalEvent.objects.count() == 1
    import_all(csv_file([KANGYUAN, DONGHAI_CRYSTAL], header=TRADEMARK_HEADER), manager, kind="trademark")
    assert planner_row_estimate(Trademark) == 2


def test_a_later_export_updates_the_record_and_adds_its_event_instead_of_duplicating(manager):
    import_all(csv_file([QUARTZ]), manager)
    lapsed = [*QUARTZ[:13], "专利权的终止（未缴年费）", "2020-04-01"]
    batch = import_all(csv_file([lapsed], name="later.csv"), manager, source="commercial")
    assert batch.updated_count == 1
    patent = Patent.objects.get()
    assert patent.status == LegalStatus.LAPSED
    assert patent.status_since == date(2020, 4, 1)
    assert (patent.batch, patent.source.kind) == (batch, "commercial")


def test_a_gbk_csv_from_the_national_search_system_is_read(manager):
    batch = preview(csv_file([QUARTZ], encoding="gb18030"), manager)
    assert batch.valid_rows == 1


def test_a_file_that_only_looks_like_a_spreadsheet_is_refused(manager):
    with pytest.raises(ValidationError):
        preview(SimpleUploadedFile("patents.xlsx", "申请号,申请日\r\n".encode()), manager)
    with pytest.raises(ValidationError, match="UTF-8 或 GBK"):
        preview(SimpleUploadedFile("patents.csv", b"\x00\x01binary\xff\xfe"), manager)


def test_a_workbook_unpacking_past_the_bound_is_refused_before_a_row_is_read(manager, settings):
    upload = xlsx_file([QUARTZ] * 2000)
    with zipfile.ZipFile(upload) as archive:
        unpacked = sum(part.file_size for part in archive.infolist())
    upload.seek(0)
    assert unpacked > 5 * upload.size
    settings.REGISTER_IMPORT_MAX_UNPACKED_BYTES = unpacked - 1
    with pytest.raises(ValidationError, match="表格解压后过大"):
        preview(upload, manager)
    assert not ImportBatch.objects.exists()
    settings.REGISTER_IMPORT_MAX_UNPACKED_BYTES = unpacked
    assert preview(upload, manager).total_rows == 2000


def test_a_file_without_the_required_columns_is_refused_naming_them(manager):
    with pytest.raises(ValidationError, match="发明名称"):
        preview(csv_file([["CN201310123456.2", "2013-03-01"]], header=["申请号", "申请日"]), manager)


def test_a_failed_import_leaves_nothing_half_written(manager, monkeypatch):
    batch = preview(csv_file([QUARTZ, PHARMA]), manager)
    imports.start_import(batch)
    # One record a chunk: the first is written before the database refuses the second.
    monkeypatch.setattr(imports, "CHUNK", 1)
    with rows_refused_after(Patent, 1) as refusal:
        batch = imports.run_import(batch.pk)
    assert batch.status == ImportBatch.Status.FAILED
    assert refusal in batch.error
    assert not Patent.objects.exists()


def test_a_batch_is_started_once_however_often_it_is_asked(manager):
    batch = preview(csv_file([QUARTZ]), manager)
    assert imports.start_import(batch)
    assert not imports.start_import(batch)
    imports.run_import(batch.pk)
    assert imports.run_import(batch.pk).created_count == 1
    assert Patent.objects.count() == 1


def test_trademarks_are_imported_with_their_flags_and_bad_classes_rejected(manager):
    batch = import_all(
        csv_file([DONGHAI_CRYSTAL, KANGYUAN, BAD_CLASS], header=TRADEMARK_HEADER),
        manager,
        "trademark",
        "trademark_office",
    )
    assert (batch.created_count, batch.rejected_rows) == (2, 1)
    assert "1 至 45" in batch.rejections[0]["messages"][0]
    crystal = Trademark.objects.get(registration_number="3012345")
    assert crystal.is_geographical_indication and crystal.is_certification
    assert crystal.district.code == "donghai"
    assert crystal.status == Trademark.Status.REGISTERED
    kangyuan = Trademark.objects.get(registration_number="8765432")
    assert (kangyuan.nice_class, kangyuan.is_madrid, kangyuan.madrid_number) == (5, True, "G1123456")
    assert (kangyuan.well_known, kangyuan.well_known_year) == ("administrative", 2011)
    assert (kangyuan.is_provincial_famous, kangyuan.provincial_famous_year) == (True, 2008)


def test_a_trademark_past_its_term_is_recorded_as_expired(manager):
    old = [*KANGYUAN[:6], "2000-01-01", "2001-01-01", "2011-01-01", "注册", "", "", "", ""]
    import_all(csv_file([old], header=TRADEMARK_HEADER), manager, "trademark", "trademark_office")
    assert Trademark.objects.get().status == Trademark.Status.EXPIRED


def test_the_xml_format_carries_applicants_and_events(manager):
    xml = """<?xml version="1.0" encoding="UTF-8"?>
<patents>
  <patent>
    <application-number>CN201310123456.2</application-number>
    <filing-date>2013-03-01</filing-date>
    <title>一种高纯石英砂的提纯方法</title>
    <applicant name="连云港石英新材料有限公司" address="连云港市东海县石英大道8号"/>
    <inventor>王海</inventor>
    <inventor>李明</inventor>
    <ipc-main>C01B 33/12</ipc-main>
    <event kind="grant" date="2015-06-03"/>
    <event kind="pledge" date="2019-05-01">质押给江苏银行连云港分行</event>
  </patent>
</patents>"""
    batch = import_all(SimpleUploadedFile("patents.xml", xml.encode()), manager, source="xml")
    assert batch.created_count == 1
    patent = Patent.objects.get()
    assert patent.inventors == ["王海", "李明"]
    assert patent.status == LegalStatus.VALID
    assert list(patent.events.values_list("kind", flat=True)) == ["grant", "pledge"]


def test_xml_with_entity_expansion_is_refused(manager):
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
        "<patents><patent><title>&b;</title></patent></patents>"
    )
    with pytest.raises(ValidationError, match="XML"):
        preview(SimpleUploadedFile("bomb.xml", bomb.encode()), manager)


def test_staff_upload_preview_and_import_through_the_admin(client, manager, django_capture_on_commit_callbacks):
    client.force_login(manager)
    response = client.post(
        reverse("register_admin:import"),
        {"record_kind": "patent", "source_kind": "cnipa", "file": csv_file([QUARTZ, BAD_CHECK_DIGIT])},
    )
    batch = ImportBatch.objects.get()
    assert response["Location"] == reverse("register_admin:batch", args=[batch.pk])
    page = client.get(response["Location"]).content.decode()
    assert "申请（专利权）人" in page and "校验位应为" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("register_admin:batch_start", args=[batch.pk]))
    page = client.get(reverse("register_admin:batch", args=[batch.pk])).content.decode()
    assert "新增 1 件" in page
    assert Patent.objects.count() == 1


def test_only_holders_of_the_import_permission_may_import(client):
    client.force_login(UserFactory(is_staff=True))
    response = client.get(reverse("register_admin:import"))
    assert response.status_code in (302, 403)
    assert response.status_code == 403 or response["Location"] == "/admin/"


def test_the_international_registration_date_and_the_day_a_cancellation_took_effect_are_imported(manager):
    header = [*TRADEMARK_HEADER, "国际注册日期", "商标状态日期"]
    cancelled = [*KANGYUAN[:9], "注销", *KANGYUAN[10:], "2013-04-02", "2016-05-20"]
    import_all(csv_file([cancelled], header=header), manager, "trademark", "trademark_office")
    mark = Trademark.objects.get()
    assert (mark.status, mark.status_since) == (Trademark.Status.CANCELLED, date(2016, 5, 20))
    assert (mark.madrid_number, mark.madrid_date) == ("G1123456", date(2013, 4, 2))


def test_an_uploaded_file_is_stored_under_a_generated_name_and_its_own_name_kept_as_data(manager):
    batch = preview(csv_file([QUARTZ], name="张三的专利清单.csv"), manager)
    stored = batch.file.name
    assert stored.startswith("register/imports/") and stored.endswith(".csv")
    assert "张三" not in stored
    assert batch.filename == "张三的专利清单.csv"
