"""API keys on the account page: create (the key is shown once), list with usage, revoke."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.submissions import AlreadySubmitted, show_first_result, submitted_once

from . import keys
from .forms import APIKeyForm
from .models import APIKey


@login_required
def key_list(request):
    form = APIKeyForm(request.POST or None)
    new_key = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                with submitted_once(form, request.user) as receipt:
                    key, new_key = keys.create_key(request.user, form.cleaned_data["name"])
                    receipt.done(key, url=reverse("api:keys"))
            except AlreadySubmitted as repeat:
                return show_first_result(request, repeat, reverse("api:keys"))
            except keys.KeyLimitReached as error:
                form.add_error(None, str(error))
                status = 400
            else:
                form = APIKeyForm()
        else:
            status = 400
    return render(
        request,
        "api/keys.html",
        {
            "form": form,
            "new_key": new_key,
            "keys": APIKey.objects.owned_by(request.user),
            "docs_url": reverse("api:docs"),
        },
        status=status,
    )


@login_required
@require_POST
def key_revoke(request, pk):
    key = APIKey.objects.owned_by(request.user).filter(pk=pk).first()
    if key is None:
        raise Http404
    if keys.revoke(key, request.user):
        messages.success(request, _("密钥“%(name)s”已吊销。") % {"name": key.name})
    else:
        messages.info(request, _("密钥“%(name)s”早已吊销。") % {"name": key.name})
    return redirect("api:keys")
