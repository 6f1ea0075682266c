"""Who may do what with special funds: named permissions (`accounts.roles`), a reviewer's assignment to a
programme, and membership of the applicant organisation. Views and the workflow's roles ask these."""

from accounts.roles import MANAGE_FUNDING, RECORD_FUNDING_PAYMENTS, REVIEW_FUNDING


def _active(user):
    return user.is_authenticated and user.is_active


def may_manage(user):
    return _active(user) and user.has_perm(MANAGE_FUNDING)


def may_record_payment(user):
    return _active(user) and user.has_perm(RECORD_FUNDING_PAYMENTS)


def may_review_programme(user, programme):
    """Reviewers act only on the programmes they are assigned to."""
    return _active(user) and user.has_perm(REVIEW_FUNDING) and programme.reviewers.filter(pk=user.pk).exists()


def may_open_review_queue(user):
    """The review queue is for the programmes' managers, their reviewers and the staff who record payments."""
    return may_manage(user) or may_review_any(user) or may_record_payment(user)


def may_review_any(user):
    return _active(user) and user.has_perm(REVIEW_FUNDING)


def reads_every_application(user):
    """Staff who read every application: managers and finance (reviewers read their programmes')."""
    return may_manage(user) or may_record_payment(user)


def visible_applications(user, queryset):
    """The applications `user` may read: their organisation's, the programmes they review, or all."""
    from django.db.models import Q

    if not _active(user):
        return queryset.none()
    if reads_every_application(user):
        return queryset
    condition = Q(pk__in=[])
    if user.organisation is not None:
        condition |= Q(organisation=user.organisation)
    if may_review_any(user):
        condition |= Q(programme__reviewers=user)
    return queryset.filter(condition).distinct()


def may_see_bank_details(user):
    return may_record_payment(user)


def may_see_loan_facts(user, application):
    """A claimed loan's private facts (principal, rate, term, interest paid, contract and receipts) are read by
    the borrower, the programme's reviewers and finance; the lender reads them on the financing case."""
    return _active(user) and (
        application.organisation.is_member(user)
        or may_review_programme(user, application.programme)
        or may_record_payment(user)
    )
