"""Copyright filing: filing, correction, approval with its number, the certificate, verification, who sees
what, bad uploads, and the figures the targets count."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from copyrights import filings, statistics
from copyrights.models import Filing, FilingEvent, Kind, RegistrationSequence, Status, Step, WorkType
from copyrights.numbers import next_number
from reference.models import District
from search import service
from search.query import SearchQuery

from .factories import (
    PDF,
    applicant,
    contract,
    examiner,
    file_work,
    pdf,
    person,
    png,
    registered_work,
    work_details,
)

pytestmark = pytest.mark.django_db

NUMBER = re.compile(r"^苏作登字-\d{4}-F-\d{8}$")


def test_a_work_sent_back_for_correction_keeps_what_was_written_and_is_approved_with_a_number():
    user, by = applicant(), examiner()
    filing = file_work(user)
    filings.take_into_examination(filing, by)
    filings.request_correction(filing, by, "请补充侧面照片。")
    filing.refresh_from_db()
    assert filing.status == Status.CORRECTION
    assert filing.correction_reason == "请补充侧面照片。"
    original_file = filing.file.name

    filings.resubmit(
        filing, user, district=filing.district, details=work_details(description="补充了创作过程。"), uploaded=None
    )
    filing.refresh_from_db()
    assert filing.status == Status.SUBMITTED
    assert filing.title == "水晶雕刻《海上云台》"
    assert filing.description == "补充了创作过程。"
    assert filing.file.name == original_file
    assert filing.correction_reason == ""

    filings.take_into_examination(filing, by)
    filing = filings.approve(filing, by)
    assert NUMBER.match(filing.number)
    assert filing.number.endswith("-00000001")
    assert filing.registered_on == timezone.localdate()
    actions = list(filing.events.values_list("action", flat=True))
    assert actions == ["submitted", "examining", "correction", "resubmitted", "examining", "approved"]


def test_approving_twice_registers_once_with_one_number():
    user, by = applicant(), examiner()
    filing = file_work(user)
    filings.take_into_examination(filing, by)
    first = filings.approve(filing, by)

    with pytest.raises(filings.CopyrightError) as repeat:
        filings.approve(filing, by)

    assert repeat.value.already
    filing.refresh_from_db()
    assert filing.number == first.number
    assert FilingEvent.objects.filter(filing=filing, action=Step.APPROVED).count() == 1
    assert RegistrationSequence.objects.get().last_serial == 1


def test_numbers_run_per_series_and_year():
    user, by = applicant(), examiner()
    art = [registered_work(user, by) for _ in range(2)]
    text = registered_work(user, by, work_type=WorkType.TEXT, title="东海水晶志")
    year = timezone.localdate().year
    assert [f.number for f in art] == [f"苏作登字-{year}-F-00000001", f"苏作登字-{year}-F-00000002"]
    assert text.number == f"苏作登字-{year}-A-00000001"
    assert next_number(Filing(kind=Kind.LICENCE), 2030) == "苏作合字-2030-L-00000001"


def test_only_the_applicant_side_may_resubmit_and_only_after_a_correction_request():
    user, by = applicant(), examiner()
    filing = file_work(user)
    with pytest.raises(filings.CopyrightError):
        filings.resubmit(filing, user, district=filing.district, details=work_details())
    filings.request_correction(filing, by, "请补正。")
    with pytest.raises(filings.CopyrightError):
        filings.resubmit(filing, applicant(), district=filing.district, details=work_details())
    assert Filing.objects.get(pk=filing.pk).status == Status.CORRECTION


def test_an_examiner_of_another_unit_cannot_examine_and_a_correction_needs_a_reason():
    filing = file_work(applicant())
    with pytest.raises(filings.CopyrightError):
        filings.take_into_examination(filing, examiner("gongshangju"))
    with pytest.raises(filings.CopyrightError):
        filings.request_correction(filing, examiner(), "  ")
    assert Filing.objects.get(pk=filing.pk).status == Status.SUBMITTED


def test_a_person_files_for_themselves_and_cannot_file_for_an_organisation_not_theirs():
    someone = person()
    filing = file_work(someone)
    assert filing.organisation is None and filing.district.code == "donghai"
    other = applicant()
    with pytest.raises(filings.CopyrightError):
        filings.file_work(
            someone,
            district=filing.district,
            details=work_details(),
            uploaded=png(),
            declaration=True,
            organisation=other.organisation,
        )


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"completed_on": date(2999, 1, 1)}, "创作完成日期不能晚于今天"),
        ({"published_on": date(2024, 1, 1)}, "首次发表日期须在创作完成之后"),
        ({"published_place": ""}, "首次发表日期和地点"),
        ({"owners": ""}, "作者和著作权人"),
    ],
)
def test_a_work_with_inconsistent_dates_or_missing_facts_is_refused(fields, message):
    with pytest.raises(filings.CopyrightError, match=message):
        file_work(applicant(), **fields)
    assert not Filing.objects.exists()


def test_a_licence_contract_of_a_registered_work_keeps_its_price_as_decimal_and_gets_its_own_series():
    user, by = applicant(), examiner()
    work = registered_work(user, by)
    filing = filings.file_contract(
        user,
        district=work.district,
        contract=contract(work=work, price="80000.5"),
        uploaded=pdf(),
        declaration=True,
        organisation=user.organisation,
    )
    assert filing.price == Decimal("80000.50")
    assert filing.work_title == work.title and filing.work_type == work.work_type
    filings.take_into_examination(filing, by)
    filing = filings.approve(filing, by)
    assert filing.number == f"苏作合字-{timezone.localdate().year}-L-00000001"


def test_a_contract_term_ending_before_it_starts_or_a_negative_price_is_refused():
    user = applicant()
    for bad in (contract(term_end=date(2020, 1, 1)), contract(price="-1")):
        with pytest.raises(filings.CopyrightError):
            filings.file_contract(
                user,
                district=user.organisation.district,
                contract=bad,
                uploaded=pdf(),
                declaration=True,
                work_details=work_details(),
                organisation=user.organisation,
            )
    assert not Filing.objects.exists()


# --- uploads -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "uploaded",
    [
        SimpleUploadedFile("sample.png", b"MZ\x90\x00" + b"\x00" * 200, content_type="image/png"),
        SimpleUploadedFile("sample.pdf", b"just some text pretending", content_type="application/pdf"),
        SimpleUploadedFile("sample.exe", PDF, content_type="application/pdf"),
        SimpleUploadedFile("sample.pdf", b"%PDF-1.4\n" + b"0" * (21 * 1024 * 1024), content_type="application/pdf"),
    ],
    ids=["program-named-png", "text-named-pdf", "wrong-extension", "too-large"],
)
def test_a_bad_sample_is_refused_by_the_form_and_nothing_is_filed(client, uploaded):
    user = applicant()
    client.force_login(user)
    response = client.post(
        reverse("copyrights:new_work"),
        {
            "on_behalf": "organisation",
            "district": user.organisation.district_id,
            "title": "水晶雕刻",
            "work_type": "fine_art",
            "authors": "王立新",
            "owners": "某公司",
            "completed_on": "2025-01-01",
            "declaration": "on",
            "file": uploaded,
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not Filing.objects.exists()


def test_the_domain_refuses_a_bad_file_whatever_form_sent_it():
    with pytest.raises(filings.CopyrightError):
        file_work(applicant(), uploaded=SimpleUploadedFile("x.png", b"not an image", content_type="image/png"))
    assert not Filing.objects.exists()


def test_an_image_sample_gets_a_reduced_reencoded_preview_shown_only_once_approved(client):
    user, by = applicant(), examiner()
    filing = file_work(user, uploaded=png(size=(2000, 1500)))
    assert filing.preview
    with filing.preview.open("rb") as handle, Image.open(handle) as preview:
        assert preview.format == "JPEG" and max(preview.size) <= 640
    url = reverse("copyrights:preview", args=[filing.pk])
    assert client.get(url).status_code == 404
    filings.take_into_examination(filing, by)
    filings.approve(filing, by)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:3] == b"\xff\xd8\xff"


# --- who sees what ---------------------------------------------------------------------------------------


def test_another_applicant_sees_neither_the_filing_nor_its_sample_nor_its_certificate(client):
    user, by = applicant(), examiner()
    filing = registered_work(user, by)
    pending = file_work(user, title="未登记的作品")
    client.force_login(applicant())
    for record in (filing, pending):
        for name in ("filing", "file", "certificate", "correct"):
            assert client.get(reverse(f"copyrights:{name}", args=[record.pk])).status_code == 404
    assert client.get(reverse("copyrights:mine")).context["filings"].count() == 0
    # The pending work is nowhere public either.
    assert client.get(reverse("copyrights:work", args=[pending.pk])).status_code == 404
    assert client.get(reverse("copyrights:preview", args=[pending.pk])).status_code == 404


def test_the_applicant_and_their_colleagues_read_the_filing_and_download_the_sample_and_certificate(client):
    user, by = applicant(), examiner()
    filing = registered_work(user, by)
    colleague = applicant()
    colleague.membership.organisation = user.organisation
    colleague.membership.save()
    for reader in (user, colleague):
        client.force_login(reader)
        assert client.get(reverse("copyrights:filing", args=[filing.pk])).status_code == 200
        sample = client.get(reverse("copyrights:file", args=[filing.pk]))
        assert sample.status_code == 200 and sample["Cache-Control"] == "private, no-store"
        certificate = client.get(reverse("copyrights:certificate", args=[filing.pk]))
        assert certificate.status_code == 200
        assert certificate.content.startswith(b"%PDF")


def test_an_examiner_reads_only_the_filings_of_their_unit(client):
    filing = file_work(applicant())
    client.force_login(examiner("gongshangju"))
    assert client.get(reverse("copyrights:filing", args=[filing.pk])).status_code == 404
    assert client.post(reverse("copyrights:examine", args=[filing.pk]), {"action": "examining"}).status_code == 404
    client.force_login(examiner())
    assert client.get(reverse("copyrights:filing", args=[filing.pk])).status_code == 200
    client.post(reverse("copyrights:examine", args=[filing.pk]), {"action": "examining"})
    assert Filing.objects.get(pk=filing.pk).status == Status.EXAMINING


def examiner_buttons(page):
    """(action, label, warns) of each examiner button on a filing's page."""
    return [
        (action, label, "outline-danger" in classes)
        for classes, action, label in re.findall(
            r'<button class="([^"]*)" type="submit" name="action" value="([^"]*)">([^<]*)</button>', page
        )
    ]


def test_the_examiner_is_offered_the_steps_open_now_and_the_setbacks_warn(client):
    filing = file_work(applicant())
    client.force_login(examiner())
    url = reverse("copyrights:filing", args=[filing.pk])
    assert examiner_buttons(client.get(url).content.decode()) == [
        ("examining", "受理审查", False),
        ("correction", "要求补正", True),
        ("refused", "不予登记", True),
    ]
    client.post(reverse("copyrights:examine", args=[filing.pk]), {"action": "examining"})
    assert examiner_buttons(client.get(url).content.decode()) == [
        ("correction", "要求补正", True),
        ("approved", "准予登记", False),
        ("refused", "不予登记", True),
    ]


def test_the_applicant_cannot_examine_their_own_filing(client):
    user = applicant()
    filing = file_work(user)
    client.force_login(user)
    assert client.post(reverse("copyrights:examine", args=[filing.pk]), {"action": "examining"}).status_code == 403
    assert Filing.objects.get(pk=filing.pk).status == Status.SUBMITTED


# --- public --------------------------------------------------------------------------------------------


def test_the_verification_page_confirms_a_number_with_public_facts_only(client):
    user, by = applicant(), examiner()
    filing = registered_work(user, by)
    typed = filing.number.replace("-", "－", 1).lower()
    page = client.get(reverse("copyrights:verify"), {"number": typed}).content.decode()
    assert "该登记号真实有效" in page
    assert filing.title in page and filing.owners in page and "美术作品" in page
    assert user.email not in page and filing.original_name not in page
    missing = client.get(reverse("copyrights:verify"), {"number": "苏作登字-2020-F-00009999"}).content.decode()
    assert "未查到该登记号" in missing


def test_a_contract_number_is_verified_without_its_parties_or_price(client):
    user, by = applicant(), examiner()
    filing = filings.file_contract(
        user,
        district=user.organisation.district,
        contract=contract(assignee="保密的被许可方", price="123456"),
        uploaded=pdf(),
        declaration=True,
        work_details=work_details(title="未在本平台登记的作品"),
        organisation=user.organisation,
    )
    filings.take_into_examination(filing, by)
    filing = filings.approve(filing, by)
    page = client.get(reverse("copyrights:verify"), {"number": filing.number}).content.decode()
    assert "该登记号真实有效" in page and "未在本平台登记的作品" in page
    assert "保密的被许可方" not in page and "123456" not in page


def test_a_registered_work_is_found_in_search_and_its_list_and_a_pending_one_is_not(
    client, django_capture_on_commit_callbacks
):
    user, by = applicant(), examiner()
    with django_capture_on_commit_callbacks(execute=True):
        work = registered_work(user, by, title="水晶内雕《花果山水帘洞》")
        file_work(user, title="水晶内雕《未审查》")
    results = service.search(SearchQuery(text="花果山水帘洞", scope=["copyright_work"]))
    assert [hit.doc.id for hit in results.hits] == [str(work.pk)]
    listing = client.get(reverse("copyrights:works"), {"q": "水晶内雕"})
    assert [item.pk for item in listing.context["page"].object_list] == [work.pk]
    by_number = client.get(reverse("copyrights:works"), {"q": work.number})
    assert [item.pk for item in by_number.context["page"].object_list] == [work.pk]
    assert work.number in client.get(reverse("copyrights:feed")).content.decode()
    assert reverse("copyrights:work", args=[work.pk]) in client.get("/sitemap.xml").content.decode()


# --- figures -------------------------------------------------------------------------------------------


def test_registered_works_and_contracts_are_counted_by_year_and_district():
    donghai, haizhou = District.objects.get(code="donghai"), District.objects.get(code="haizhou")
    crystal, other, by = applicant(district=donghai), applicant(district=haizhou), examiner()
    registered_work(crystal, by)
    registered_work(crystal, by)
    registered_work(other, by)
    file_work(other)  # not registered: not counted
    works = statistics.registered_works()
    assert works.count() == 3
    assert works.count(district=donghai) == 2
    year = timezone.localdate().year
    assert works.count(since=date(year, 1, 1)) == 3
    [(table_year, lines, total_works, total_contracts)] = statistics.by_year_and_district()
    assert table_year == year and total_works == 3 and total_contracts == 0
    assert {(district.code, w, c) for district, w, c in lines} == {("haizhou", 1, 0), ("donghai", 2, 0)}


def test_the_targets_count_registered_works_live_without_a_target():
    from targets.live import get_rule
    from targets.models import Indicator

    indicator = Indicator.objects.get(code="copyright-works-registered")
    assert indicator.target_value is None and indicator.live_rule == "copyright-works-registered"
    registered_work(applicant(), examiner())
    assert get_rule(indicator.live_rule).value() == 1
