"""Who may import register records: holders of `register.import_records` (the register data managers,
superusers). Searching and reading the register needs no log-in: it is public, as the national registers are."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from accounts.roles import IMPORT_REGISTER, RECORD_CUSTOMS


def may_import(user):
    return user.is_authenticated and user.is_active and user.has_perm(IMPORT_REGISTER)


def importer_required(view):
    """Anonymous visitors are sent to log in; a logged-in user without the permission gets 403."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not may_import(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def may_record_customs(user):
    """Customs recordals are entered and imported by holders of `register.record_customs`."""
    return user.is_authenticated and user.is_active and user.has_perm(RECORD_CUSTOMS)
