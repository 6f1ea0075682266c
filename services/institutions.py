"""Applying to be listed and staff verification: the only place an institution's status changes.

Views (the application form), the Wagtail admin review screens and the demo data call these functions.
Each change is a step of `INSTITUTION_WORKFLOW` (the shared `core.workflow`): checked, recorded as an
`InstitutionEvent` and told to the applicant on the site and by e-mail.
"""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.roles import REVIEW_INSTITUTIONS, holders_of
from core.mail import send_templated_mail
from core.uploads import check_upload

from .inbox import notify
from .models import INSTITUTION_WORKFLOW, LICENSED_TYPES, Institution, InstitutionType, QualificationDocument

Status = Institution.Status

LISTING_FIELDS = [
    "institution_type",
    "licence_number",
    "credit_grade",
    "credit_grade_year",
    "district",
    "address",
    "contact_name",
    "contact_phone",
    "contact_email",
    "description",
    "logo",
]


# Licences and certificates: PDF or images, checked by their content.
DOCUMENT_KINDS = ("pdf", "image")
DOCUMENT_MAX_BYTES = 10 * 1024 * 1024


class InstitutionError(Exception):
    """A rule about institution applications was broken; the message is shown to the user."""


class AlreadyDone(InstitutionError):
    """The status asked for is already the institution's (a repeated or concurrent decision)."""


def check_listing_rules(institution):
    """Rules across fields, for the form and the domain alike; raises ValidationError keyed by field."""
    errors = {}
    if institution.institution_type in LICENSED_TYPES and not institution.licence_number:
        errors["licence_number"] = _("专利代理机构须填写专利代理机构执业许可证上的机构代码。")
    if institution.institution_type != InstitutionType.PATENT_AGENCY and institution.credit_grade:
        errors["credit_grade"] = _("信用等级仅适用于专利代理机构。")
    if bool(institution.credit_grade) != bool(institution.credit_grade_year):
        errors["credit_grade_year"] = _("信用等级和评定年度须同时填写。")
    this_year = timezone.localdate().year
    if institution.credit_grade_year and not 2010 <= institution.credit_grade_year <= this_year:
        errors["credit_grade_year"] = _("评定年度应在 2010 至 %(year)d 年之间。") % {"year": this_year}
    errors.update(_duplicate_errors(institution))
    if errors:
        raise ValidationError(errors)


def duplicates_of(institution):
    """Other institutions on record (applying, listed or suspended) that this one would duplicate: the same
    patent-agency code or an organisation of the same name. A rejected application does not block anyone."""
    others = Institution.objects.exclude(status=Status.REJECTED).select_related("organisation")
    if institution.organisation_id:
        others = others.exclude(organisation_id=institution.organisation_id)
    duplicates = {}
    if institution.licence_number:
        duplicates["licence_number"] = others.filter(licence_number__iexact=institution.licence_number.strip()).first()
    if institution.organisation_id:
        name = institution.organisation.name.strip()
        duplicates[NON_FIELD_ERRORS] = others.filter(organisation__name__iexact=name).first()
    return {key: other for key, other in duplicates.items() if other is not None}


def _duplicate_errors(institution):
    errors = {}
    for key, other in duplicates_of(institution).items():
        names = {"name": other.name, "status": other.get_status_display()}
        if key == "licence_number":
            message = _("机构代码 %(code)s 已由“%(name)s”登记（%(status)s），不能重复申请。") % {
                **names,
                "code": other.licence_number,
            }
        else:
            message = _("“%(name)s”已有入驻记录（%(status)s），不能重复申请；如确属同一机构，请联系平台。") % names
        errors[key] = message
    return errors


def may_apply(user):
    """Whether to offer `user` the application to be listed. Visitors and people without an organisation
    are offered it (they are led to log in or register their organisation first); of the rest, only the
    manager of a service institution that has not applied yet, or whose application was turned down."""
    if not user.is_authenticated or user.organisation is None:
        return True
    organisation = user.organisation
    if not organisation.is_institution or not organisation.can_manage(user):
        return False
    status = Institution.objects.filter(organisation=organisation).values_list("status", flat=True).first()
    return INSTITUTION_WORKFLOW.allows(None, "submit", state=status or "")


def submit_application(user, organisation, *, listing, categories, documents=()):
    """Create the institution's application, or resubmit a rejected one with corrected details.

    `listing` holds LISTING_FIELDS values; `documents` is a list of (title, uploaded file), each checked by
    its content here.
    """
    if not organisation.is_institution:
        raise InstitutionError(_("只有登记为服务机构的组织可以申请入驻。"))
    if not organisation.can_manage(user):
        raise InstitutionError(_("只有组织负责人可以提交入驻申请。"))
    documents = [
        (title, uploaded, check_upload(uploaded, DOCUMENT_KINDS, DOCUMENT_MAX_BYTES, refuse=InstitutionError))
        for title, uploaded in documents
    ]
    with transaction.atomic():
        institution = Institution.objects.select_for_update().filter(organisation=organisation).first()
        from_status = institution.status if institution else ""
        if not INSTITUTION_WORKFLOW.allows(None, "submit", state=from_status):
            raise InstitutionError(
                _("当前状态（%(status)s）不能重新提交申请。") % {"status": institution.get_status_display()}
            )
        if institution is None:
            institution = Institution(organisation=organisation)
        for field in LISTING_FIELDS:
            if field in listing:
                setattr(institution, field, listing[field])
        # Saved in the state it was in; the workflow's step below makes it pending.
        institution.status = from_status
        institution.full_clean(exclude=["categories", "status"])
        check_listing_rules(institution)
        institution.save()
        institution.categories.set(categories)
        for title, uploaded, content_type in documents:
            QualificationDocument.attach(uploaded, content_type, user=user, title=title, institution=institution)
        if not institution.documents.exists():
            raise InstitutionError(_("请上传至少一份资质证明文件（PDF 或图片）。"))
        INSTITUTION_WORKFLOW.apply(
            institution,
            "submit",
            user=user,
            changes={"status_reason": ""},
            lock=False,
            refuse=_refused,
            after=lambda move, event: _tell_staff(institution, resubmitted=bool(from_status)),
        )
    return institution


def _tell_staff(institution, resubmitted):
    staff = list(holders_of(REVIEW_INSTITUTIONS).values_list("email", flat=True).order_by("pk"))
    if staff:
        send_templated_mail(
            "services/email/application_received",
            staff,
            {
                "institution_name": institution.name,
                "institution_type": institution.get_institution_type_display(),
                "resubmitted": resubmitted,
                "path": reverse("services_admin:application_detail", args=[institution.pk]),
            },
        )


def _refused(refusal):
    return (AlreadyDone if refusal.already_done else InstitutionError)(refusal.message)


# What the applicant is told of each decision.
DECISION_TITLES = {
    "approve": gettext_lazy("入驻申请已通过，机构已在服务机构名录中展示"),
    "reject": gettext_lazy("入驻申请未通过"),
    "suspend": gettext_lazy("机构展示已被平台暂停"),
    "reinstate": gettext_lazy("机构展示已恢复"),
}


def _tell_applicant(move, event):
    notify(
        move.record.organisation,
        str(DECISION_TITLES[move.step.name]),
        body=move.note,
        url=reverse("services:my_institution"),
    )


def _decide(institution, name, staff_user, reason, *, require_reason):
    if not institution.may_review(staff_user):
        raise InstitutionError(_("只有平台管理员可以审核服务机构。"))
    reason = (reason or "").strip()
    if require_reason and not reason:
        raise InstitutionError(_("请填写原因，申请机构会看到这段说明。"))
    return INSTITUTION_WORKFLOW.apply(
        institution,
        name,
        user=staff_user,
        note=reason,
        changes={"status_reason": reason},
        refuse=_refused,
        after=_tell_applicant,
    )


def approve(institution, staff_user, reason=""):
    return _decide(institution, "approve", staff_user, reason, require_reason=False)


def reject(institution, staff_user, reason):
    return _decide(institution, "reject", staff_user, reason, require_reason=True)


def suspend(institution, staff_user, reason):
    return _decide(institution, "suspend", staff_user, reason, require_reason=True)


def reinstate(institution, staff_user, reason=""):
    return _decide(institution, "reinstate", staff_user, reason, require_reason=False)


def set_in_service_centre(institution, staff_user, housed):
    """Staff who review institutions record whether it has a desk in the service centre; setting what is
    already set changes nothing."""
    if not institution.may_review(staff_user):
        raise InstitutionError(_("只有平台管理员可以设置机构是否入驻服务中心。"))
    with transaction.atomic():
        institution = Institution.objects.select_for_update().select_related("organisation").get(pk=institution.pk)
        if institution.in_service_centre == bool(housed):
            raise AlreadyDone(_("该机构已入驻服务中心。") if housed else _("该机构未入驻服务中心。"))
        institution.in_service_centre = bool(housed)
        institution.save(update_fields=["in_service_centre", "updated_at"])
    return institution


def set_listing_active(institution, user, active):
    """The institution's owner pauses or resumes its own listing (staff suspension is separate)."""
    refusal = institution.manage_listing_refusal(user)
    if refusal is not None:
        raise InstitutionError(refusal)
    institution.is_active = active
    institution.save(update_fields=["is_active", "updated_at"])
    return institution


def update_listing(institution, user, *, listing, categories):
    """An approved institution edits its public details without a new review (type and licence stay)."""
    refusal = institution.manage_listing_refusal(user)
    if refusal is not None:
        raise InstitutionError(refusal)
    for field in ("district", "address", "contact_name", "contact_phone", "contact_email", "description", "logo"):
        if field in listing:
            setattr(institution, field, listing[field])
    institution.full_clean(exclude=["categories"])
    institution.save()
    institution.categories.set(categories)
    return institution
