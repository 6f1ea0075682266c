"""The admin menu's entries: shown to the people a domain rule names, optionally counting what waits for them.

Every app's menu entry asks its own domain (`may_import`, `is_rights_staff`, a named permission) through
`MenuItemFor`; the pages behind an entry check the same rule again, since a hidden entry protects nothing.
"""

from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem


def holding(permission):
    """The rule "holds this named permission", for `MenuItemFor(shown_to=...)`."""

    def holds(user):
        return user.has_perm(permission)

    return holds


class MenuItemFor(MenuItem):
    """A menu entry shown when `shown_to(user)` is true. With `waiting` (a callable giving a number), the label
    counts what waits, as "信息审核 (3)", and stays plain when nothing does."""

    def __init__(self, label, url, *, shown_to, waiting=None, **kwargs):
        super().__init__(label, url, **kwargs)
        self.shown_to = shown_to
        self.waiting = waiting

    def is_shown(self, request):
        return self.shown_to(request.user)

    def render_component(self, request):
        count = self.waiting() if self.waiting else 0
        label = f"{self.label} ({count})" if count else self.label
        return LinkMenuItem(
            self.name, label, self.url, icon_name=self.icon_name, classname=self.classname, attrs=self.attrs
        )
