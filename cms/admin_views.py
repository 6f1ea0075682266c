"""Changes to Wagtail's own admin views."""

from wagtail.admin.views.pages.create import CreateView


class CreatePageWithoutAutosave(CreateView):
    """Wagtail 8 autosaves a page being created as soon as the form has unsaved changes, and after a submit
    that failed validation the form always has them: the autosave then creates the page as a draft behind
    the editor's back, and their corrected retry, still posted to the create view, fails with "slug already
    in use" on the Promote tab while the stray draft stays in the tree. So a new page is first saved by the
    editor's own click; once it exists, the edit view autosaves as before."""

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "autosave_enabled": False, "autosave_indicator": None}
