"""Who may see the dashboard and its private records: staff with Wagtail admin access."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied


def can_view_dashboard(user):
    return user.is_authenticated and user.is_active and user.has_perm("wagtailadmin.access_admin")


def staff_required(view):
    """Anonymous visitors are sent to log in; a logged-in user without admin access gets 403."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_view_dashboard(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped
