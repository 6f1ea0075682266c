import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from accounts.roles import MODERATE_LISTINGS
from core.models import WorkflowEvent
from core.workflow import ALREADY, FORBIDDEN, IMPOSSIBLE, SYSTEM, Workflow, step
from reference.models import District

from ..ip_numbers import normalise_ip_number, patent_type_label
from .reference import Industry


class IPType(models.TextChoices):
    PATENT = "patent", _("专利")
    TRADEMARK = "trademark", _("商标")
    COPYRIGHT = "copyright", _("著作权")


class Section(models.TextChoices):
    TRANSACTION = "transaction", _("交易信息")
    FINANCING_NEED = "financing_need", _("融资需求")
    FINANCING_PRODUCT = "financing_product", _("金融产品")


class Status(models.TextChoices):
    DRAFT = "draft", _("草稿")
    SUBMITTED = "submitted", _("待审核")
    PUBLISHED = "published", _("已发布")
    NEGOTIATING = "negotiating", _("洽谈中")
    DEAL = "deal", _("已成交")
    WITHDRAWN = "withdrawn", _("已撤回")
    REJECTED = "rejected", _("未通过审核")
    EXPIRED = "expired", _("已过期")


OWNER, MODERATOR, LENDER = "owner", "moderator", "lender"


def roles_on_listing(listing, user):
    """What `user` is to this posting: a member of the organisation that posted it, a moderator (the named
    permission), or a lender (a service institution; `listings.financing` checks the case it takes up)."""
    roles = set()
    if not user.is_authenticated:
        return roles
    organisation = user.organisation
    if organisation is not None and organisation.pk == listing.organisation_id:
        roles.add(OWNER)
    if user.has_perm(MODERATE_LISTINGS):
        roles.add(MODERATOR)
    if organisation is not None and organisation.is_institution and listing.section == Section.FINANCING_NEED:
        roles.add(LENDER)
    return roles


def _listing_event_fields(move):
    return {"actor": move.user, "note": move.note}


_OPEN = {Status.PUBLISHED, Status.NEGOTIATING}
_CLOSABLE = {Status.DRAFT, Status.SUBMITTED, Status.REJECTED, Status.EXPIRED, *_OPEN}

# Every state change of a posting, written once: `listings.postings.move_listing` takes them, the model and the
# pages ask it. The expiry task acts as SYSTEM.
WORKFLOW = Workflow(
    states=Status,
    steps=[
        step({Status.DRAFT, Status.REJECTED, Status.EXPIRED}, Status.SUBMITTED, who={OWNER}, stamps=["submitted_at"]),
        # Editing the substance of a public posting sends it back to review.
        step(_OPEN, Status.SUBMITTED, who={OWNER}, stamps=["submitted_at"]),
        step(Status.SUBMITTED, Status.PUBLISHED, who={MODERATOR}, stamps=["published_at"]),
        step(Status.SUBMITTED, Status.REJECTED, who={MODERATOR}),
        step(Status.NEGOTIATING, Status.PUBLISHED, who={OWNER}),
        step(Status.PUBLISHED, Status.NEGOTIATING, who={OWNER, LENDER}),
        step(_OPEN, Status.DEAL, who={OWNER, LENDER}, stamps=["closed_at"]),
        step(_CLOSABLE, Status.WITHDRAWN, who={OWNER}, stamps=["closed_at"]),
        step({Status.SUBMITTED, *_OPEN}, Status.EXPIRED, who={SYSTEM}),
    ],
    roles=roles_on_listing,
    event="listings.ListingEvent",
    event_record="listing",
    event_fields=_listing_event_fields,
    messages={
        ALREADY: _("这条信息已是“%(status)s”状态。"),
        IMPOSSIBLE: _("“%(status)s”状态的信息不能变为“%(target)s”。"),
        FORBIDDEN: _("只有发布单位的成员可以管理这条信息。"),
    },
)
PUBLIC_STATUSES = (Status.PUBLISHED, Status.NEGOTIATING)
# Postings not before the public or the reviewers, which their owner sends to review with 提交审核.
AWAITING_SUBMISSION = (Status.DRAFT, Status.REJECTED, Status.EXPIRED)
# Postings the expiry task looks at: a posting still waiting for, or holding, its place in public.
ACTIVE_STATUSES = (Status.SUBMITTED, Status.PUBLISHED, Status.NEGOTIATING)
EDITABLE_STATUSES = (
    Status.DRAFT,
    Status.SUBMITTED,
    Status.REJECTED,
    Status.PUBLISHED,
    Status.NEGOTIATING,
    Status.EXPIRED,
)


class TransactionKind(models.TextChoices):
    PATENT_TRANSFER = "patent_transfer", _("专利转让")
    PATENT_LICENCE_EXCLUSIVE = "patent_licence_exclusive", _("专利独占许可")
    PATENT_LICENCE_SOLE = "patent_licence_sole", _("专利排他许可")
    PATENT_LICENCE_ORDINARY = "patent_licence_ordinary", _("专利普通许可")
    TRADEMARK_TRANSFER = "trademark_transfer", _("商标转让")
    TRADEMARK_LICENCE = "trademark_licence", _("商标许可")
    COPYRIGHT_TRANSFER = "copyright_transfer", _("著作权转让")
    COPYRIGHT_LICENCE = "copyright_licence", _("著作权许可")
    TECH_COOPERATION = "tech_cooperation", _("技术合作")


# Which IP an offer of each kind must name (technology co-operation may name any, or none).
KIND_IP_TYPE = {
    TransactionKind.PATENT_TRANSFER: IPType.PATENT,
    TransactionKind.PATENT_LICENCE_EXCLUSIVE: IPType.PATENT,
    TransactionKind.PATENT_LICENCE_SOLE: IPType.PATENT,
    TransactionKind.PATENT_LICENCE_ORDINARY: IPType.PATENT,
    TransactionKind.TRADEMARK_TRANSFER: IPType.TRADEMARK,
    TransactionKind.TRADEMARK_LICENCE: IPType.TRADEMARK,
    TransactionKind.COPYRIGHT_TRANSFER: IPType.COPYRIGHT,
    TransactionKind.COPYRIGHT_LICENCE: IPType.COPYRIGHT,
}


class Direction(models.TextChoices):
    OFFER = "offer", _("供给（我有知识产权）")
    DEMAND = "demand", _("需求（寻求知识产权）")


class PriceKind(models.TextChoices):
    FIXED = "fixed", _("定价")
    RANGE = "range", _("价格区间")
    NEGOTIABLE = "negotiable", _("面议")


IPC_PATTERN = re.compile(r"^[A-H]\d{2}[A-Z](?: \d{1,4}/\d{1,6})?$")


def _today():
    return timezone.localdate()


def _public_q():
    today = _today()
    return Q(status__in=PUBLIC_STATUSES, valid_from__lte=today, valid_until__gte=today)


class ListingQuerySet(models.QuerySet):
    def public(self):
        """Published (or in negotiation) and within the validity period: what anyone may see and search."""
        return self.filter(_public_q())

    def owned_by(self, organisation):
        return self.filter(organisation=organisation) if organisation else self.none()

    def visible_to(self, user):
        """Public postings, the user's own organisation's postings in any state, and everything for moderators."""
        if user.is_authenticated and user.has_perm(MODERATE_LISTINGS):
            return self.all()
        organisation = user.organisation if user.is_authenticated else None
        query = _public_q()
        if organisation:
            query |= Q(organisation=organisation)
        return self.filter(query)

    def editable_by(self, user):
        return self.owned_by(user.organisation if user.is_authenticated else None)

    def awaiting_review(self):
        """Submitted and not yet approved or rejected: the moderators' queue."""
        return self.filter(status=Status.SUBMITTED)

    def transactions(self):
        return self.filter(section=Section.TRANSACTION)

    def financing_needs(self):
        return self.filter(section=Section.FINANCING_NEED)

    def financing_products(self):
        return self.filter(section=Section.FINANCING_PRODUCT)


class Listing(models.Model):
    """A posting by an `accounts.Organisation`: moderated by staff, public while published and valid.

    It names the IP it concerns (`ListingIP`), draws `Interest` from logged-in users, may close with one
    `Deal`, and, for a financing need, is followed through `FinancingCase`s with the lenders who take it up.
    Every state change is recorded as a `ListingEvent`.
    """

    Section = Section
    Status = Status
    Kind = TransactionKind
    Direction = Direction
    PriceKind = PriceKind

    section = models.CharField(_("栏目"), max_length=20, choices=Section.choices)
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("发布单位"), on_delete=models.CASCADE, related_name="listings"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("创建人"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    title = models.CharField(_("标题"), max_length=100)
    description = models.TextField(_("详细说明"))
    industry = models.ForeignKey(
        Industry, verbose_name=_("产业领域"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    district = models.ForeignKey(District, verbose_name=_("所在地区"), on_delete=models.PROTECT, related_name="+")
    valid_from = models.DateField(_("有效期起"), default=_today)
    valid_until = models.DateField(_("有效期至"))

    # Transaction postings
    kind = models.CharField(_("交易类型"), max_length=30, choices=TransactionKind.choices, blank=True)
    direction = models.CharField(_("供需方向"), max_length=10, choices=Direction.choices, blank=True)
    ipc_class = models.CharField(
        _("IPC分类号"), max_length=20, blank=True, help_text=_("专利的国际专利分类号，例如 C08J 5/04。")
    )
    price_kind = models.CharField(_("价格方式"), max_length=12, choices=PriceKind.choices, blank=True)
    price_min = models.DecimalField(_("价格（下限，万元）"), max_digits=12, decimal_places=2, null=True, blank=True)
    price_max = models.DecimalField(_("价格（上限，万元）"), max_digits=12, decimal_places=2, null=True, blank=True)

    # Financing needs
    amount = models.DecimalField(_("融资金额（万元）"), max_digits=12, decimal_places=2, null=True, blank=True)
    term_months = models.PositiveSmallIntegerField(_("融资期限（月）"), null=True, blank=True)
    purpose = models.TextField(_("资金用途"), blank=True)

    # Financing products
    amount_min = models.DecimalField(_("额度下限（万元）"), max_digits=12, decimal_places=2, null=True, blank=True)
    amount_max = models.DecimalField(_("额度上限（万元）"), max_digits=12, decimal_places=2, null=True, blank=True)
    rate_min = models.DecimalField(_("年利率下限（%）"), max_digits=5, decimal_places=2, null=True, blank=True)
    rate_max = models.DecimalField(_("年利率上限（%）"), max_digits=5, decimal_places=2, null=True, blank=True)
    term_min_months = models.PositiveSmallIntegerField(_("期限下限（月）"), null=True, blank=True)
    term_max_months = models.PositiveSmallIntegerField(_("期限上限（月）"), null=True, blank=True)
    accepts_patent = models.BooleanField(_("接受专利质押"), default=False)
    accepts_trademark = models.BooleanField(_("接受商标质押"), default=False)
    accepts_copyright = models.BooleanField(_("接受著作权质押"), default=False)
    conditions = models.TextField(_("申请条件"), blank=True)

    # Contact preferences: the page shows only what the owner allows.
    contact_name = models.CharField(_("联系人"), max_length=60)
    contact_phone = models.CharField(_("联系电话"), max_length=30, blank=True)
    contact_email = models.EmailField(_("联系邮箱"), blank=True)
    show_phone = models.BooleanField(_("公开联系电话"), default=False)
    show_email = models.BooleanField(_("公开联系邮箱"), default=False)
    contact_login_required = models.BooleanField(_("仅登录用户可见联系方式"), default=True)

    status = models.CharField(_("状态"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    rejection_reason = models.TextField(_("退回原因"), blank=True)
    submitted_at = models.DateTimeField(_("提交时间"), null=True, blank=True)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)
    closed_at = models.DateTimeField(_("关闭时间"), null=True, blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    objects = ListingQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name = _("信息")
        verbose_name_plural = _("信息")
        permissions = [("moderate_listing", _("审核交易与融资信息，查看未发布的信息"))]
        indexes = [
            models.Index(fields=["section", "status", "valid_until"]),
            models.Index(fields=["organisation", "status"]),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(valid_until__gte=models.F("valid_from")), name="listing_valid_period"),
            models.CheckConstraint(
                condition=Q(price_min__isnull=True) | Q(price_min__gte=0), name="listing_price_not_negative"
            ),
            models.CheckConstraint(condition=Q(amount__isnull=True) | Q(amount__gt=0), name="listing_amount_positive"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("listings:detail", args=[self.pk])

    def clean(self):
        errors = {}
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            errors["valid_until"] = _("有效期结束日期须晚于开始日期。")
        if self.section == Section.TRANSACTION:
            errors.update(self._clean_transaction())
        elif self.section == Section.FINANCING_NEED:
            errors.update(self._clean_need())
        elif self.section == Section.FINANCING_PRODUCT:
            errors.update(self._clean_product())
        if errors:
            raise ValidationError(errors)

    def _clean_transaction(self):
        errors = {}
        for field in ("kind", "direction", "price_kind"):
            if not getattr(self, field):
                errors[field] = _("请选择。")
        if not self.industry_id:
            errors["industry"] = _("请选择产业领域。")
        patent_related = self.kind in (
            TransactionKind.PATENT_TRANSFER,
            TransactionKind.PATENT_LICENCE_EXCLUSIVE,
            TransactionKind.PATENT_LICENCE_SOLE,
            TransactionKind.PATENT_LICENCE_ORDINARY,
            TransactionKind.TECH_COOPERATION,
        )
        if self.ipc_class:
            self.ipc_class = re.sub(r"^([A-H]\d{2}[A-Z])\s*(?=\d)", r"\1 ", "".join(self.ipc_class.upper().split()))
            if not patent_related:
                errors["ipc_class"] = _("IPC分类号只适用于专利和技术合作信息。")
            elif not IPC_PATTERN.match(self.ipc_class):
                errors["ipc_class"] = _("IPC分类号格式如 C08J 或 C08J 5/04。")
        for field in ("price_min", "price_max"):
            value = getattr(self, field)
            if value is not None and value < 0:
                errors[field] = _("金额不能为负数。")
        if self.price_kind == PriceKind.NEGOTIABLE:
            self.price_min = self.price_max = None
        elif self.price_kind == PriceKind.FIXED:
            if self.price_min is None:
                errors["price_min"] = _("请填写价格。")
            self.price_max = self.price_min
        elif self.price_kind == PriceKind.RANGE:
            if self.price_min is None or self.price_max is None:
                errors["price_max"] = _("价格区间须填写下限和上限。")
            elif self.price_max < self.price_min:
                errors["price_max"] = _("价格上限须不低于下限。")
        return errors

    def _clean_need(self):
        errors = {}
        if not self.industry_id:
            errors["industry"] = _("请选择产业领域。")
        if self.amount is None or self.amount <= 0:
            errors["amount"] = _("融资金额须大于零。")
        if not self.term_months:
            errors["term_months"] = _("请填写融资期限。")
        elif self.term_months > 120:
            errors["term_months"] = _("融资期限最长120个月。")
        if not self.purpose.strip():
            errors["purpose"] = _("请说明资金用途。")
        return errors

    def _clean_product(self):
        errors = {}
        pairs = (
            ("amount_min", "amount_max", _("额度上限须不低于下限。")),
            ("rate_min", "rate_max", _("利率上限须不低于下限。")),
            ("term_min_months", "term_max_months", _("期限上限须不低于下限。")),
        )
        for low_field, high_field, message in pairs:
            low, high = getattr(self, low_field), getattr(self, high_field)
            if low is None:
                errors[low_field] = _("请填写。")
            elif low < 0:
                errors[low_field] = _("不能为负数。")
            if high is None:
                errors[high_field] = _("请填写。")
            elif low is not None and high < low:
                errors[high_field] = message
        if not (self.accepts_patent or self.accepts_trademark or self.accepts_copyright):
            errors["accepts_patent"] = _("请至少选择一种可质押的知识产权类型。")
        return errors

    @property
    def is_transaction(self):
        return self.section == Section.TRANSACTION

    @property
    def is_financing_need(self):
        return self.section == Section.FINANCING_NEED

    @property
    def is_financing_product(self):
        return self.section == Section.FINANCING_PRODUCT

    @property
    def is_expired(self):
        return self.status == Status.EXPIRED or self.valid_until < _today()

    @property
    def is_public(self):
        today = _today()
        return self.status in PUBLIC_STATUSES and self.valid_from <= today <= self.valid_until

    @property
    def is_editable(self):
        return self.status in EDITABLE_STATUSES

    @property
    def is_open(self):
        """Still open for a deal: published or in negotiation."""
        return self.status in PUBLIC_STATUSES

    @property
    def awaits_submission(self):
        """A new posting, a draft, or one rejected or expired: its owner may send it to review."""
        return self.pk is None or self.status in AWAITING_SUBMISSION

    @property
    def is_in_review(self):
        return self.status == Status.SUBMITTED

    @property
    def is_rejected(self):
        return self.status == Status.REJECTED

    @property
    def is_negotiating(self):
        return self.status == Status.NEGOTIATING

    @property
    def seeks_rights(self):
        """A demand posting: the poster looks for rights to buy or license (the other direction offers them)."""
        return self.direction == Direction.DEMAND

    @property
    def offers_rights(self):
        return self.direction == Direction.OFFER

    def interest_refusal(self, user):
        """Why `user` may not express interest in this posting (None: they may); `listings.postings.
        express_interest` and the posting's page both ask this."""
        if not user.is_authenticated:
            return _("请先登录再表达意向。")
        if not self.is_public:
            return _("这条信息目前不接受意向。")
        if user.organisation and user.organisation.pk == self.organisation_id:
            return _("不能对本单位发布的信息表达意向。")
        if self.interests.filter(user=user).exists():
            return _("您已对这条信息表达过意向，请等待对方回复。")
        return None

    def may_express_interest(self, user):
        return self.interest_refusal(user) is None

    @property
    def has_lapsed(self):
        """Still published or in negotiation, but past its validity (the expiry task has not run yet)."""
        return self.is_open and self.valid_until < _today()

    def can_move_to(self, status):
        return WORKFLOW.allows(self, status)

    @property
    def price_display(self):
        if self.price_kind == PriceKind.FIXED and self.price_min is not None:
            return _("%(amount)s 万元") % {"amount": _number(self.price_min)}
        if self.price_kind == PriceKind.RANGE and self.price_min is not None:
            return _("%(low)s–%(high)s 万元") % {"low": _number(self.price_min), "high": _number(self.price_max)}
        return _("面议")

    @property
    def eligible_ip_types(self):
        return [
            ip_type
            for ip_type, accepted in (
                (IPType.PATENT, self.accepts_patent),
                (IPType.TRADEMARK, self.accepts_trademark),
                (IPType.COPYRIGHT, self.accepts_copyright),
            )
            if accepted
        ]

    @property
    def eligible_ip_labels(self):
        return "、".join(str(IPType(ip_type).label) for ip_type in self.eligible_ip_types)

    def ip_numbers(self):
        return [record.number for record in self.ip_records.all()]

    def contact_for(self, user):
        """The contact details this user may see: only what the owner chose to show, maybe only when logged in."""
        if self.contact_login_required and not user.is_authenticated:
            return None
        details = {}
        if self.show_phone and self.contact_phone:
            details["phone"] = self.contact_phone
        if self.show_email and self.contact_email:
            details["email"] = self.contact_email
        return details


def _number(value):
    return f"{value.normalize():f}" if value is not None else ""


class TransactionListingManager(models.Manager.from_queryset(ListingQuerySet)):
    def get_queryset(self):
        return super().get_queryset().filter(section=Section.TRANSACTION)


class FinancingNeedManager(models.Manager.from_queryset(ListingQuerySet)):
    def get_queryset(self):
        return super().get_queryset().filter(section=Section.FINANCING_NEED)


class FinancingProductManager(models.Manager.from_queryset(ListingQuerySet)):
    def get_queryset(self):
        return super().get_queryset().filter(section=Section.FINANCING_PRODUCT)


class TransactionListing(Listing):
    """交易信息: a patent, trademark or copyright transfer or licence, or technology co-operation."""

    objects = TransactionListingManager()

    class Meta:
        proxy = True
        verbose_name = _("交易信息")
        verbose_name_plural = _("交易信息")

    def save(self, *args, **kwargs):
        self.section = Section.TRANSACTION
        super().save(*args, **kwargs)


class FinancingNeed(Listing):
    """融资需求: an enterprise asks for a loan against its patents or trademarks."""

    objects = FinancingNeedManager()

    class Meta:
        proxy = True
        verbose_name = _("融资需求")
        verbose_name_plural = _("融资需求")

    def save(self, *args, **kwargs):
        self.section = Section.FINANCING_NEED
        super().save(*args, **kwargs)


class FinancingProduct(Listing):
    """金融产品: a lender's IP pledge-loan product."""

    objects = FinancingProductManager()

    class Meta:
        proxy = True
        verbose_name = _("金融产品")
        verbose_name_plural = _("金融产品")

    def save(self, *args, **kwargs):
        self.section = Section.FINANCING_PRODUCT
        super().save(*args, **kwargs)


class ListingIP(models.Model):
    """One IP right a posting concerns (offered, licensed, or pledged as collateral), its number normalised."""

    class LegalStatus(models.TextChoices):
        PENDING = "pending", _("申请中")
        VALID = "valid", _("有效")
        LAPSED = "lapsed", _("已失效")

    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="ip_records")
    ip_type = models.CharField(_("类型"), max_length=10, choices=IPType.choices)
    number = models.CharField(_("号码"), max_length=40)
    title = models.CharField(_("名称"), max_length=120)
    owner_name = models.CharField(_("权利人"), max_length=100)
    legal_status = models.CharField(
        _("法律状态"), max_length=10, choices=LegalStatus.choices, default=LegalStatus.VALID
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("知识产权")
        verbose_name_plural = _("知识产权")
        constraints = [models.UniqueConstraint(fields=["listing", "ip_type", "number"], name="listing_ip_unique")]

    def __str__(self):
        return f"{self.get_ip_type_display()} {self.number} {self.title}"

    def clean(self):
        if self.ip_type and self.number:
            try:
                self.number = normalise_ip_number(self.ip_type, self.number)
            except ValidationError as error:
                raise ValidationError({"number": error.messages}) from error

    @property
    def type_label(self):
        if self.ip_type == IPType.PATENT:
            return patent_type_label(self.number) or self.get_ip_type_display()
        return self.get_ip_type_display()

    @property
    def display_number(self):
        if self.ip_type == IPType.PATENT and self.legal_status == self.LegalStatus.VALID:
            return f"ZL{self.number}"
        return self.number


class ListingEvent(WorkflowEvent):
    """One state change of a posting: who, when, and the reason shown to the owner."""

    STATES = Status

    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("操作人"), on_delete=models.SET_NULL, null=True, blank=True
    )
    note = models.TextField(_("说明"), blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("状态记录")
        verbose_name_plural = _("状态记录")

    def __str__(self):
        return f"{self.listing}: {self.from_status} → {self.to_status}"
