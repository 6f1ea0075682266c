from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .forms import InvitationForm, OrganisationForm
from .links import account_links
from .models import Invitation, Organisation
from .organisations import MembershipError, accept_invitation, create_organisation, invite_member, revoke_invitation


def _organisation_for(user, pk):
    """The organisation `pk` if `user` may see its private details; 404 otherwise, so ids reveal nothing."""
    return get_object_or_404(Organisation.objects.visible_to(user).select_related("district"), pk=pk)


@login_required
def dashboard(request):
    organisation = request.user.organisation
    invitations = Invitation.objects.pending().filter(email__iexact=request.user.email).select_related("organisation")
    return render(
        request,
        "accounts/dashboard.html",
        {"organisation": organisation, "invitations": invitations, "links": account_links(request.user)},
    )


@login_required
def organisation_create(request):
    if request.user.organisation:
        messages.info(request, _("您的账户已属于一个组织。"))
        return redirect("accounts:dashboard")
    form = OrganisationForm(request.POST or None, initial={"kind": request.GET.get("kind")})
    if request.method == "POST" and form.is_valid():
        try:
            organisation = create_organisation(request.user, **form.cleaned_data)
        except MembershipError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("组织“%(name)s”已创建。") % {"name": organisation.name})
            return redirect("accounts:dashboard")
    return render(request, "accounts/organisation_form.html", {"form": form, "creating": True})


@login_required
def organisation_detail(request, pk):
    organisation = _organisation_for(request.user, pk)
    can_manage = organisation.can_manage(request.user)
    return render(
        request,
        "accounts/organisation_detail.html",
        {
            "organisation": organisation,
            "memberships": organisation.memberships.select_related("user"),
            "invitations": organisation.invitations.pending() if can_manage else [],
            "can_manage": can_manage,
            "invitation_form": InvitationForm() if can_manage else None,
        },
    )


@login_required
def organisation_edit(request, pk):
    organisation = _organisation_for(request.user, pk)
    if not organisation.can_manage(request.user):
        raise PermissionDenied(_("只有组织负责人可以修改组织信息。"))
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("组织信息已保存。"))
        return redirect(organisation)
    return render(request, "accounts/organisation_form.html", {"form": form, "organisation": organisation})


@login_required
@require_POST
def organisation_invite(request, pk):
    organisation = _organisation_for(request.user, pk)
    if not organisation.can_manage(request.user):
        raise PermissionDenied(_("只有组织负责人可以邀请成员。"))
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            invite_member(organisation, request.user, form.cleaned_data["email"], form.cleaned_data["role"])
        except MembershipError as error:
            form.add_error("email", str(error))
        else:
            messages.success(request, _("邀请已发送至 %(email)s。") % {"email": form.cleaned_data["email"]})
            return redirect(organisation)
    return render(
        request,
        "accounts/organisation_detail.html",
        {
            "organisation": organisation,
            "memberships": organisation.memberships.select_related("user"),
            "invitations": organisation.invitations.pending(),
            "can_manage": True,
            "invitation_form": form,
        },
        status=400,
    )


@login_required
@require_POST
def invitation_revoke(request, pk, invitation_pk):
    organisation = _organisation_for(request.user, pk)
    invitation = get_object_or_404(organisation.invitations, pk=invitation_pk)
    try:
        revoke_invitation(invitation, request.user)
    except MembershipError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("已撤销对 %(email)s 的邀请。") % {"email": invitation.email})
    return redirect(organisation)


@login_required
def invitation_accept(request, token):
    invitation = get_object_or_404(Invitation.objects.select_related("organisation"), token=token)
    if request.method == "POST":
        try:
            accept_invitation(invitation, request.user)
        except MembershipError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("您已加入“%(name)s”。") % {"name": invitation.organisation.name})
            return redirect("accounts:dashboard")
    return render(request, "accounts/invitation_accept.html", {"invitation": invitation})
