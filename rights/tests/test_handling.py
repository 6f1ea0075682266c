from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from rights import cases
from rights.models import Action, Case, Outcome, Status
from tests.private_files import assert_kept_under_a_generated_name

from .factories import CaseFactory, HandlerFactory, pdf, photo

pytestmark = pytest.mark.django_db


def new_report(evidence=(), **fields):
    data = {"category": "trademark", "infringer": "海州区某烟酒商行", "description": "销售假冒白酒", **fields}
    case, _secret = cases.submit_report(data, evidence_files=evidence)
    return case


def act(client, case, action, **data):
    return client.post(
        reverse("rights:case_action", args=[case.pk, action]), {f"{action}-{k}": v for k, v in data.items()}
    )


def test_full_journey_is_logged_step_by_step_with_who_and_when(
    client, rights_admin, patent_handler, trademark_handler, unit
):
    case = new_report()
    client.force_login(rights_admin)
    assert (
        act(client, case, "assign", unit=unit("kejiju").pk, handler=patent_handler.rights_handler.pk).status_code == 302
    )

    client.force_login(patent_handler)
    response = act(client, case, "transfer", to_unit=unit("gongshangju").pk, note="属商标侵权，转工商局")
    assert response["Location"] == reverse("rights:queue")  # no longer theirs to see

    client.force_login(trademark_handler)
    act(client, case, "assign", unit=unit("gongshangju").pk, handler=trademark_handler.rights_handler.pk)
    act(client, case, "accept", public_message="已受理。", note="")
    act(client, case, "start", public_message="", note="已派员检查")
    act(client, case, "close", outcome=Outcome.PENALISED, summary="没收侵权白酒120瓶，罚款2万元。", note="")

    case.refresh_from_db()
    assert case.status == Status.CLOSED and case.outcome == Outcome.PENALISED and case.closed_at
    steps = list(case.steps.values_list("action", "from_status", "to_status", "actor"))
    assert steps == [
        (Action.SUBMIT, "", Status.RECEIVED, None),
        (Action.ASSIGN, Status.RECEIVED, Status.RECEIVED, rights_admin.pk),
        (Action.TRANSFER, Status.RECEIVED, Status.TRANSFERRED, patent_handler.pk),
        (Action.ASSIGN, Status.TRANSFERRED, Status.TRANSFERRED, trademark_handler.pk),
        (Action.ACCEPT, Status.TRANSFERRED, Status.ACCEPTED, trademark_handler.pk),
        (Action.START, Status.ACCEPTED, Status.IN_PROGRESS, trademark_handler.pk),
        (Action.CLOSE, Status.IN_PROGRESS, Status.CLOSED, trademark_handler.pk),
    ]
    transfer = case.steps.get(action=Action.TRANSFER)
    assert transfer.from_unit == unit("kejiju") and transfer.to_unit == unit("gongshangju")
    assert transfer.note == "属商标侵权，转工商局"
    assert "连云港工商局" in transfer.public_message
    detail = client.get(case.get_absolute_url()).content.decode()
    assert "属商标侵权，转工商局" in detail and "已派员检查" in detail


def test_transitions_outside_the_table_are_refused_and_change_nothing(client, trademark_handler, unit, rights_admin):
    case = cases.assign(new_report(), rights_admin, unit("gongshangju"), trademark_handler)
    client.force_login(trademark_handler)
    response = act(client, case, "close", outcome=Outcome.PENALISED, summary="结案")
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == Status.RECEIVED and case.steps.count() == 2
    with pytest.raises(cases.CaseError):
        cases.start(case, trademark_handler)


def test_decline_needs_a_reason_close_needs_an_outcome_transfer_needs_a_note(
    client, trademark_handler, unit, rights_admin
):
    case = cases.assign(new_report(), rights_admin, unit("gongshangju"), trademark_handler)
    client.force_login(trademark_handler)
    response = act(client, case, "decline", reason="", note="内部草稿")
    assert response.status_code == 400
    assert "内部草稿" in response.content.decode()  # what was typed is kept
    response = act(client, case, "transfer", to_unit=unit("kejiju").pk, note="")
    assert response.status_code == 400
    cases.accept(case, trademark_handler)
    response = act(client, case, "close", outcome="", summary="说明")
    assert response.status_code == 400
    case.refresh_from_db()
    assert case.status == Status.ACCEPTED


def test_handler_of_another_unit_cannot_read_or_touch_a_case(
    client, trademark_handler, patent_handler, unit, rights_admin
):
    case = cases.assign(new_report(evidence=[photo()]), rights_admin, unit("gongshangju"), trademark_handler)
    evidence = case.evidence.get()
    client.force_login(patent_handler)
    assert client.get(case.get_absolute_url()).status_code == 404
    assert client.get(reverse("rights:evidence", args=[case.pk, evidence.pk])).status_code == 404
    assert act(client, case, "accept", public_message="", note="").status_code == 404
    assert client.post(reverse("rights:note_add", args=[case.pk]), {"text": "x"}).status_code == 404
    assert case.tracking_number not in client.get(reverse("rights:queue")).content.decode()
    case.refresh_from_db()
    assert case.status == Status.RECEIVED and not case.notes.exists()


@pytest.mark.files
def test_evidence_is_served_to_the_assigned_unit_and_administrators_only(client, trademark_handler, rights_admin, unit):
    case = cases.assign(new_report(evidence=[photo()]), rights_admin, unit("gongshangju"), trademark_handler)
    evidence = case.evidence.get()
    url = reverse("rights:evidence", args=[case.pk, evidence.pk])
    for user in (trademark_handler, rights_admin):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/png"
        assert "sandbox" in response["Content-Security-Policy"]
        assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    client.logout()
    assert client.get(url).status_code == 302  # to the log-in
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_staff=True))  # staff, but no unit
    assert client.get(url).status_code == 403


def test_personal_data_is_visible_to_the_case_handlers_only(
    client, trademark_handler, patent_handler, unit, rights_admin
):
    case = new_report(contact_name="举报人李某", contact_phone="13912345678", contact_email="li@example.com")
    case = cases.assign(case, rights_admin, unit("gongshangju"), trademark_handler)
    client.force_login(trademark_handler)
    page = client.get(case.get_absolute_url()).content.decode()
    assert "13912345678" in page and "举报人李某" in page
    client.force_login(patent_handler)
    assert "13912345678" not in client.get(reverse("rights:queue")).content.decode()


def test_after_a_transfer_the_previous_unit_loses_access(client, trademark_handler, patent_handler, unit, rights_admin):
    case = cases.assign(new_report(), rights_admin, unit("kejiju"), patent_handler)
    cases.transfer(case, patent_handler, unit("gongshangju"), "转工商局")
    client.force_login(patent_handler)
    assert client.get(case.get_absolute_url()).status_code == 404
    client.force_login(trademark_handler)
    assert client.get(case.get_absolute_url()).status_code == 200


def test_handler_cannot_move_a_case_to_another_unit_by_assigning(client, trademark_handler, unit, rights_admin):
    case = cases.assign(new_report(), rights_admin, unit("gongshangju"), trademark_handler)
    client.force_login(trademark_handler)
    response = act(client, case, "assign", unit=unit("kejiju").pk, handler="")
    assert response.status_code == 400
    case.refresh_from_db()
    assert case.unit == unit("gongshangju")
    with pytest.raises(cases.CaseError):
        cases.assign(case, trademark_handler, unit("kejiju"))


def test_handler_must_belong_to_the_unit_assigned(rights_admin, patent_handler, unit):
    with pytest.raises(cases.CaseError):
        cases.assign(new_report(), rights_admin, unit("gongshangju"), patent_handler)


def test_unassigned_cases_are_for_administrators_only(client, trademark_handler, rights_admin):
    case = new_report()
    client.force_login(trademark_handler)
    assert client.get(case.get_absolute_url()).status_code == 404
    client.force_login(rights_admin)
    page = client.get(case.get_absolute_url()).content.decode()
    assert 'id="action-assign"' in page and 'id="action-accept"' not in page


def test_people_without_a_unit_are_refused_the_handling_pages(client):
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    assert client.get(reverse("rights:queue")).status_code == 403
    assert client.get(reverse("rights:register")).status_code == 403
    inactive = HandlerFactory(is_active=False).user
    client.force_login(inactive)
    assert client.get(reverse("rights:queue")).status_code == 403


def test_internal_notes_stay_internal(client, trademark_handler, rights_admin, unit):
    case = cases.assign(new_report(), rights_admin, unit("gongshangju"), trademark_handler)
    client.force_login(trademark_handler)
    response = client.post(reverse("rights:note_add", args=[case.pk]), {"text": "疑似团伙作案，联系公安"})
    assert response.status_code == 302
    note = case.notes.get()
    assert note.author == trademark_handler and note.author_unit == unit("gongshangju")
    assert "疑似团伙作案" in client.get(case.get_absolute_url()).content.decode()
    assert client.post(reverse("rights:note_add", args=[case.pk]), {"text": " "}).status_code == 400


def test_cases_without_a_step_for_too_long_are_flagged(client, rights_admin, settings):
    settings.RIGHTS_STALE_AFTER_DAYS = 5
    old = new_report(infringer="久拖未办商行")
    Case.objects.filter(pk=old.pk).update(last_step_at=timezone.now() - timedelta(days=6))
    fresh = new_report(infringer="刚提交商行")
    closed = CaseFactory(
        infringer="早已办结商行",
        status=Status.CLOSED,
        outcome=Outcome.PENALISED,
        last_step_at=timezone.now() - timedelta(days=60),
    )
    assert list(Case.objects.stale()) == [Case.objects.get(pk=old.pk)]
    client.force_login(rights_admin)
    page = client.get(reverse("rights:queue")).content.decode()
    assert 'id="stale-alert"' in page
    stale_only = client.get(reverse("rights:queue"), {"stale": "on", "status": "all"}).content.decode()
    assert "久拖未办商行" in stale_only and "刚提交商行" not in stale_only and "早已办结商行" not in stale_only
    # A step clears the flag.
    cases.send_message(Case.objects.get(pk=old.pk), rights_admin, "正在核查。")
    assert not Case.objects.stale().exists()
    assert fresh and closed


def test_queue_filters_by_category_status_district_and_age(client, rights_admin, unit):
    from reference.models import District

    haizhou, ganyu = District.objects.get(code="haizhou"), District.objects.get(code="ganyu")
    new_report(infringer="海州商标案", district=haizhou)
    new_report(infringer="赣榆版权案", category="copyright", district=ganyu)
    aged = new_report(infringer="陈年专利案", category="patent")
    Case.objects.filter(pk=aged.pk).update(created_at=timezone.now() - timedelta(days=20))
    CaseFactory(infringer="已结商标案", status=Status.CLOSED, outcome=Outcome.PENALISED)
    client.force_login(rights_admin)

    def names(**query):
        page = client.get(reverse("rights:queue"), query).content.decode()
        return {n for n in ("海州商标案", "赣榆版权案", "陈年专利案", "已结商标案") if n in page}

    assert names() == {"海州商标案", "赣榆版权案", "陈年专利案"}
    assert names(category="copyright") == {"赣榆版权案"}
    assert names(district=haizhou.pk) == {"海州商标案"}
    assert names(min_age="15") == {"陈年专利案"}
    assert names(status="closed") == {"已结商标案"}
    assert names(status="all", category="trademark") == {"海州商标案", "已结商标案"}
    assert names(q="赣榆") == {"赣榆版权案"}


def test_queue_needs_a_bounded_number_of_queries(
    client, rights_admin, trademark_handler, unit, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def assigned_report(i):
        cases.assign(new_report(infringer=f"商行{i}"), rights_admin, unit("gongshangju"), trademark_handler)

    assigned_report(0)
    client.force_login(trademark_handler)
    client.get(reverse("rights:queue"))  # the site frame creates its settings rows on the first page
    with CaptureQueriesContext(connection) as one_case:
        client.get(reverse("rights:queue"))
    for i in range(1, 30):
        assigned_report(i)
    # Thirty cases cost no more queries than one.
    with django_assert_max_num_queries(len(one_case)):
        response = client.get(reverse("rights:queue"))
    assert response.content.decode().count("data-tracking=") == 25


def test_infringement_register_lists_established_cases_across_units_without_personal_data(
    client, trademark_handler, patent_handler, rights_admin, unit
):
    established = new_report(infringer="假冒汤沟酒商行", ip_right="“汤沟”商标", contact_phone="13900001111")
    cases.assign(established, rights_admin, unit("gongshangju"), trademark_handler)
    cases.accept(established, trademark_handler)
    cases.close(established, trademark_handler, Outcome.PENALISED, "罚款")
    cleared = new_report(infringer="清白商行")
    cases.assign(cleared, rights_admin, unit("gongshangju"), trademark_handler)
    cases.accept(cleared, trademark_handler)
    cases.close(cleared, trademark_handler, Outcome.NOT_INFRINGING, "不构成侵权")

    client.force_login(patent_handler)  # another unit: may search the register, not open the case
    page = client.get(reverse("rights:register"), {"q": "汤沟"}).content.decode()
    assert "假冒汤沟酒商行" in page and "认定侵权，已行政处罚" in page
    assert "清白商行" not in page
    assert "13900001111" not in page
    assert established.get_absolute_url() not in page
    client.force_login(trademark_handler)
    assert established.get_absolute_url() in client.get(reverse("rights:register")).content.decode()
    assert "假冒汤沟酒商行" not in client.get(reverse("rights:register"), {"category": "patent"}).content.decode()


def test_wagtail_menu_links_the_queue_for_rights_staff_only(client, trademark_handler):
    from django.contrib.auth.models import Group

    from rights.roles import RIGHTS_HANDLER_GROUP

    trademark_handler.groups.add(Group.objects.get(name=RIGHTS_HANDLER_GROUP))
    client.force_login(trademark_handler)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert reverse("rights:queue") in response.content.decode()


@pytest.mark.files
def test_evidence_is_downloaded_under_the_name_the_submitter_gave_it(client, trademark_handler, rights_admin, unit):
    case = cases.assign(
        new_report(evidence=[pdf("店内照片-李四.pdf")]), rights_admin, unit("gongshangju"), trademark_handler
    )
    evidence = case.evidence.get()
    client.force_login(trademark_handler)
    url = reverse("rights:evidence", args=[case.pk, evidence.pk])
    response = assert_kept_under_a_generated_name(client, evidence.file, "店内照片-李四.pdf", url)
    assert response["Content-Type"] == "application/pdf"


def test_evidence_that_is_not_what_its_name_says_is_refused_by_the_domain_and_no_case_is_made():
    """The domain checks the bytes, whoever calls it: a form is not the only way in."""
    disguised = SimpleUploadedFile("照片.png", b"MZ\x90\x00 not an image")
    with pytest.raises(cases.CaseError, match=r"照片\.png"):
        new_report(evidence=[disguised])
    assert not Case.objects.exists()
