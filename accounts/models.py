"""Accounts, the organisations they act for, and invitations into them.

Every enterprise (企业) or service institution (服务机构) on the platform is an `Organisation`; a
`User` belongs to at most one, through a `Membership` that carries the role. Later apps hang their
private data on the organisation and ask it who may see or change that data.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reference.models import District

from .credit_code import normalise_credit_code, validate_credit_code
from .roles import VIEW_ORGANISATION_PRIVATE


class EmailUserManager(UserManager):
    def _create_user(self, username, email, password, **extra_fields):
        email = self.normalize_email(email)
        user = self.model(email=email, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(None, email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(None, email, password, **extra_fields)


class User(AbstractUser):
    """A person who logs in with an e-mail address."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("电子邮箱"), unique=True)
    name = models.CharField(_("姓名"), max_length=60, blank=True)
    phone = models.CharField(_("电话"), max_length=30, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = EmailUserManager()

    class Meta:
        verbose_name = _("用户")
        verbose_name_plural = _("用户")

    def __str__(self):
        return self.name or self.email

    def get_full_name(self):
        return self.name or self.email

    def get_short_name(self):
        return self.name or self.email.split("@")[0]

    @property
    def organisation(self):
        membership = getattr(self, "membership", None) if self.pk else None
        return membership.organisation if membership else None


class OrganisationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Organisations whose private details `user` may read: their own, or all with the permission."""
        if not user.is_authenticated:
            return self.none()
        if user.has_perm(VIEW_ORGANISATION_PRIVATE):
            return self
        return self.filter(memberships__user=user)


class Organisation(models.Model):
    class Kind(models.TextChoices):
        ENTERPRISE = "enterprise", _("企业")
        INSTITUTION = "institution", _("服务机构")

    kind = models.CharField(_("组织类型"), max_length=12, choices=Kind.choices)
    name = models.CharField(_("名称"), max_length=100)
    credit_code = models.CharField(
        _("统一社会信用代码"),
        max_length=18,
        unique=True,
        validators=[validate_credit_code],
        error_messages={"unique": _("该统一社会信用代码已被其他组织登记。")},
    )
    district = models.ForeignKey(District, verbose_name=_("所在县区"), on_delete=models.PROTECT)
    address = models.CharField(_("地址"), max_length=200, blank=True)
    contact_name = models.CharField(_("联系人"), max_length=60)
    contact_phone = models.CharField(_("联系电话"), max_length=30)
    contact_email = models.EmailField(_("联系邮箱"), blank=True)
    description = models.TextField(_("简介"), blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("组织")
        verbose_name_plural = _("组织")
        permissions = [("view_organisation_private", _("查看各组织的非公开信息与成员"))]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.credit_code = normalise_credit_code(self.credit_code)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("accounts:organisation_detail", args=[self.pk])

    @property
    def is_enterprise(self):
        return self.kind == self.Kind.ENTERPRISE

    @property
    def is_institution(self):
        return self.kind == self.Kind.INSTITUTION

    def role_of(self, user):
        if not user.is_authenticated:
            return None
        membership = self.memberships.filter(user=user).first()
        return membership.role if membership else None

    def is_member(self, user):
        return self.role_of(user) is not None

    def can_view_private(self, user):
        return user.is_authenticated and (user.has_perm(VIEW_ORGANISATION_PRIVATE) or self.is_member(user))

    def can_manage(self, user):
        """Edit the organisation and invite members: its owners only."""
        return self.role_of(user) == Membership.Role.OWNER


class Membership(models.Model):
    class Role(models.TextChoices):
        OWNER = "owner", _("负责人")
        MEMBER = "member", _("成员")

    # One organisation per account keeps "who acts for whom" unambiguous in every later app.
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("角色"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    joined_at = models.DateTimeField(_("加入时间"), auto_now_add=True)

    class Meta:
        ordering = ["organisation", "-role", "joined_at"]
        verbose_name = _("成员")
        verbose_name_plural = _("成员")

    def __str__(self):
        return f"{self.user} @ {self.organisation} ({self.get_role_display()})"


def _new_token():
    return secrets.token_urlsafe(24)


def _default_expiry():
    return timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS)


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now())


class Invitation(models.Model):
    """An owner's invitation, sent by e-mail, for someone to join the organisation."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("受邀邮箱"))
    role = models.CharField(_("角色"), max_length=10, choices=Membership.Role.choices, default=Membership.Role.MEMBER)
    token = models.CharField(max_length=64, unique=True, default=_new_token, editable=False)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=_default_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("邀请")
        verbose_name_plural = _("邀请")

    def __str__(self):
        return f"{self.email} → {self.organisation}"

    def get_absolute_url(self):
        return reverse("accounts:invitation_accept", args=[self.token])

    @property
    def is_pending(self):
        return self.accepted_at is None and self.revoked_at is None and self.expires_at > timezone.now()
