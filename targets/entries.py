"""Recording and correcting staff-entered figures, and certifying demonstration enterprises.

A figure entered for an indicator the platform counts overrides the count (see `targets.dashboard`).

Every change of a figure happens here; a correction first copies the earlier figure into an
`EntryRevision`, so nothing entered is ever lost.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.uploads import check_upload

from .models import DemonstrationCertification, EntryRevision, IndicatorEntry

# A figure's source document: a PDF, a scan or a spreadsheet; a certificate: a PDF or a scan.
ATTACHMENT_KINDS = ("pdf", "image", "spreadsheet")
EVIDENCE_KINDS = ("pdf", "image")
MAX_BYTES = 10 * 1024 * 1024


def _checked(uploaded, kinds, field):
    """The upload's sniffed type, or its refusal as an error on `field`; None when nothing was uploaded."""
    if not uploaded:
        return None

    def refuse(message):
        return ValidationError({field: message})

    return check_upload(uploaded, kinds, MAX_BYTES, refuse=refuse)


def _check_value(indicator, value):
    # An entry for a live indicator overrides the count for the rest of its year (targets.dashboard).
    problem = indicator.validate_value(value)
    if problem:
        raise ValidationError({"value": problem})


@transaction.atomic
def record_entry(indicator, *, as_of, value, source_note, user, district=None, attachment=None, batch=None):
    _check_value(indicator, value)
    attachment_type = _checked(attachment, ATTACHMENT_KINDS, "attachment")
    entry = IndicatorEntry(
        indicator=indicator,
        as_of=as_of,
        value=value,
        district=district,
        source_note=source_note,
        entered_by=user,
        import_batch=batch,
    )
    if attachment:
        IndicatorEntry.ATTACHMENT.keep(entry, attachment, attachment_type)
    entry.save()
    return entry


@transaction.atomic
def correct_entry(entry, *, as_of, value, source_note, reason, user, district=None, attachment=None):
    """Change an entry's figure, keeping the earlier one (and who corrected it, and why) in the audit trail."""
    _check_value(entry.indicator, value)
    if not (reason or "").strip():
        raise ValidationError({"reason": _("请说明更正原因。")})
    attachment_type = _checked(attachment, ATTACHMENT_KINDS, "attachment")
    entry = IndicatorEntry.objects.select_for_update().get(pk=entry.pk)
    EntryRevision.objects.create(
        entry=entry,
        previous_as_of=entry.as_of,
        previous_value=entry.value,
        previous_district=entry.district,
        previous_source_note=entry.source_note,
        previous_attachment=entry.attachment.name if entry.attachment else "",
        reason=reason.strip(),
        corrected_by=user,
    )
    entry.as_of, entry.value, entry.district, entry.source_note = as_of, value, district, source_note
    if attachment:
        # The earlier file stays in storage; its name is kept in the revision.
        IndicatorEntry.ATTACHMENT.keep(entry, attachment, attachment_type)
    entry.save()
    return entry


@transaction.atomic
def certify_enterprise(enterprise, *, certificate_number, certified_on, issued_by, evidence, user):
    certification = DemonstrationCertification(
        enterprise=enterprise,
        certificate_number=certificate_number.strip(),
        certified_on=certified_on,
        issued_by=issued_by,
        entered_by=user,
        **DemonstrationCertification.EVIDENCE.values(evidence, _checked(evidence, EVIDENCE_KINDS, "evidence")),
    )
    certification.full_clean()
    if DemonstrationCertification.objects.current().filter(enterprise=enterprise).exists():
        raise ValidationError({"enterprise": _("该企业已有一条有效的示范企业认定。")})
    certification.save()
    return certification


@transaction.atomic
def revoke_certification(certification, *, revoked_on):
    if certification.revoked_on:
        raise ValidationError(_("该认定已撤销。"))
    if revoked_on < certification.certified_on:
        raise ValidationError({"revoked_on": _("撤销日期不能早于认定日期。")})
    certification.revoked_on = revoked_on
    certification.save(update_fields=["revoked_on"])
    return certification
