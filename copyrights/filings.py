"""What people do with copyright filings, one function per action; views, the demo and tests call these.

An applicant files a work or a contract (checked here, whatever form sent it), and, when the examiner asks
for a correction, edits the same filing and sends it again: what they wrote stays on the filing, and a
file is replaced only when they upload a new one. The unit's examiner takes the filing into examination,
asks for a correction with a reason, approves it (the registration number is taken in the same
transaction) or refuses it with a reason. Every step goes through `FILING_WORKFLOW` and tells the applicant.
"""

import hashlib
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from io import BytesIO

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image

from core.uploads import check_upload
from reference.models import ResponsibleUnit

from .access import may_read_as_applicant
from .models import CONTRACT_KINDS, FILING_WORKFLOW, UNIT_CODE, Filing, FilingEvent, Kind, Status, Step, WorkType
from .numbers import next_number

SAMPLE_KINDS = ("pdf", "image")
SAMPLE_MAX_BYTES = 20 * 1024 * 1024
CONTRACT_FILE_KINDS = ("pdf", "image")
CONTRACT_MAX_BYTES = 10 * 1024 * 1024
PREVIEW_SIZE = (640, 640)


class CopyrightError(Exception):
    """An action was refused; the message is shown to the person who tried. `already` marks a repeat."""

    def __init__(self, message, *, already=False):
        super().__init__(message)
        self.message = str(message)
        self.already = already


def _refuse(refusal):
    return CopyrightError(refusal.message, already=refusal.already_done)


@dataclass
class WorkDetails:
    """What the applicant says about a work (a registration, or the work a contract concerns)."""

    title: str
    work_type: str
    authors: str = ""
    owners: str = ""
    completed_on: object = None
    published: bool = False
    published_on: object = None
    published_place: str = ""
    description: str = ""


@dataclass
class ContractDetails:
    """What the applicant says about a transfer or licence contract."""

    kind: str
    assignor: str
    assignee: str
    rights: str
    territory: str = ""
    term_start: object = None
    term_end: object = None
    price: object = None
    work: Filing | None = None


def responsible_unit():
    return ResponsibleUnit.objects.get(code=UNIT_CODE)


# --- checking what was filed -------------------------------------------------------------------------


def _text(value):
    return (value or "").strip()


def _checked_work(details, *, registration):
    """The work's fields to store; a registration needs its authors, owners and creation date."""
    today = timezone.localdate()
    title = _text(details.title)
    if not title:
        raise CopyrightError(_("请填写作品名称。"))
    if details.work_type not in WorkType.values:
        raise CopyrightError(_("请选择作品类别。"))
    fields = {
        "title": title,
        "work_type": details.work_type,
        "authors": _text(details.authors),
        "owners": _text(details.owners),
        "completed_on": details.completed_on,
        "published": bool(details.published),
        "published_on": details.published_on if details.published else None,
        "published_place": _text(details.published_place) if details.published else "",
        "description": _text(details.description),
    }
    if not registration:
        return fields
    if not (fields["authors"] and fields["owners"]):
        raise CopyrightError(_("请填写作者和著作权人。"))
    completed = fields["completed_on"]
    if completed is None:
        raise CopyrightError(_("请填写创作完成日期。"))
    if completed > today:
        raise CopyrightError(_("创作完成日期不能晚于今天。"))
    if fields["published"]:
        published_on = fields["published_on"]
        if published_on is None or not fields["published_place"]:
            raise CopyrightError(_("已发表的作品请填写首次发表日期和地点。"))
        if published_on > today or published_on < completed:
            raise CopyrightError(_("首次发表日期须在创作完成之后，且不晚于今天。"))
    return fields


def _checked_contract(details):
    if details.kind not in CONTRACT_KINDS:
        raise CopyrightError(_("请选择转让合同或许可合同。"))
    fields = {
        "kind": details.kind,
        "assignor": _text(details.assignor),
        "assignee": _text(details.assignee),
        "rights": _text(details.rights),
        "territory": _text(details.territory),
        "term_start": details.term_start,
        "term_end": details.term_end,
        "work": details.work,
    }
    if not (fields["assignor"] and fields["assignee"] and fields["rights"]):
        raise CopyrightError(_("请填写合同双方和转让（许可）的权利。"))
    if details.work is not None and not details.work.is_public:
        raise CopyrightError(_("所选作品尚未登记。"))
    if fields["term_start"] and fields["term_end"] and fields["term_end"] < fields["term_start"]:
        raise CopyrightError(_("期限截止日不能早于起始日。"))
    if details.price in (None, ""):
        raise CopyrightError(_("请填写合同价款（无偿的填 0）。"))
    try:
        price = Decimal(str(details.price)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError) as error:
        raise CopyrightError(_("价款须为金额数字。")) from error
    if price < 0:
        raise CopyrightError(_("价款不能为负数。"))
    fields["price"] = price
    return fields


def _checked_applicant(user, organisation):
    if organisation is not None and not organisation.is_member(user):
        raise CopyrightError(_("只能代表本人所在的单位申请。"))


def _checked_file(uploaded, kinds, max_bytes):
    """The sniffed MIME type of an upload whose name, content and size are allowed."""
    return check_upload(uploaded, kinds, max_bytes, refuse=CopyrightError)


def _store_file(filing, uploaded, content_type):
    """Keep the file privately under a name made from its fingerprint, and (for an image) a re-encoded,
    reduced copy without its metadata: the only part of a sample ever shown publicly."""
    digest = hashlib.sha256()
    for chunk in uploaded.chunks():
        digest.update(chunk)
    uploaded.seek(0)
    filing.sha256 = digest.hexdigest()
    filing.keep(uploaded, content_type)
    if filing.preview:
        filing.preview.delete(save=False)
    if filing.is_work and content_type.startswith("image/"):
        uploaded.seek(0)
        with Image.open(uploaded) as image:
            copy = image.convert("RGB")
            copy.thumbnail(PREVIEW_SIZE)
            buffer = BytesIO()
            copy.save(buffer, format="JPEG", quality=80)
        filing.preview.save("preview.jpg", ContentFile(buffer.getvalue()), save=False)


def _first_event(filing, user):
    FilingEvent.objects.create(
        filing=filing,
        from_status="",
        to_status=Status.SUBMITTED,
        action=Step.SUBMITTED,
        actor=user,
        created_at=filing.submitted_at,
    )


# --- the applicant's steps ---------------------------------------------------------------------------


def file_work(user, *, district, details, uploaded, declaration, organisation=None):
    """A work registration (作品登记), submitted to the unit with its sample."""
    _checked_applicant(user, organisation)
    fields = _checked_work(details, registration=True)
    if not declaration:
        raise CopyrightError(_("请先勾选申请声明。"))
    if uploaded is None:
        raise CopyrightError(_("请上传作品样本。"))
    content_type = _checked_file(uploaded, SAMPLE_KINDS, SAMPLE_MAX_BYTES)
    with transaction.atomic():
        filing = Filing(
            kind=Kind.WORK,
            unit=responsible_unit(),
            applicant=user,
            organisation=organisation,
            district=district,
            declaration=True,
            submitted_at=timezone.now(),
            **fields,
        )
        _store_file(filing, uploaded, content_type)
        filing.save()
        _first_event(filing, user)
    return filing


def _contract_work_fields(contract, work_details):
    """The work a contract concerns: copied from the registered work, or as the applicant describes it."""
    if contract.work is not None:
        work = contract.work
        return {"title": work.title, "work_type": work.work_type, "owners": work.owners, "authors": work.authors}
    if work_details is None:
        raise CopyrightError(_("请选择已登记的作品，或填写作品名称和类别。"))
    return _checked_work(work_details, registration=False)


def file_contract(user, *, district, contract, uploaded, declaration, work_details=None, organisation=None):
    """A transfer or licence contract filing (转让合同备案 / 许可合同备案), with the contract file."""
    _checked_applicant(user, organisation)
    contract_fields = _checked_contract(contract)
    work_fields = _contract_work_fields(contract, work_details)
    if not declaration:
        raise CopyrightError(_("请先勾选申请声明。"))
    if uploaded is None:
        raise CopyrightError(_("请上传合同文本。"))
    content_type = _checked_file(uploaded, CONTRACT_FILE_KINDS, CONTRACT_MAX_BYTES)
    with transaction.atomic():
        filing = Filing(
            unit=responsible_unit(),
            applicant=user,
            organisation=organisation,
            district=district,
            declaration=True,
            submitted_at=timezone.now(),
            **work_fields,
            **contract_fields,
        )
        _store_file(filing, uploaded, content_type)
        filing.save()
        _first_event(filing, user)
    return filing


def resubmit(filing, user, *, district, details=None, contract=None, uploaded=None, work_details=None, note=""):
    """Send a filing back after the correction asked for: its fields as now edited, the file replaced
    only if a new one is uploaded. Only the applicant's side may, and only while a correction is awaited."""
    with transaction.atomic():
        filing = Filing.objects.select_for_update(of=("self",)).select_related("organisation").get(pk=filing.pk)
        refused = FILING_WORKFLOW.check(filing, Step.RESUBMITTED, user)
        if refused is not None:
            raise _refuse(refused)
        if filing.is_work:
            fields = _checked_work(details, registration=True)
            kinds, max_bytes = SAMPLE_KINDS, SAMPLE_MAX_BYTES
        else:
            contract.kind = contract.kind or filing.kind
            fields = {**_checked_contract(contract), **_contract_work_fields(contract, work_details)}
            kinds, max_bytes = CONTRACT_FILE_KINDS, CONTRACT_MAX_BYTES
        fields["district"] = district
        if uploaded is not None:
            content_type = _checked_file(uploaded, kinds, max_bytes)
            _store_file(filing, uploaded, content_type)
            fields.update(
                {
                    name: getattr(filing, name)
                    for name in ("file", "preview", "original_name", "content_type", "size", "sha256")
                }
            )
        FILING_WORKFLOW.apply(
            filing,
            Step.RESUBMITTED,
            user=user,
            lock=False,
            note=note,
            refuse=_refuse,
            changes={**fields, "correction_reason": ""},
        )
    return filing


# --- examination ---------------------------------------------------------------------------------------


def _step(filing, name, user, *, note="", changes=None):
    with transaction.atomic():
        filing = (
            Filing.objects.select_for_update(of=("self",)).select_related("organisation", "applicant").get(pk=filing.pk)
        )
        FILING_WORKFLOW.apply(filing, name, user=user, lock=False, note=note, refuse=_refuse, changes=changes)
    return filing


def take_into_examination(filing, user, note=""):
    """受理: the filing is complete enough to be examined."""
    return _step(filing, Step.EXAMINING, user, note=note)


def request_correction(filing, user, reason):
    reason = _text(reason)
    if not reason:
        raise CopyrightError(_("请写明需要补正的内容。"))
    return _step(filing, Step.CORRECTION, user, note=reason, changes={"correction_reason": reason})


def refuse(filing, user, reason):
    reason = _text(reason)
    if not reason:
        raise CopyrightError(_("请写明不予登记的理由。"))
    return _step(filing, Step.REFUSED, user, note=reason, changes={"refusal_reason": reason})


def approve(filing, user, note=""):
    """准予登记: the filing takes the next number of its series and today's date. Approving twice, or two
    examiners at once, registers it once: the second finds it approved and is refused as a repeat."""
    with transaction.atomic():
        filing = (
            Filing.objects.select_for_update(of=("self",)).select_related("organisation", "applicant").get(pk=filing.pk)
        )
        refused = FILING_WORKFLOW.check(filing, Step.APPROVED, user)
        if refused is not None:
            raise _refuse(refused)
        today = timezone.localdate()
        number = next_number(filing, today.year)
        text = _("登记号 %(number)s。") % {"number": number}
        FILING_WORKFLOW.apply(
            filing,
            Step.APPROVED,
            user=user,
            lock=False,
            note=" ".join(filter(None, [text, _text(note)])),
            refuse=_refuse,
            changes={"number": number, "registered_on": today},
        )
    return filing


EXAMINER_ACTIONS = {
    Step.EXAMINING: take_into_examination,
    Step.CORRECTION: request_correction,
    Step.APPROVED: approve,
    Step.REFUSED: refuse,
}


def examine(filing, user, action, note=""):
    """The examiner's button `action` (a `Step` name) with its note."""
    function = EXAMINER_ACTIONS.get(action)
    if function is None:
        raise CopyrightError(_("未知的操作。"))
    return function(filing, user, note)


def may_download_certificate(filing, user):
    from .access import may_examine

    return filing.is_approved and (may_read_as_applicant(user, filing) or may_examine(user, filing))


# --- verification --------------------------------------------------------------------------------------


def normalise_number(value):
    """A number as typed (spaces, full-width hyphens, lower case letters) in its stored form."""
    text = _text(value).replace("－", "-").replace("—", "-").replace("–", "-").replace(" ", "").replace("　", "")
    return text.upper() if text.isascii() else "".join(c.upper() if c.isascii() else c for c in text)


def verify(number):
    """The approved filing with this registration number, or None: what the public page shows."""
    number = normalise_number(number)
    if not number:
        return None
    return Filing.objects.approved().select_related("work", "district").filter(number=number).first()
