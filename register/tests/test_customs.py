"""Customs recordal: the customs list is checked whole (a bad row changes nothing), applied once; an
enterprise sees which of its rights are recorded, with the checklist for the rest; counts by district."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from accounts.roles import REGISTER_MANAGERS
from register import customs
from register.models import CustomsImport, CustomsRecordal, PatentParty
from register.statistics import customs_recordals, customs_recordals_by_district
from register.tests.factories import make_patent, make_trademark
from tests.factories import MembershipFactory, OrganisationFactory, staff_in

pytestmark = pytest.mark.django_db

HEADER = "备案号,知识产权类型,专利号/注册号,权利人,核准日期,有效期至"


def customs_list(*rows, name="customs.csv"):
    return SimpleUploadedFile(name, ("\r\n".join([HEADER, *rows]) + "\r\n").encode())


@pytest.fixture
def manager():
    return staff_in(REGISTER_MANAGERS)


@pytest.fixture
def rights():
    patent = make_patent(date(2012, 3, 1), grant_date=date(2014, 6, 1))
    mark = make_trademark(date(2019, 5, 7))
    return patent, mark


def test_a_list_with_one_bad_row_is_refused_whole_and_changes_nothing(manager, rights):
    patent, mark = rights
    batch = customs.preview_list(
        customs_list(
            f"P2016-00001,专利,ZL{patent.application_number},连云港港城新材料有限公司,2016-01-05,2026-01-04",
            "T2016-00002,商标,99999999,某公司,2016-01-05,2026-01-04",
            f"T2016-00003,商标,{mark.registration_number},连云港花果山食品有限公司,2016-02-01,2015-01-01",
        ),
        manager,
    )

    assert batch.status == CustomsImport.Status.REFUSED
    assert not batch.may_apply
    assert [r["row"] for r in batch.rejections] == [3, 4]
    assert "登记簿中没有商标“99999999”" in batch.rejections[0]["messages"][0]
    assert "备案有效期不能早于核准日期" in batch.rejections[1]["messages"][0]
    assert customs.apply_list(batch, manager) is False
    assert CustomsRecordal.objects.count() == 0


def test_a_clean_list_is_applied_once_and_again_changes_nothing(client, manager, rights):
    patent, mark = rights
    rows = (
        f"P2016-00001,发明专利,{patent.application_number},连云港港城新材料有限公司,2016-01-05,2026-01-04",
        f"T2016-00002,商标,第{mark.registration_number}号,连云港花果山食品有限公司,2016/02/01,2026/01/31",
    )
    batch = customs.preview_list(customs_list(*rows), manager)
    assert batch.status == CustomsImport.Status.PREVIEW
    assert CustomsRecordal.objects.count() == 0  # a preview writes nothing

    assert customs.apply_list(batch, manager) is True
    assert customs.apply_list(batch, manager) is False
    assert (batch.created_count, batch.updated_count) == (2, 0)
    recordal = patent.__class__.objects.get(pk=patent.pk).customs_recordal
    assert (recordal.number, recordal.valid_until, recordal.source) == ("P2016-00001", date(2026, 1, 4), "import")
    assert recordal.entered_by == manager
    # The record's page says so; this recordal has run out since (it was valid until 4 January 2026).
    page = client.get(patent.get_absolute_url()).content.decode()
    assert "备案 P2016-00001 已于 2026-01-04 到期" in page

    again = customs.preview_list(customs_list(*rows), manager)
    customs.apply_list(again, manager)
    assert (again.created_count, again.updated_count) == (0, 0)
    assert CustomsRecordal.objects.count() == 2


def test_staff_enter_a_recordal_and_a_recordal_number_belongs_to_one_right(manager, rights):
    patent, mark = rights
    customs.record(
        manager,
        kind="trademark",
        right_number=mark.registration_number,
        number="T2017-1",
        holder_name=mark.registrant_name,
        recorded_on=date(2017, 3, 1),
        valid_until=date(2027, 2, 28),
    )
    with pytest.raises(customs.CustomsError, match="已登记在另一项权利上"):
        customs.record(
            manager,
            kind="patent",
            right_number=patent.application_number,
            number="T2017-1",
            holder_name="某人",
            recorded_on=date(2017, 3, 1),
            valid_until=date(2027, 2, 28),
        )
    with pytest.raises(customs.CustomsError, match="不超过十年"):
        customs.record(
            manager,
            kind="patent",
            right_number=patent.application_number,
            number="P2017-2",
            holder_name="某人",
            recorded_on=date(2017, 3, 1),
            valid_until=date(2028, 3, 1),
        )
    assert CustomsRecordal.objects.get().trademark == mark


def test_an_enterprise_sees_which_rights_are_recorded_and_how_to_record_the_rest(client, manager, rights):
    patent, mark = rights
    owner = MembershipFactory().user
    enterprise = owner.organisation
    PatentParty.objects.filter(patent=patent).update(organisation=enterprise, match_confirmed=True)
    mark.organisation, mark.match_confirmed = enterprise, True
    mark.save()
    today = timezone.localdate()
    customs.record(
        manager,
        kind="trademark",
        right_number=mark.registration_number,
        number="T-OK",
        holder_name=mark.registrant_name,
        recorded_on=today - timedelta(days=30),
        valid_until=today + timedelta(days=300),
    )

    statuses = {s.kind: s for s in customs.status_of_enterprise(enterprise)}
    assert statuses["trademark"].recorded and not statuses["trademark"].checklist
    assert not statuses["patent"].recorded
    codes = [item.code for item in statuses["patent"].checklist]
    assert codes[:4] == ["right", "certificate", "holder", "licensees"]
    assert statuses["patent"].checklist[0].done is True

    client.force_login(owner)
    page = client.get(reverse("register:customs_mine")).content.decode()
    assert "T-OK" in page and patent.application_number in page and "被许可人" in page

    stranger = MembershipFactory(organisation=OrganisationFactory()).user
    client.force_login(stranger)
    assert "T-OK" not in client.get(reverse("register:customs_mine")).content.decode()


def test_recordals_are_counted_by_district_while_valid(manager, rights):
    patent, mark = rights
    outside = make_trademark(date(2013, 5, 7), district=None)
    for right, kind, number in ((patent, "patent", patent.application_number), (mark, "trademark", None)):
        customs.record(
            manager,
            kind=kind,
            right_number=number or right.registration_number,
            number=f"N-{right.pk}-{kind}",
            holder_name="权利人",
            recorded_on=date(2016, 1, 1),
            valid_until=date(2025, 12, 31),
        )
    customs.record(
        manager,
        kind="trademark",
        right_number=outside.registration_number,
        number="N-outside",
        holder_name="外地",
        recorded_on=date(2016, 1, 1),
        valid_until=date(2025, 12, 31),
    )

    assert customs_recordals(on=date(2020, 1, 1)).value == 2
    assert customs_recordals(on=date(2015, 12, 31)).value == 0
    assert customs_recordals(on=date(2026, 1, 1)).value == 0
    rows, total = customs_recordals_by_district(on=date(2020, 1, 1))
    haizhou = next(row for row in rows if row[0].code == "haizhou")
    assert haizhou[1:] == (1, 1) and total == (1, 1)


def test_a_customs_list_is_stored_under_a_generated_name_and_its_own_name_kept_as_data(manager, rights):
    patent, _mark = rights
    batch = customs.preview_list(
        customs_list(
            f"P2016-00001,专利,ZL{patent.application_number},连云港港城新材料有限公司,2016-01-05,2026-01-04",
            name="李四 海关名单.csv",
        ),
        manager,
    )
    assert batch.file.name.startswith("register/customs/") and batch.file.name.endswith(".csv")
    assert "李四" not in batch.file.name
    assert batch.filename == "李四 海关名单.csv"
