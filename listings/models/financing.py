from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from accounts.roles import VIEW_FINANCING_CASES
from core.attachments import PrivateAttachment

from .listing import Listing


class Stage(models.TextChoices):
    APPLICATION = "application", _("贷款申请")
    VALUATION = "valuation", _("价值评估")
    DUE_DILIGENCE = "due_diligence", _("尽职调查")
    PLEDGE_REGISTRATION = "pledge_registration", _("质押登记")
    LOAN_GRANTED = "loan_granted", _("放款")
    POST_LOAN = "post_loan", _("贷后管理")


STAGE_ORDER = [stage.value for stage in Stage]


class FinancingCaseQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A case is private to the enterprise whose need it is and the lender following it (and to holders of
        `listings.view_financing_case`)."""
        if not user.is_authenticated:
            return self.none()
        if user.has_perm(VIEW_FINANCING_CASES):
            return self.all()
        organisation = user.organisation
        if organisation is None:
            return self.none()
        return self.filter(models.Q(need__organisation=organisation) | models.Q(lender=organisation))


class FinancingCase(models.Model):
    """A lender taking up an enterprise's financing need, followed through the loan's stages."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("办理中")
        GRANTED = "granted", _("已放款")
        DECLINED = "declined", _("已终止")

    need = models.ForeignKey(Listing, verbose_name=_("融资需求"), on_delete=models.CASCADE, related_name="cases")
    product = models.ForeignKey(
        Listing,
        verbose_name=_("金融产品"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="product_cases",
    )
    lender = models.ForeignKey(
        Organisation, verbose_name=_("贷款机构"), on_delete=models.CASCADE, related_name="financing_cases"
    )
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    decline_reason = models.TextField(_("终止原因"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("受理时间"), default=timezone.now)

    objects = FinancingCaseQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("质押融资办理")
        verbose_name_plural = _("质押融资办理")
        permissions = [("view_financing_case", _("查看全部质押融资办理及其文件"))]
        constraints = [models.UniqueConstraint(fields=["need", "lender"], name="one_case_per_lender_and_need")]

    def __str__(self):
        return f"{self.need} · {self.lender}"

    def stage_rows(self):
        """Every stage in order with its recorded step (or None), for the progress display."""
        steps = {step.stage: step for step in self.steps.all()}
        return [{"stage": Stage(stage), "step": steps.get(stage)} for stage in STAGE_ORDER]

    @property
    def is_declined(self):
        return self.status == self.Status.DECLINED

    @property
    def current_stage(self):
        recorded = [step.stage for step in self.steps.all()]
        return Stage(max(recorded, key=STAGE_ORDER.index)) if recorded else None

    @property
    def next_stage(self):
        current = self.current_stage
        if current is None:
            return Stage.APPLICATION
        position = STAGE_ORDER.index(current) + 1
        return Stage(STAGE_ORDER[position]) if position < len(STAGE_ORDER) else None


class FinancingStep(models.Model):
    stage = models.CharField(_("环节"), max_length=20, choices=Stage.choices)
    case = models.ForeignKey(FinancingCase, on_delete=models.CASCADE, related_name="steps")
    date = models.DateField(_("日期"))
    note = models.TextField(_("说明"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("办理环节")
        verbose_name_plural = _("办理环节")
        constraints = [models.UniqueConstraint(fields=["case", "stage"], name="one_step_per_stage")]

    def __str__(self):
        return f"{self.case} · {self.get_stage_display()}"


class PartyDocument(PrivateAttachment):
    """A document one side of a financing adds; it stays when its uploader's account goes."""

    title = models.CharField(_("文件名称"), max_length=120)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        abstract = True


class FinancingDocument(PartyDocument):
    """A document of a financing case (valuation report, pledge registration notice…), stored privately."""

    upload_folder = "listings/financing/{case_id}"

    case = models.ForeignKey(FinancingCase, on_delete=models.CASCADE, related_name="documents")
    stage = models.CharField(_("环节"), max_length=20, choices=Stage.choices)

    class Meta:
        ordering = ["uploaded_at"]
        verbose_name = _("办理文件")
        verbose_name_plural = _("办理文件")


class PledgeLoan(models.Model):
    """The facts of the loan a granted financing case made, recorded by the lender who knows them (never by the
    borrower): principal, annual rate, term and how far interest has been paid. Special funds compute an
    interest subsidy (贴息) from them (`funding.interest`). Private to the two parties; the special funds show
    them to the reviewers of a programme the loan is claimed in and to finance."""

    case = models.OneToOneField(
        FinancingCase, verbose_name=_("质押融资办理"), on_delete=models.PROTECT, related_name="loan"
    )
    principal = models.DecimalField(
        _("贷款本金（元）"), max_digits=14, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )
    annual_rate = models.DecimalField(
        _("年利率（%）"),
        max_digits=7,
        decimal_places=4,
        validators=[MinValueValidator(Decimal("0.0001")), MaxValueValidator(Decimal("36"))],
    )
    start_date = models.DateField(_("起息日"))
    end_date = models.DateField(_("到期日"))
    interest_paid_to = models.DateField(
        _("利息已付至"),
        null=True,
        blank=True,
        help_text=_("已结清该日之前（不含该日）的全部利息；提前还清本金的，填还款日。"),
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("质押贷款要素")
        verbose_name_plural = _("质押贷款要素")
        constraints = [
            models.CheckConstraint(condition=models.Q(principal__gt=0), name="loan_principal_positive"),
            models.CheckConstraint(
                condition=models.Q(annual_rate__gt=0, annual_rate__lte=36), name="loan_rate_in_range"
            ),
            models.CheckConstraint(condition=models.Q(end_date__gt=models.F("start_date")), name="loan_term_in_order"),
            models.CheckConstraint(
                condition=models.Q(interest_paid_to__isnull=True)
                | models.Q(interest_paid_to__gte=models.F("start_date"), interest_paid_to__lte=models.F("end_date")),
                name="loan_interest_paid_within_term",
            ),
        ]

    def __str__(self):
        return f"{self.case.lender} · {self.principal} · {self.start_date:%Y-%m-%d}"

    @property
    def borrower_id(self):
        return self.case.need.organisation_id

    def is_party(self, user):
        """The borrower's and the lender's members: the two who may read the loan's facts on the case."""
        organisation = user.organisation if user.is_authenticated else None
        return organisation is not None and organisation.pk in (self.case.lender_id, self.borrower_id)


class LoanDocument(PartyDocument):
    """The loan contract or an interest receipt (利息回单) the lender attaches to the loan's facts, checked by
    content and stored privately under a generated name (the original name is kept as data)."""

    class Kind(models.TextChoices):
        CONTRACT = "contract", _("借款合同")
        INTEREST_RECEIPT = "interest_receipt", _("利息回单")

    upload_folder = "listings/loans/{loan_id}"

    loan = models.ForeignKey(PledgeLoan, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("文件类别"), max_length=20, choices=Kind.choices)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("贷款文件")
        verbose_name_plural = _("贷款文件")
