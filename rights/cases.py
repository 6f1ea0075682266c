"""What may happen to a rights-protection case, written once for views, admin and tasks.

Every change goes through `_step`, which takes a step of `CASE_WORKFLOW` (the shared `core.workflow`): the
table and who may, a `CaseStep` (who, when, from, to, note, public message) and the notifications queued.
"""

import hashlib
import secrets

from django.contrib.auth.hashers import check_password, make_password
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.uploads import check_upload

from .models import (
    CASE_WORKFLOW,
    Action,
    Case,
    CaseNote,
    CaseStep,
    Evidence,
    Handler,
    Outcome,
    Status,
    handler_unit,
    is_rights_admin,
)
from .notifications import notify_step

# No 0/O, 1/I/L: people copy tracking numbers and secrets by hand.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
TRACKING_PREFIX = {Case.Kind.REPORT: "JB", Case.Kind.ASSISTANCE: "YZ"}
# Evidence: PDF or images, each checked by its content.
EVIDENCE_KINDS = ("pdf", "image")
EVIDENCE_MAX_FILES = 6
EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
# Hashed once so that an unknown tracking number costs as much time as a wrong secret.
_DUMMY_SECRET_HASH = None


class CaseError(Exception):
    """A rule about cases was broken; the message is shown to the user."""


class AlreadySubmitted(CaseError):
    """The same form was sent again (a second click, or a retry); `case` is the one recorded the first time."""

    def __init__(self, case):
        super().__init__(_("该举报已提交，受理编号 %(number)s。") % {"number": case.tracking_number})
        self.case = case


def _random_code(length):
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def _new_tracking_number(kind):
    today = timezone.localdate().strftime("%Y%m%d")
    while True:
        number = f"{TRACKING_PREFIX[kind]}{today}{_random_code(5)}"
        if not Case.objects.filter(tracking_number=number).exists():
            return number


def new_secret():
    code = _random_code(12)
    return f"{code[:4]}-{code[4:8]}-{code[8:]}"


def normalise_code(value):
    return "".join(value.split()).replace("-", "").replace("－", "").upper()


# ------------------------------------------------------------------------------------------
# Submitting
# ------------------------------------------------------------------------------------------


def submit_report(fields, evidence_files=(), submitter=None, client_address=None, submission_key=None):
    """Record an infringement report; return `(case, secret)`, the secret only for anonymous reports.

    `submission_key` names the form it came from: the same form sent again raises `AlreadySubmitted`.
    """
    secret = None if submitter else new_secret()
    try:
        case = _create_case(
            Case.Kind.REPORT, fields, evidence_files, submitter, None, client_address, secret, submission_key
        )
    except IntegrityError:
        # Sent twice at the same moment: the unique key let one in.
        existing = Case.objects.filter(submission_key=submission_key).first() if submission_key else None
        if existing is None:
            raise
        raise AlreadySubmitted(existing) from None
    return case, secret


def assistance_refusal(user):
    """Why `user` may not request assistance (None: they may): requests are made on behalf of an enterprise.
    `submit_assistance`, the request form and the pages offering 申请援助 all ask this."""
    if not user.is_authenticated:
        return _("登录后可以企业名义申请维权援助。")
    organisation = user.organisation
    if organisation is None or not organisation.is_enterprise:
        return _("维权援助申请须以企业身份提交，请先登记或加入企业。")
    return None


def may_request_assistance(user):
    return assistance_refusal(user) is None


def submit_assistance(user, fields, evidence_files=()):
    """Record an enterprise's request for rights-protection assistance."""
    refusal = assistance_refusal(user)
    if refusal is not None:
        raise CaseError(refusal)
    organisation = user.organisation
    fields = {"district": organisation.district, **fields}
    return _create_case(Case.Kind.ASSISTANCE, fields, evidence_files, user, organisation, None, None)


def _create_case(kind, fields, evidence_files, submitter, organisation, client_address, secret, submission_key=None):
    if submission_key:
        existing = Case.objects.filter(submission_key=submission_key).first()
        if existing is not None:
            raise AlreadySubmitted(existing)
    if len(evidence_files) > EVIDENCE_MAX_FILES:
        raise CaseError(_("最多上传 %(max)s 个文件。") % {"max": EVIDENCE_MAX_FILES})
    evidence = [
        (uploaded, check_upload(uploaded, EVIDENCE_KINDS, EVIDENCE_MAX_BYTES, refuse=CaseError))
        for uploaded in evidence_files
    ]
    with transaction.atomic():
        case = Case(
            submission_key=submission_key or None,
            kind=kind,
            tracking_number=_new_tracking_number(kind),
            secret_hash=make_password(normalise_code(secret)) if secret else "",
            submitter=submitter,
            organisation=organisation,
            submitted_from=client_address,
            **fields,
        )
        if submitter and not case.contact_email:
            case.contact_email = submitter.email
        case.full_clean(exclude=["submission_key"])
        case.save()
        for uploaded, content_type in evidence:
            _attach_evidence(case, uploaded, content_type)
        step = CaseStep.objects.create(
            case=case,
            action=Action.SUBMIT,
            to_status=Status.RECEIVED,
            actor=submitter,
            created_at=case.created_at,
        )
        notify_step(step)
    return case


def _attach_evidence(case, uploaded, content_type):
    digest = hashlib.sha256()
    for chunk in uploaded.chunks():
        digest.update(chunk)
    uploaded.seek(0)
    evidence = Evidence(case=case, sha256=digest.hexdigest())
    evidence.keep(uploaded, content_type)
    evidence.save()
    return evidence


# ------------------------------------------------------------------------------------------
# Finding a case for its submitter
# ------------------------------------------------------------------------------------------


def find_by_secret(tracking_number, secret):
    """The case with this tracking number if `secret` is its secret; None otherwise, whatever the reason."""
    global _DUMMY_SECRET_HASH
    case = Case.objects.filter(tracking_number=normalise_code(tracking_number)).exclude(secret_hash="").first()
    if case is None:
        # Spend the same hashing time as a real comparison, so timing tells nothing either.
        if _DUMMY_SECRET_HASH is None:
            _DUMMY_SECRET_HASH = make_password(new_secret())
        check_password(normalise_code(secret), _DUMMY_SECRET_HASH)
        return None
    # check_password compares in constant time.
    return case if check_password(normalise_code(secret), case.secret_hash) else None


# ------------------------------------------------------------------------------------------
# Handling
# ------------------------------------------------------------------------------------------


def can_handle(user, case):
    """May `user` read the case and move it on: an administrator, or a handler of its current unit."""
    if is_rights_admin(user):
        return True
    unit = handler_unit(user)
    return unit is not None and case.unit_id == unit.pk


def allowed_actions(user, case):
    """The actions `user` may take on `case` now, in the order a page offers them."""
    return CASE_WORKFLOW.steps_for(case, user)


def handlers_of(unit):
    return Handler.objects.on_duty().filter(unit=unit)


def _refused(refusal):
    return CaseError(refusal.message)


def _step(case, actor, action, *, note="", public_message="", unit=None, handler=None, **changes):
    """Lock the case and take the step `action` of `CASE_WORKFLOW` with `changes`; the step is recorded."""
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=case.pk)
        from_unit = case.unit
        if unit is not None:
            changes["unit"] = unit
        if handler is not None or unit is not None:
            changes["handler"] = handler
        return CASE_WORKFLOW.apply(
            case,
            action,
            user=actor,
            note=note,
            changes=changes,
            extra={"from_unit": from_unit, "public_message": public_message},
            lock=False,
            refuse=_refused,
            after=lambda move, step: notify_step(step),
        )


def assign(case, actor, unit, handler=None, note=""):
    """Give the case to a unit and, optionally, one of its handlers.

    An administrator may choose any unit; a handler may only name a colleague of their own unit.
    """
    if unit is None:
        raise CaseError(_("请选择承办单位。"))
    if not is_rights_admin(actor) and unit.pk != case.unit_id:
        raise CaseError(_("只有维权管理员可以把案件分派给其他单位；如需移交，请使用“转办”。"))
    if handler is not None and not handlers_of(unit).filter(user=handler).exists():
        raise CaseError(_("%(name)s 不是%(unit)s的在岗办理人。") % {"name": handler, "unit": unit})
    return _step(case, actor, Action.ASSIGN, note=note, unit=unit, handler=handler)


def accept(case, actor, public_message="", note=""):
    return _step(
        case,
        actor,
        Action.ACCEPT,
        note=note,
        public_message=public_message or _("您提交的事项已受理，我们将尽快办理。"),
    )


def decline(case, actor, reason, note=""):
    if not reason.strip():
        raise CaseError(_("不予受理须向提交人说明理由。"))
    return _step(case, actor, Action.DECLINE, note=note, public_message=reason)


def transfer(case, actor, to_unit, note, public_message=""):
    if to_unit is None:
        raise CaseError(_("请选择转办的单位。"))
    if to_unit.pk == case.unit_id:
        raise CaseError(_("案件已由%(unit)s承办，请选择其他单位。") % {"unit": to_unit})
    if not note.strip():
        raise CaseError(_("转办须填写转办说明。"))
    message = public_message or _("您提交的事项已转交%(unit)s办理。") % {"unit": to_unit}
    # The handler is cleared: the receiving unit names its own.
    return _step(case, actor, Action.TRANSFER, note=note, public_message=message, unit=to_unit, handler=None)


def start(case, actor, public_message="", note=""):
    return _step(case, actor, Action.START, note=note, public_message=public_message)


def close(case, actor, outcome, summary, note=""):
    if outcome not in Outcome.values:
        raise CaseError(_("请选择办理结果。"))
    if not summary.strip():
        raise CaseError(_("办结须向提交人说明办理结果。"))
    return _step(
        case,
        actor,
        Action.CLOSE,
        note=note,
        public_message=summary,
        outcome=outcome,
        outcome_summary=summary.strip(),
    )


def send_message(case, actor, message):
    if not message.strip():
        raise CaseError(_("答复内容不能为空。"))
    return _step(case, actor, Action.MESSAGE, public_message=message)


def add_note(case, actor, text):
    """An internal note: kept with the case, never shown to the submitter, not a step."""
    if not can_handle(actor, case):
        raise CaseError(_("您无权对该案件添加备注。"))
    if not text.strip():
        raise CaseError(_("备注内容不能为空。"))
    return CaseNote.objects.create(case=case, author=actor, author_unit=handler_unit(actor), text=text.strip())
