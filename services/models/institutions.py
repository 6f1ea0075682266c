"""Service institutions: the listing profile of an institution organisation and its verification.

An `Institution` is the one-to-one listing profile of an `accounts.Organisation` of kind INSTITUTION.
It is created by an application (`services.institutions.submit_application`) and only becomes public
when staff approve it; every change of its verification status is an `InstitutionEvent`. The
scorecard figures (rating, median reply time, completed orders) are stored here and refreshed by the
domain functions that change them, so the directory reads them without aggregating per row.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.roles import REVIEW_INSTITUTIONS
from core.attachments import PrivateAttachment
from core.models import WorkflowEvent
from core.naming import EnglishNamed
from core.workflow import ALREADY, FORBIDDEN, IMPOSSIBLE, Workflow, step
from reference.models import District


class ServiceCategory(EnglishNamed):
    code = models.SlugField(_("代码"), max_length=40, unique=True)
    name = models.CharField(_("名称"), max_length=40, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("排序"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("服务类别")
        verbose_name_plural = _("服务类别")


class InstitutionType(models.TextChoices):
    PATENT_AGENCY = "patent_agency", _("专利代理机构")
    TRADEMARK_AGENCY = "trademark_agency", _("商标代理机构")
    LAW_FIRM = "law_firm", _("知识产权律师事务所")
    VALUATION = "valuation", _("知识产权评估机构")
    PLEDGE_FINANCING = "pledge_financing", _("质押融资服务机构")
    CUSTODY = "custody", _("知识产权托管机构")
    EARLY_WARNING = "early_warning", _("预警与战略分析机构")
    STANDARDISATION = "standardisation", _("贯标辅导机构")
    TRAINING = "training", _("知识产权培训机构")
    INFORMATION_SEARCH = "information_search", _("信息检索服务机构")


# Types whose practice requires a licence number in the application.
LICENSED_TYPES = {InstitutionType.PATENT_AGENCY}

# Province-level codes used in China's administrative division codes (GB/T 2260).
PROVINCE_CODES = {
    *range(11, 16),
    *range(21, 24),
    *range(31, 38),
    *range(41, 47),
    *range(50, 55),
    *range(61, 66),
}


def validate_agency_code(value):
    """A patent agency's code (机构代码) on its 专利代理机构执业许可证: 5 digits, the first two a province."""
    code = (value or "").strip()
    if len(code) != 5 or not code.isdigit():
        raise ValidationError(_("专利代理机构代码应为5位数字，例如 32231。"), code="format")
    if int(code[:2]) not in PROVINCE_CODES:
        raise ValidationError(_("专利代理机构代码前两位应为省级行政区划代码（11–65），例如江苏为32。"), code="province")


class CreditGrade(models.TextChoices):
    A_PLUS = "A+", "A+"
    A = "A", "A"
    B = "B", "B"
    C = "C", "C"
    D = "D", "D"


class InstitutionQuerySet(models.QuerySet):
    def public(self):
        """Approved and active: shown in the directory, searchable, counted toward the plan's targets."""
        return self.filter(status=Institution.Status.APPROVED, is_active=True)

    def editable_by(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(organisation__memberships__user=user)

    def awaiting_review(self):
        """Applications to be listed that no reviewer has decided yet."""
        return self.filter(status=Institution.Status.PENDING)

    def housed_in_centre(self):
        """The public institutions housed in the service centre: listed on the centre's page."""
        return self.public().filter(in_service_centre=True)


class Institution(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("待审核")
        APPROVED = "approved", _("已通过")
        REJECTED = "rejected", _("未通过")
        SUSPENDED = "suspended", _("已暂停")

    organisation = models.OneToOneField(
        "accounts.Organisation", verbose_name=_("组织"), on_delete=models.CASCADE, related_name="institution"
    )
    institution_type = models.CharField(_("机构类型"), max_length=20, choices=InstitutionType.choices)
    categories = models.ManyToManyField(ServiceCategory, verbose_name=_("服务类别"), related_name="institutions")
    licence_number = models.CharField(
        _("专利代理机构代码"),
        max_length=5,
        blank=True,
        validators=[validate_agency_code],
        help_text=_(
            "专利代理机构执业许可证上的5位机构代码：前两位为省级行政区划代码（江苏为32），例如 32231。"
            "专利代理机构必须填写。"
        ),
    )
    credit_grade = models.CharField(_("信用等级"), max_length=2, choices=CreditGrade.choices, blank=True)
    credit_grade_year = models.PositiveSmallIntegerField(_("信用等级评定年度"), null=True, blank=True)
    district = models.ForeignKey(District, verbose_name=_("所在县区"), on_delete=models.PROTECT)
    address = models.CharField(_("地址"), max_length=200)
    contact_name = models.CharField(_("联系人"), max_length=60)
    contact_phone = models.CharField(_("联系电话"), max_length=30)
    contact_email = models.EmailField(_("联系邮箱"))
    description = models.TextField(_("机构简介"))
    logo = models.ImageField(_("标志"), upload_to="institutions/logos/", blank=True)

    status = models.CharField(_("审核状态"), max_length=10, choices=Status.choices, default=Status.PENDING)
    status_reason = models.TextField(_("审核意见"), blank=True)
    # An approved institution may pause its listing itself; staff suspension is a status.
    is_active = models.BooleanField(_("对外展示"), default=True)
    # Set by staff who review institutions: the institution has a desk in the city's IP service centre
    # (知识产权服务中心/集聚区); shown on the centre's page and as a badge in the directory.
    in_service_centre = models.BooleanField(_("入驻知识产权服务中心"), default=False)
    submitted_at = models.DateTimeField(_("提交时间"), null=True, blank=True)
    approved_at = models.DateTimeField(_("通过时间"), null=True, blank=True)

    # Scorecard, refreshed by services.scorecard.
    rating_average = models.DecimalField(_("平均评分"), max_digits=3, decimal_places=2, null=True, blank=True)
    rating_count = models.PositiveIntegerField(_("评价数"), default=0)
    completed_orders = models.PositiveIntegerField(_("已完成订单"), default=0)
    median_reply_seconds = models.PositiveIntegerField(_("首次回复时间中位数（秒）"), null=True, blank=True)

    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    objects = InstitutionQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("服务机构")
        verbose_name_plural = _("服务机构")
        indexes = [models.Index(fields=["status", "is_active"])]
        permissions = [("review_institution", _("审核服务机构（通过、驳回、暂停），查看待审核与已暂停的机构"))]

    def __str__(self):
        return self.organisation.name

    def get_absolute_url(self):
        return reverse("services:institution_detail", args=[self.pk])

    @property
    def name(self):
        return self.organisation.name

    @property
    def is_public(self):
        return self.status == self.Status.APPROVED and self.is_active

    @property
    def requires_licence(self):
        return self.institution_type in LICENSED_TYPES

    @property
    def is_licence_verified(self):
        """Staff checked the licence when approving: shown as 持证 and filterable as verified."""
        return bool(self.licence_number) and self.status == self.Status.APPROVED

    def is_member(self, user):
        return self.organisation.is_member(user)

    def may_review(self, user):
        """Decide on the application and read what is not public (documents, history, members)."""
        return user.is_authenticated and user.has_perm(REVIEW_INSTITUTIONS)

    def may_view(self, user):
        """The page of a pending, rejected, suspended or paused institution: its members and reviewers only."""
        return self.is_public or self.is_member(user) or self.may_review(user)

    def may_view_documents(self, user):
        return self.is_member(user) or self.may_review(user)

    def engage_refusal(self, user):
        """Why `user` may not ask this institution or order from it (None: they may). The one rule read by
        `services.inquiries`, `services.orders` and the pages that offer 咨询 and 下单."""
        organisation = user.organisation if user.is_authenticated else None
        if not user.is_authenticated:
            return _("登录后可以咨询和下单。")
        if organisation is None:
            return _("请先登记您的企业，再咨询或下单。")
        if organisation.pk == self.organisation_id:
            return _("不能向自己的机构咨询或下单。")
        if not organisation.is_enterprise:
            return _("只有企业用户可以咨询和下单。")
        if not self.is_public:
            return _("该服务机构目前不接受咨询和订单。")
        return None

    def may_engage(self, user):
        return self.engage_refusal(user) is None

    def manage_listing_refusal(self, user):
        """Why `user` may not edit or pause this institution's public listing (None: they may)."""
        if not self.organisation.can_manage(user):
            return _("只有组织负责人可以修改机构信息或暂停展示。")
        if not self.is_approved:
            return _("入驻审核通过后才能修改机构信息或暂停展示。")
        return None

    def may_manage_listing(self, user):
        return self.manage_listing_refusal(user) is None

    # Verification status, asked by the pages that show what an institution may do next.
    @property
    def is_pending(self):
        return self.status == self.Status.PENDING

    @property
    def is_rejected(self):
        return self.status == self.Status.REJECTED

    @property
    def is_approved(self):
        return self.status == self.Status.APPROVED

    @property
    def is_suspended(self):
        return self.status == self.Status.SUSPENDED

    @property
    def is_paused(self):
        """Approved, but the institution took its listing off the directory itself."""
        return self.is_approved and not self.is_active

    @property
    def median_reply_hours(self):
        if self.median_reply_seconds is None:
            return None
        return round(self.median_reply_seconds / 3600, 1)


class QualificationDocument(PrivateAttachment):
    """A licence or certificate uploaded with the application (`core.attachments.PrivateAttachment`); private,
    downloadable by staff and members."""

    upload_folder = "institutions/{institution_id}/qualifications"

    institution = models.ForeignKey(Institution, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("文件名称"), max_length=100)
    # The application stays when the person who uploaded its licence leaves.
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["uploaded_at"]
        verbose_name = _("资质文件")
        verbose_name_plural = _("资质文件")

    def get_absolute_url(self):
        return reverse("services:qualification_document", args=[self.pk])


class InstitutionEvent(WorkflowEvent):
    """The application history: every submission and every staff decision, with who, when and why."""

    STATES = Institution.Status

    institution = models.ForeignKey(Institution, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("操作人"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reason = models.TextField(_("说明"), blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("审核记录")
        verbose_name_plural = _("审核记录")

    def __str__(self):
        return f"{self.institution} {self.from_status or '—'} → {self.to_status}"


MANAGER, REVIEWER = "manager", "reviewer"


def roles_on_institution(institution, user):
    """The manager of the organisation applying (`Organisation.can_manage`) and the platform's reviewers
    (`Institution.may_review`, the named permission)."""
    roles = set()
    organisation = institution.organisation if institution.organisation_id else None
    if organisation is not None and organisation.can_manage(user):
        roles.add(MANAGER)
    if institution.may_review(user):
        roles.add(REVIEWER)
    return roles


_Status = Institution.Status

# An institution's verification, written once ("" is "no application yet"): `services.institutions` takes the
# steps, the application page asks whether one may apply.
INSTITUTION_WORKFLOW = Workflow(
    states=_Status,
    steps=[
        step({"", _Status.REJECTED}, _Status.PENDING, name="submit", who={MANAGER}, stamps=["submitted_at"]),
        step(_Status.PENDING, _Status.APPROVED, name="approve", who={REVIEWER}, stamps=["approved_at"]),
        step(_Status.PENDING, _Status.REJECTED, name="reject", who={REVIEWER}),
        step(_Status.APPROVED, _Status.SUSPENDED, name="suspend", who={REVIEWER}),
        step(_Status.SUSPENDED, _Status.APPROVED, name="reinstate", who={REVIEWER}),
    ],
    roles=roles_on_institution,
    event=InstitutionEvent,
    event_record="institution",
    event_fields=lambda move: {"actor": move.user, "reason": move.note},
    messages={
        ALREADY: _("“%(name)s”已是“%(status)s”，无需重复操作。"),
        IMPOSSIBLE: _("不能从“%(from)s”变为“%(to)s”。"),
        FORBIDDEN: _("只有平台管理员可以审核服务机构。"),
    },
)
