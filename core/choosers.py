"""Snippet choosers: the base every snippet of ours uses, and the one for private records.

Wagtail's snippet chooser lists a model's records, with their titles, to anyone who may open the admin:
right for reference data, wrong for records that are someone's private business (a deal's counterparty
and amount) or staff data (who handles cases where). This chooser asks for the same permissions as the
model's own list screen.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from wagtail.permissions import policy_registry
from wagtail.snippets.views import chooser
from wagtail.snippets.views.snippets import SnippetViewSet as WagtailSnippetViewSet

LIST_ACTIONS = ["add", "change", "delete", "view"]


class ModelPermissionRequired:
    def dispatch(self, request, *args, **kwargs):
        policy = policy_registry.get_by_type(self.model_class)
        if not policy.user_has_any_permission(request.user, LIST_ACTIONS):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ChooseView(ModelPermissionRequired, chooser.ChooseView):
    pass


class ChooseResultsView(ModelPermissionRequired, chooser.ChooseResultsView):
    pass


class ChosenView(ModelPermissionRequired, chooser.SnippetChosenView):
    pass


class ChosenMultipleView(ModelPermissionRequired, chooser.SnippetChosenMultipleView):
    pass


class CreateView(chooser.SnippetCreateView):
    """Our choosers offer no creation form (records are made on their own screens); Wagtail still routes
    the chooser's create URL, whose POST would fail for want of a form, so there is nothing there."""

    def dispatch(self, request, *args, **kwargs):
        if self.can_create() and self.get_creation_form_class() is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class SnippetChooserViewSet(chooser.SnippetChooserViewSet):
    create_view_class = CreateView


class SnippetViewSet(WagtailSnippetViewSet):
    chooser_viewset_class = SnippetChooserViewSet


class PrivateSnippetChooserViewSet(SnippetChooserViewSet):
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView
