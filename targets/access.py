"""Who may use the dashboard, enter and import figures and read its private records: holders of
`targets.report_targets` (the target reporters, and superusers). The public summary needs no log-in."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from accounts.roles import REPORT_TARGETS


def can_view_dashboard(user):
    return user.is_authenticated and user.is_active and user.has_perm(REPORT_TARGETS)


def staff_required(view):
    """Anonymous visitors are sent to log in; a logged-in user without the permission gets 403."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_view_dashboard(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped
