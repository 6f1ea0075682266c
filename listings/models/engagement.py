from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from reference.models import District

from .listing import Listing, ListingIP, Section


class InterestQuerySet(models.QuerySet):
    def received_by(self, organisation):
        return self.filter(listing__organisation=organisation) if organisation else self.none()

    def sent_by(self, user):
        return self.filter(user=user) if user.is_authenticated else self.none()


class Interest(models.Model):
    """A logged-in user's expression of interest in a posting, and the owner's answer to it."""

    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="interests")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="listing_interests")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("所属单位"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    message = models.TextField(_("留言"))
    created_at = models.DateTimeField(_("时间"), auto_now_add=True)
    reply = models.TextField(_("回复"), blank=True)
    replied_at = models.DateTimeField(_("回复时间"), null=True, blank=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = InterestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("意向")
        verbose_name_plural = _("意向")
        constraints = [models.UniqueConstraint(fields=["listing", "user"], name="interest_once_per_user")]

    def __str__(self):
        return f"{self.user} → {self.listing}"

    @property
    def sender_name(self):
        return self.organisation.name if self.organisation else str(self.user)


class DealQuerySet(models.QuerySet):
    def transactions(self):
        return self.filter(section=Section.TRANSACTION)

    def financing(self):
        return self.filter(section=Section.FINANCING_NEED)


class Deal(models.Model):
    """The record of a posting closed as a deal: who with, how much, when.

    For a financing need the counter-party is the lender, the amount the loan and `pledged_ip` the
    collateral. `section` and `district` are copied from the posting so the targets dashboard can count
    deals by kind, district and period without joining.
    """

    listing = models.OneToOneField(Listing, on_delete=models.CASCADE, related_name="deal")
    section = models.CharField(_("栏目"), max_length=20, choices=Section.choices)
    district = models.ForeignKey(District, verbose_name=_("地区"), on_delete=models.PROTECT, related_name="+")
    counterparty = models.ForeignKey(
        Organisation,
        verbose_name=_("平台上的对方单位"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    counterparty_name = models.CharField(_("交易对方"), max_length=100)
    amount = models.DecimalField(
        _("成交金额（万元）"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    deal_date = models.DateField(_("成交日期"))
    pledged_ip = models.ManyToManyField(ListingIP, verbose_name=_("质押的知识产权"), blank=True, related_name="+")
    note = models.TextField(_("备注"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("记录时间"), default=timezone.now)

    objects = DealQuerySet.as_manager()

    class Meta:
        ordering = ["-deal_date", "-pk"]
        verbose_name = _("成交记录")
        verbose_name_plural = _("成交记录")
        constraints = [models.CheckConstraint(condition=Q(amount__gte=0), name="deal_amount_not_negative")]

    def __str__(self):
        return f"{self.listing} · {self.counterparty_name} · {self.amount}"
