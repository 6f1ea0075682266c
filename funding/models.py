"""Special funds (知识产权专项资金): programmes, the applications enterprises make to them, and their review.

A `Programme` is tied to its policy document (`cms.PolicyPage`), opens for a window, takes enterprises of
some districts and pays by its `ProgrammeRule`s (an amount per granted invention patent, per PCT filing,
per utility model, per certification; a percentage of a pledge loan's interest, 贴息), within a budget and a
cap per applicant. An `Application` belongs to one organisation; its `ApplicationItem`s point at the
register's `Patent`s (or the targets app's certifications, or the `listings.PledgeLoan` a lender recorded),
each checked by `funding.eligibility`. An item holding a claim on a right or a loan keeps every other
application from claiming it: the database refuses a second claim.

Every step of an application goes through `APPLICATION_WORKFLOW` (core.workflow) and leaves an
`ApplicationEvent`. Approved applications are publicised in a `NoticeBatch` (公示), during whose objection
period anyone may lodge an `Objection`; managers dismiss or uphold it; finance then records the payment.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from core.attachments import PrivateAttachment
from core.models import ActedEvent
from core.workflow import FORBIDDEN, IMPOSSIBLE, SYSTEM, Workflow, step

ZERO = Decimal("0.00")


class ItemType(models.TextChoices):
    INVENTION_GRANT = "invention_grant", _("授权发明专利")
    PCT_FILING = "pct_filing", _("PCT 国际专利申请")
    UTILITY_MODEL = "utility_model", _("授权实用新型专利")
    CERTIFICATION = "certification", _("知识产权管理标准化认定（贯标）")
    LOAN_INTEREST = "loan_interest", _("知识产权质押贷款贴息")


PATENT_ITEMS = (ItemType.INVENTION_GRANT, ItemType.PCT_FILING, ItemType.UTILITY_MODEL)


class ProgrammeQuerySet(models.QuerySet):
    def public(self):
        return self.exclude(status=Programme.Status.DRAFT)

    def reviewed_by(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(reviewers=user)


class Programme(ClusterableModel):
    """One fund's call for applications, configured by staff; its rules say what each item is worth."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("筹备中")
        OPEN = "open", _("已发布")
        CLOSED = "closed", _("已结束")

    title = models.CharField(_("项目名称"), max_length=120)
    policy = models.ForeignKey(
        "cms.PolicyPage", verbose_name=_("政策文件"), on_delete=models.PROTECT, related_name="funding_programmes"
    )
    description = models.TextField(_("说明"), blank=True)
    year = models.PositiveSmallIntegerField(_("资金年度"))
    opens_on = models.DateField(_("申报开始日期"))
    closes_on = models.DateField(_("申报截止日期"))
    # The dates an item's grant (or filing) must fall between to count.
    covers_from = models.DateField(_("受理事项起始日期"), help_text=_("授权（申请、认定）日期不早于该日"))
    covers_to = models.DateField(_("受理事项截止日期"), help_text=_("授权（申请、认定）日期不晚于该日"))
    districts = models.ManyToManyField(
        "reference.District", verbose_name=_("适用县区"), blank=True, related_name="+", help_text=_("不选即全市")
    )
    budget = models.DecimalField(
        _("预算（元）"), max_digits=14, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )
    cap_per_applicant = models.DecimalField(
        _("每家单位年度资助上限（元）"),
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    objection_days = models.PositiveSmallIntegerField(_("公示期（天）"), default=7)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    reviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("审核人员"), blank=True, related_name="funding_programmes"
    )
    opened_at = models.DateTimeField(_("发布时间"), null=True, blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "-opens_on", "pk"]
        verbose_name = _("资助项目")
        verbose_name_plural = _("资助项目")
        permissions = [("manage_programmes", _("管理专项资金项目、审核人员与公示异议"))]
        constraints = [
            models.CheckConstraint(condition=Q(closes_on__gte=models.F("opens_on")), name="funding_window_in_order"),
            models.CheckConstraint(condition=Q(covers_to__gte=models.F("covers_from")), name="funding_cover_in_order"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("funding:programme", args=[self.pk])

    @property
    def is_draft(self):
        return self.status == self.Status.DRAFT

    def accepts_applications(self, today=None):
        today = today or timezone.localdate()
        return self.status == self.Status.OPEN and self.opens_on <= today <= self.closes_on

    def rule_for(self, item_type):
        return next((rule for rule in self.rules.all() if rule.item_type == item_type), None)

    def takes_district(self, district_id):
        district_ids = [district.pk for district in self.districts.all()]
        return not district_ids or district_id in district_ids


class ProgrammeRule(models.Model):
    """What one kind of item is worth in a programme: a fixed amount per item, or for a loan-interest
    subsidy a percentage of the interest paid inside the programme's window, up to a cap per loan."""

    programme = ParentalKey(Programme, on_delete=models.CASCADE, related_name="rules")
    item_type = models.CharField(_("事项类型"), max_length=20, choices=ItemType.choices)
    amount = models.DecimalField(
        _("每项资助金额（元）"), max_digits=12, decimal_places=2, default=ZERO, validators=[MinValueValidator(ZERO)]
    )
    percentage = models.DecimalField(
        _("贴息比例（%）"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("100"))],
        help_text=_("仅用于贷款贴息：按实际支付利息的该比例资助。"),
    )
    cap_per_item = models.DecimalField(
        _("每笔贷款贴息上限（元）"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_("仅用于贷款贴息；不填即不设单笔上限。"),
    )

    class Meta:
        ordering = ["programme", "item_type"]
        verbose_name = _("资助标准")
        verbose_name_plural = _("资助标准")
        constraints = [
            models.UniqueConstraint(fields=["programme", "item_type"], name="funding_one_rule_per_type"),
            models.CheckConstraint(
                condition=~Q(item_type=ItemType.LOAN_INTEREST) | Q(percentage__gt=0, percentage__lte=100),
                name="funding_loan_rule_has_percentage",
                violation_error_message=_("贷款贴息须填写 0 至 100 之间的贴息比例。"),
            ),
        ]

    def __str__(self):
        return f"{self.programme} · {self.get_item_type_display()}"

    @property
    def is_interest_subsidy(self):
        return self.item_type == ItemType.LOAN_INTEREST


class ApplicationQuerySet(models.QuerySet):
    def of_organisation(self, organisation):
        return self.filter(organisation=organisation) if organisation is not None else self.none()

    def committed(self):
        """Applications whose amount is spoken for: submitted and not rejected."""
        return self.filter(status__in=Application.COMMITTED)

    def approved(self):
        """Applications whose approved amount counts against the budget."""
        return self.filter(status__in=Application.APPROVED_STATES)


class Application(models.Model):
    """One organisation's application to one programme, kept as a draft until submitted; private to the
    organisation's members, the programme's reviewers, managers and finance."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        SUBMITTED = "submitted", _("已提交")
        ACCEPTED = "accepted", _("已受理")
        FIRST_PASSED = "first_passed", _("初审通过")
        APPROVED = "approved", _("复核通过")
        PUBLICISED = "publicised", _("公示中")
        PAID = "paid", _("已拨付")
        RETURNED = "returned", _("退回修改")
        REJECTED = "rejected", _("不予资助")

    COMMITTED = (
        Status.SUBMITTED,
        Status.ACCEPTED,
        Status.FIRST_PASSED,
        Status.APPROVED,
        Status.PUBLICISED,
        Status.PAID,
        Status.RETURNED,
    )
    APPROVED_STATES = (Status.APPROVED, Status.PUBLICISED, Status.PAID)

    programme = models.ForeignKey(
        Programme, verbose_name=_("资助项目"), on_delete=models.PROTECT, related_name="applications"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation", verbose_name=_("申请单位"), on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("填报人"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    bank_account_name = models.CharField(_("开户名称"), max_length=100, blank=True)
    bank_name = models.CharField(_("开户银行"), max_length=100, blank=True)
    bank_account = models.CharField(_("银行账号"), max_length=40, blank=True)
    declaration = models.BooleanField(_("已声明所填信息真实"), default=False)
    requested_amount = models.DecimalField(_("申请金额（元）"), max_digits=14, decimal_places=2, default=ZERO)
    approved_amount = models.DecimalField(_("核定金额（元）"), max_digits=14, decimal_places=2, null=True, blank=True)
    paid_amount = models.DecimalField(_("拨付金额（元）"), max_digits=14, decimal_places=2, null=True, blank=True)
    paid_on = models.DateField(_("拨付日期"), null=True, blank=True)
    cap_note = models.CharField(_("核减说明"), max_length=200, blank=True)
    batch = models.ForeignKey(
        "NoticeBatch",
        verbose_name=_("公示批次"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="applications",
    )
    return_reason = models.TextField(_("退回原因"), blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    submitted_at = models.DateTimeField(_("提交时间"), null=True, blank=True)
    approved_at = models.DateTimeField(_("复核通过时间"), null=True, blank=True)
    paid_at = models.DateTimeField(_("登记拨付时间"), null=True, blank=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("资助申请")
        verbose_name_plural = _("资助申请")
        permissions = [
            ("review_application", _("审核所指派项目的资助申请")),
            ("record_payment", _("登记专项资金拨付并导出拨付清单")),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(requested_amount__gte=0), name="funding_requested_not_negative"),
            models.CheckConstraint(
                condition=Q(paid_amount__isnull=True) | Q(paid_amount__lte=models.F("approved_amount")),
                name="funding_paid_within_approved",
            ),
        ]
        indexes = [models.Index(fields=["programme", "status"])]

    def __str__(self):
        return f"{self.organisation} · {self.programme}"

    def get_absolute_url(self):
        return reverse("funding:application", args=[self.pk])

    @property
    def is_draft(self):
        return self.status == self.Status.DRAFT

    @property
    def is_editable(self):
        """Items, files and bank details change only before submission or after a return for correction."""
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)

    @property
    def is_paid(self):
        return self.status == self.Status.PAID

    @property
    def eligible_items(self):
        return [item for item in self.items.all() if item.eligible]

    def approve_refusal(self, user):
        """Why `user` may not take the 复核 this application awaits (None when they may, or when it does not
        await 复核), for `{% refusal application "approve" user %}` on the page before the click."""
        if not APPLICATION_WORKFLOW.allows(self, Step.APPROVED):
            return None
        return APPLICATION_WORKFLOW.refusal(self, Step.APPROVED, user)

    def may_approve(self, user):
        return APPLICATION_WORKFLOW.may(self, Step.APPROVED, user)

    @property
    def amount_shown(self):
        if self.paid_amount is not None:
            return self.paid_amount
        if self.approved_amount is not None:
            return self.approved_amount
        return self.requested_amount


class ApplicationItem(models.Model):
    """One right or deal claimed in an application, with what the eligibility check said and its amount.

    `holds_claim` is set when the application is submitted and cleared when it is rejected; the partial
    unique constraints keep any right from being claimed by two applications, under any programme."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="items")
    item_type = models.CharField(_("事项类型"), max_length=20, choices=ItemType.choices)
    patent = models.ForeignKey(
        "register.Patent", verbose_name=_("专利"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    certification = models.ForeignKey(
        "targets.DemonstrationCertification",
        verbose_name=_("认定记录"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    loan = models.ForeignKey(
        "listings.PledgeLoan",
        verbose_name=_("质押贷款"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="funding_items",
    )
    # How the platform computed a loan's subsidy (days in the window, interest, percentage), shown with it.
    basis = models.JSONField(_("计算依据"), default=dict, blank=True)
    eligible = models.BooleanField(_("符合条件"), default=False)
    reasons = models.JSONField(_("不符合的原因"), default=list, blank=True)
    amount = models.DecimalField(_("资助金额（元）"), max_digits=12, decimal_places=2, default=ZERO)
    holds_claim = models.BooleanField(_("已申报占用"), default=False)
    checked_at = models.DateTimeField(_("核对时间"), default=timezone.now)

    class Meta:
        ordering = ["application", "pk"]
        verbose_name = _("申报事项")
        verbose_name_plural = _("申报事项")
        constraints = [
            models.UniqueConstraint(
                fields=["patent"],
                condition=Q(holds_claim=True, patent__isnull=False),
                name="funding_patent_funded_once",
                violation_error_message=_("该专利已在其他申请中申报或已获资助。"),
            ),
            models.UniqueConstraint(
                fields=["certification"],
                condition=Q(holds_claim=True, certification__isnull=False),
                name="funding_certification_funded_once",
                violation_error_message=_("该认定已在其他申请中申报或已获资助。"),
            ),
            models.UniqueConstraint(
                fields=["loan"],
                condition=Q(holds_claim=True, loan__isnull=False),
                name="funding_loan_subsidised_once",
                violation_error_message=_("该笔贷款已在其他申请中申报或已获贴息。"),
            ),
            models.CheckConstraint(
                condition=Q(patent__isnull=False) | Q(certification__isnull=False) | Q(loan__isnull=False),
                name="funding_item_has_a_record_or_loan",
            ),
            models.CheckConstraint(condition=Q(amount__gte=0), name="funding_item_amount_not_negative"),
        ]

    def __str__(self):
        return f"{self.get_item_type_display()} · {self.record}"

    @property
    def record(self):
        return self.patent or self.certification or self.loan

    @property
    def record_label(self):
        """What names the item on every page, the public notice included: for a loan only what its public
        deal record already shows (lender, date), never the lender's private facts."""
        if self.patent is not None:
            return f"{self.patent.application_number} {self.patent.title}"
        if self.loan is not None:
            deal = getattr(self.loan.case.need, "deal", None)
            day = deal.deal_date.isoformat() if deal is not None else ""
            return _("%(lender)s 质押贷款 %(day)s") % {"lender": self.loan.case.lender.name, "day": day}
        return f"{self.certification.certificate_number}"

    @property
    def basis_text(self):
        """The computation of a loan's subsidy in one sentence (empty for other items)."""
        if not self.basis or not self.basis.get("days"):
            return ""
        text = (
            _(
                "%(first_day)s 至 %(last_day)s 共 %(days)s 天，已付利息 %(interest)s 元（按实际天数/360 计息）"
                " × 贴息比例 %(percentage)s%% = %(uncapped)s 元"
            )
            % self.basis
        )
        if self.basis.get("amount") != self.basis.get("uncapped"):
            text += _("，按每笔贷款上限核为 %(amount)s 元") % self.basis
        return text + _("。")


class Attachment(PrivateAttachment):
    """A supporting document (certificate, bank statement), type- and size-checked, stored privately."""

    upload_folder = "funding/{application_id}"

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="attachments")

    class Meta:
        ordering = ["application", "uploaded_at", "pk"]
        verbose_name = _("申请材料")
        verbose_name_plural = _("申请材料")


class NoticeBatch(models.Model):
    """A public notice (公示) of approved applications of one programme, with its objection period."""

    programme = models.ForeignKey(
        Programme, verbose_name=_("资助项目"), on_delete=models.PROTECT, related_name="batches"
    )
    title = models.CharField(_("公示标题"), max_length=150)
    published_on = models.DateField(_("公示日期"))
    objections_until = models.DateField(_("异议截止日期"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        ordering = ["-published_on", "-pk"]
        verbose_name = _("公示批次")
        verbose_name_plural = _("公示批次")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("funding:notice", args=[self.pk])

    def objections_open(self, today=None):
        today = today or timezone.localdate()
        return self.published_on <= today <= self.objections_until

    def period_over(self, today=None):
        return (today or timezone.localdate()) > self.objections_until


class Objection(models.Model):
    """An objection to a publicised application, lodged by anyone with a reason, then moderated."""

    class Status(models.TextChoices):
        RECORDED = "recorded", _("已登记，待处理")
        DISMISSED = "dismissed", _("异议不成立")
        UPHELD = "upheld", _("异议成立")

    application = models.ForeignKey(
        Application, verbose_name=_("资助申请"), on_delete=models.CASCADE, related_name="objections"
    )
    name = models.CharField(_("异议人"), max_length=60)
    contact = models.CharField(_("联系方式"), max_length=100)
    reason = models.TextField(_("异议理由"))
    lodged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(_("处理状态"), max_length=10, choices=Status.choices, default=Status.RECORDED)
    decision_note = models.TextField(_("处理意见"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("处理时间"), null=True, blank=True)
    created_at = models.DateTimeField(_("提出时间"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("公示异议")
        verbose_name_plural = _("公示异议")

    def __str__(self):
        return f"{self.application} · {self.get_status_display()}"

    @property
    def is_open(self):
        return self.status == self.Status.RECORDED


class ApplicationEvent(ActedEvent):
    """One step of an application: who took it, the note (a reason, an amount), shown to the applicant."""

    STATES = Application.Status

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")

    class Meta(ActedEvent.Meta):
        verbose_name = _("申请记录")
        verbose_name_plural = _("申请记录")

    def __str__(self):
        return f"{self.application} {self.action}"


class Step(models.TextChoices):
    """The names of the steps, as the applicant reads them in the record of their application."""

    SUBMITTED = "submitted", _("提交申请")
    ACCEPTED = "accepted", _("受理")
    FIRST_PASSED = "first_passed", _("初审通过")
    APPROVED = "approved", _("复核通过")
    PUBLICISED = "publicised", _("公示")
    PAID = "paid", _("拨付")
    RETURNED = "returned", _("退回修改")
    REJECTED = "rejected", _("不予资助")
    OBJECTION_RECORDED = "objection_recorded", _("收到公示异议")
    OBJECTION_DISMISSED = "objection_dismissed", _("异议不成立")


# The steps an application's page offers as the reviewers' buttons; submitting, publicity, payment and
# objections have forms of their own.
REVIEW_STEPS = (Step.ACCEPTED, Step.FIRST_PASSED, Step.APPROVED, Step.RETURNED, Step.REJECTED)

APPLICANT, REVIEWER, MANAGER, FINANCE = "applicant", "reviewer", "manager", "finance"


class Role(models.TextChoices):
    APPLICANT = APPLICANT, _("申请单位")
    REVIEWER = REVIEWER, _("审核人员")
    MANAGER = MANAGER, _("专项资金管理员")
    FINANCE = FINANCE, _("财务")


def roles_on_application(application, user):
    """The applicant's members; the programme's assigned reviewers; managers; finance (named permissions)."""
    from .access import may_manage, may_record_payment, may_review_programme

    roles = set()
    if not user.is_authenticated:
        return roles
    if application.organisation.is_member(user):
        roles.add(APPLICANT)
    if may_review_programme(user, application.programme):
        roles.add(REVIEWER)
    if may_manage(user):
        roles.add(MANAGER)
    if may_record_payment(user):
        roles.add(FINANCE)
    return roles


def first_reviewer(application):
    """Who took the latest 初审 of the application (a resubmitted one is reviewed afresh), or None."""
    event = application.events.filter(action=Step.FIRST_PASSED).order_by("-created_at", "-pk").first()
    return event.actor_id if event is not None else None


def four_eyes(application, user):
    """复核 is taken by another reviewer than the one who took 初审 (四眼原则)."""
    if user is not None and user.is_authenticated and first_reviewer(application) == user.pk:
        return _("您办理了本申请的初审，复核须由另一位审核人员办理（四眼原则）。")
    return None


def tell_applicant(move, event):
    """Every step is told to the applicant's members on the site and by e-mail (services' inbox)."""
    from services.inbox import notify

    application = move.record
    notify(
        application.organisation,
        _("专项资金申请“%(programme)s”：%(step)s")
        % {"programme": application.programme.title, "step": Step(move.step.name).label},
        body=move.note,
        url=application.get_absolute_url(),
    )


_S = Application.Status
_IN_REVIEW = {_S.SUBMITTED, _S.ACCEPTED, _S.FIRST_PASSED}

# Every change of an application, written once; `funding.applications` takes the steps, pages ask them.
APPLICATION_WORKFLOW = Workflow(
    states=_S,
    steps=[
        step({_S.DRAFT, _S.RETURNED}, _S.SUBMITTED, who={APPLICANT}, stamps=["submitted_at"]),
        step(_S.SUBMITTED, _S.ACCEPTED, who={REVIEWER}),
        step(_S.ACCEPTED, _S.FIRST_PASSED, who={REVIEWER}),
        step(_S.FIRST_PASSED, _S.APPROVED, who={REVIEWER}, stamps=["approved_at"], unless=four_eyes),
        step(_S.APPROVED, _S.PUBLICISED, who={REVIEWER}),
        step(_S.PUBLICISED, _S.PAID, who={FINANCE}, stamps=["paid_at"]),
        step(_IN_REVIEW, _S.RETURNED, who={REVIEWER}, setback=True),
        step(_IN_REVIEW, _S.REJECTED, who={REVIEWER}, setback=True),
        # An upheld objection ends a publicised application.
        step(_S.PUBLICISED, _S.REJECTED, who={MANAGER}, setback=True),
        step(_S.PUBLICISED, None, name=Step.OBJECTION_RECORDED, who={SYSTEM}),
        step(_S.PUBLICISED, None, name=Step.OBJECTION_DISMISSED, who={MANAGER}),
    ],
    roles=roles_on_application,
    role_labels=Role,
    step_labels=Step,
    event=ApplicationEvent,
    event_record="application",
    event_fields=lambda move: {"actor": move.user, "note": move.note, "action": move.step.name},
    notify=tell_applicant,
    messages={
        IMPOSSIBLE: _("状态为“%(from)s”的申请不能执行“%(action)s”。"),
        FORBIDDEN: _("您无权对该申请执行“%(action)s”。"),
    },
)


class BudgetYear(models.Model):
    """The city's general budget expenditure (一般预算支出) of a year, entered by staff: the base of the
    plan's indicator 知识产权专项工作经费占一般预算支出比例 (target 0.12%)."""

    year = models.PositiveSmallIntegerField(_("年度"), unique=True)
    general_expenditure = models.DecimalField(
        _("本级一般预算支出（元）"), max_digits=16, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )
    source_note = models.CharField(_("数据来源说明"), max_length=200)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("一般预算支出")
        verbose_name_plural = _("一般预算支出")

    def __str__(self):
        return str(self.year)
