"""What may happen to organisations and memberships, written once for views, admin and tasks."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.mail import send_templated_mail

from .models import Invitation, Membership, Organisation


class MembershipError(Exception):
    """A rule about organisations was broken; the message is shown to the user."""


def create_organisation(owner, **fields):
    """Register an organisation with `owner` as its first owner."""
    if Membership.objects.filter(user=owner).exists():
        raise MembershipError(_("您的账户已属于一个组织，不能再创建新的组织。"))
    organisation = Organisation(**fields)
    organisation.full_clean()
    organisation.save()
    Membership.objects.create(user=owner, organisation=organisation, role=Membership.Role.OWNER)
    return organisation


def invite_member(organisation, invited_by, email, role=Membership.Role.MEMBER):
    if not organisation.can_manage(invited_by):
        raise MembershipError(_("只有组织负责人可以邀请成员。"))
    email = email.strip().lower()
    if organisation.memberships.filter(user__email__iexact=email).exists():
        raise MembershipError(_("%(email)s 已是本组织成员。") % {"email": email})
    if organisation.invitations.pending().filter(email__iexact=email).exists():
        raise MembershipError(_("已向 %(email)s 发出邀请，尚未接受。") % {"email": email})
    invitation = Invitation.objects.create(organisation=organisation, email=email, role=role, invited_by=invited_by)
    send_templated_mail(
        "accounts/email/invitation",
        [email],
        {"organisation_name": organisation.name, "inviter": str(invited_by), "path": invitation.get_absolute_url()},
    )
    return invitation


def accept_invitation(invitation, user):
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if not invitation.is_pending:
            raise MembershipError(_("该邀请已失效（已接受、已撤销或已过期）。"))
        if invitation.email.lower() != user.email.lower():
            raise MembershipError(_("该邀请发给 %(email)s，请用该邮箱的账户登录后接受。") % {"email": invitation.email})
        if Membership.objects.filter(user=user).exists():
            raise MembershipError(_("您的账户已属于一个组织，不能再加入其他组织。"))
        membership = Membership.objects.create(user=user, organisation=invitation.organisation, role=invitation.role)
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
    return membership


def revoke_invitation(invitation, user):
    if not invitation.organisation.can_manage(user):
        raise MembershipError(_("只有组织负责人可以撤销邀请。"))
    if not invitation.is_pending:
        raise MembershipError(_("该邀请已失效，无需撤销。"))
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
