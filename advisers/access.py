"""Who may do what with advisers and titles: the named permission for recognitions (`accounts.roles`),
the organisation's owner for registering its advisers, and the two sides of a request."""

from accounts.roles import RECOGNISE_TITLES


def may_recognise(user):
    return user.is_authenticated and user.is_active and user.has_perm(RECOGNISE_TITLES)


def may_register_advisers(user):
    """The owner of a service institution registers its members as advisers (owners manage members)."""
    organisation = user.organisation if user.is_authenticated else None
    return organisation is not None and organisation.is_institution and organisation.can_manage(user)


def may_send_request(user):
    organisation = user.organisation if user.is_authenticated else None
    return organisation is not None and organisation.is_enterprise


def visible_requests(user, queryset):
    """A request is read by the adviser it was sent to and the members of the enterprise that sent it."""
    from django.db.models import Q

    if not user.is_authenticated:
        return queryset.none()
    condition = Q(adviser__user=user)
    if user.organisation is not None:
        condition |= Q(enterprise=user.organisation)
    return queryset.filter(condition)
