"""Who may do what with copyright filings: the applicant (and, for a filing made for an organisation, its
members), and the examiners of the filing's unit (`copyrights.examine_filing` and an `Examiner` row naming
the unit). Views, the workflow's roles and the querysets ask these."""

from django.db.models import Q

from accounts.roles import EXAMINE_COPYRIGHT


def _active(user):
    return user is not None and user.is_authenticated and user.is_active


def examiner_unit_id(user):
    """The unit whose filings `user` examines, or None."""
    if not (_active(user) and user.has_perm(EXAMINE_COPYRIGHT)):
        return None
    examiner = getattr(user, "copyright_examiner", None)
    return examiner.unit_id if examiner is not None and examiner.is_active else None


def may_examine_any(user):
    return examiner_unit_id(user) is not None


def may_examine(user, filing):
    unit_id = examiner_unit_id(user)
    return unit_id is not None and unit_id == filing.unit_id


def may_read_as_applicant(user, filing):
    if not _active(user):
        return False
    if filing.applicant_id == user.pk:
        return True
    return filing.organisation_id is not None and filing.organisation.is_member(user)


def applicants_filings(user, queryset):
    """The filings `user` made or that were made for their organisation."""
    if not _active(user):
        return queryset.none()
    condition = Q(applicant=user)
    if user.organisation is not None:
        condition |= Q(organisation=user.organisation)
    return queryset.filter(condition)


def visible_filings(user, queryset):
    """The filings `user` may read: their own and their organisation's, and their unit's if they examine."""
    if not _active(user):
        return queryset.none()
    unit_id = examiner_unit_id(user)
    condition = Q(applicant=user)
    if user.organisation is not None:
        condition |= Q(organisation=user.organisation)
    if unit_id is not None:
        condition |= Q(unit_id=unit_id)
    return queryset.filter(condition)
