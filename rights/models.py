"""Rights-protection cases: assistance requests (维权援助) and infringement reports (举报投诉).

A `Case` is submitted by an enterprise (assistance) or by anyone, even anonymously (report). Staff who
belong to a `ResponsibleUnit` through a `Handler` row handle the cases currently assigned to their unit;
rights administrators (holders of `rights.administer_cases`: the group 维权管理员, and superusers) see and
route every case; handlers hold `rights.handle_cases` (the group 维权办理人员) and a `Handler` row. Each
change of a case is a `CaseStep` (who, when, from, to, internal note, public message), written only by
the domain functions in `rights/cases.py` through `CASE_WORKFLOW` below. `CaseNote`s are internal
and never shown to the submitter. `Evidence` files are stored privately. Every e-mail about a case is a
`Notification` row, so a failed one is re-sent later (`rights/notifications.py`).
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.roles import ADMINISTER_RIGHTS_CASES, HANDLE_RIGHTS_CASES, holders_of
from core.attachments import PrivateFile
from core.models import WorkflowEvent
from core.workflow import FORBIDDEN, IMPOSSIBLE, Workflow, step
from reference.models import District, ResponsibleUnit


def is_rights_admin(user):
    # has_perm caches the user's permissions for the request; superusers hold every permission.
    return user.is_authenticated and user.is_active and user.has_perm(ADMINISTER_RIGHTS_CASES)


def handler_unit(user):
    """The responsible unit `user` handles cases for, or None: the permission and an active `Handler` row."""
    if not (user.is_authenticated and user.is_active and user.has_perm(HANDLE_RIGHTS_CASES)):
        return None
    if not hasattr(user, "_rights_unit"):
        handler = Handler.objects.filter(user=user, is_active=True).select_related("unit").first()
        user._rights_unit = handler.unit if handler else None
    return user._rights_unit


def is_rights_staff(user):
    return is_rights_admin(user) or handler_unit(user) is not None


class HandlerQuerySet(models.QuerySet):
    def on_duty(self):
        """Handlers who may be given cases now: active rows of active users holding `rights.handle_cases`."""
        return self.filter(is_active=True, user__is_active=True, user__in=holders_of(HANDLE_RIGHTS_CASES))


class Handler(models.Model):
    """A staff user's membership of the responsible unit whose cases they handle (one unit per person)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("用户"), on_delete=models.CASCADE, related_name="rights_handler"
    )
    unit = models.ForeignKey(
        ResponsibleUnit, verbose_name=_("责任单位"), on_delete=models.PROTECT, related_name="rights_handlers"
    )
    is_active = models.BooleanField(_("在岗"), default=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    objects = HandlerQuerySet.as_manager()

    class Meta:
        ordering = ["unit__sort_order", "user__name"]
        verbose_name = _("案件办理人")
        verbose_name_plural = _("案件办理人")

    def __str__(self):
        return f"{self.user} ({self.unit})"


class Category(models.TextChoices):
    PATENT = "patent", _("专利侵权")
    TRADEMARK = "trademark", _("假冒商标")
    COPYRIGHT = "copyright", _("盗版侵权")
    ONLINE = "online", _("网络侵权")
    CUSTOMS = "customs", _("进出口（海关）")


# The unit that usually takes each category, offered as the default when a case is assigned.
DEFAULT_UNIT_CODES = {
    Category.PATENT: "kejiju",
    Category.TRADEMARK: "gongshangju",
    Category.COPYRIGHT: "wenguangxinju",
    Category.ONLINE: "gonganju",
    Category.CUSTOMS: "haiguan",
}


class Status(models.TextChoices):
    RECEIVED = "received", _("已接收")
    ACCEPTED = "accepted", _("已受理")
    DECLINED = "declined", _("不予受理")
    TRANSFERRED = "transferred", _("已转办")
    IN_PROGRESS = "in_progress", _("办理中")
    CLOSED = "closed", _("已办结")


OPEN_STATUSES = (Status.RECEIVED, Status.ACCEPTED, Status.TRANSFERRED, Status.IN_PROGRESS)
FINAL_STATUSES = (Status.DECLINED, Status.CLOSED)


class Action(models.TextChoices):
    SUBMIT = "submit", _("提交")
    ASSIGN = "assign", _("分派")
    ACCEPT = "accept", _("受理")
    DECLINE = "decline", _("不予受理")
    TRANSFER = "transfer", _("转办")
    START = "start", _("开始办理")
    CLOSE = "close", _("办结")
    MESSAGE = "message", _("答复")


ADMIN, ROUTER, HANDLER = "admin", "router", "handler"


def roles_on_case(case, user):
    """A rights administrator (the named permission; before a unit is named, only routing is theirs to do),
    or a handler of the unit the case is with (`handler_unit`)."""
    if is_rights_admin(user):
        return {ADMIN} if case.unit_id else {ROUTER}
    unit = handler_unit(user)
    return {HANDLER} if unit is not None and case.unit_id == unit.pk else set()


def _case_step_fields(move):
    return {
        "action": move.step.name,
        "from_unit": move.extra.get("from_unit"),
        "to_unit": move.record.unit,
        "handler": move.record.handler,
        "actor": move.user,
        "note": move.note,
        "public_message": (move.extra.get("public_message") or "").strip(),
    }


_ANYONE_HANDLING = {ADMIN, ROUTER, HANDLER}
_HANDLING = {ADMIN, HANDLER}

# Each action on a case: the statuses it may start from, the status it leads to (None keeps the status) and
# who may take it. Written once: `rights.cases` takes the steps and offers them; every step is a `CaseStep`.
CASE_WORKFLOW = Workflow(
    states=Status,
    step_labels=Action,
    steps=[
        step(OPEN_STATUSES, None, name=Action.ASSIGN, who=_ANYONE_HANDLING),
        step({Status.RECEIVED, Status.TRANSFERRED}, Status.ACCEPTED, name=Action.ACCEPT, who=_HANDLING),
        step(
            {Status.RECEIVED, Status.TRANSFERRED},
            Status.DECLINED,
            name=Action.DECLINE,
            who=_ANYONE_HANDLING,
            stamps=["closed_at"],
        ),
        step(OPEN_STATUSES, Status.TRANSFERRED, name=Action.TRANSFER, who=_HANDLING),
        step({Status.ACCEPTED}, Status.IN_PROGRESS, name=Action.START, who=_HANDLING),
        step(
            {Status.ACCEPTED, Status.IN_PROGRESS}, Status.CLOSED, name=Action.CLOSE, who=_HANDLING, stamps=["closed_at"]
        ),
        step(OPEN_STATUSES, None, name=Action.MESSAGE, who=_ANYONE_HANDLING),
    ],
    roles=roles_on_case,
    stamps=["last_step_at"],
    event="rights.CaseStep",
    event_record="case",
    event_fields=_case_step_fields,
    messages={
        IMPOSSIBLE: _("案件当前状态为“%(status)s”，不能执行“%(action)s”。"),
        FORBIDDEN: _("您无权对该案件执行此操作。"),
    },
)


class Outcome(models.TextChoices):
    PENALISED = "penalised", _("认定侵权，已行政处罚")
    ORDERED_TO_STOP = "ordered_to_stop", _("认定侵权，责令停止侵权")
    GOODS_DETAINED = "goods_detained", _("认定侵权，扣留侵权货物")
    MEDIATED = "mediated", _("认定侵权，调解结案")
    REFERRED = "referred", _("涉嫌犯罪，移送司法机关")
    ASSISTED = "assisted", _("已提供维权援助")
    NOT_INFRINGING = "not_infringing", _("不构成侵权")
    INSUFFICIENT_EVIDENCE = "insufficient_evidence", _("证据不足")
    WITHDRAWN = "withdrawn", _("申请人撤回")


# Outcomes that establish an infringement: such closed cases form the infringement register.
ESTABLISHING_OUTCOMES = (
    Outcome.PENALISED,
    Outcome.ORDERED_TO_STOP,
    Outcome.GOODS_DETAINED,
    Outcome.MEDIATED,
    Outcome.REFERRED,
)


class HelpWanted(models.TextChoices):
    CONSULTATION = "consultation", _("法律咨询")
    INFRINGEMENT_ANALYSIS = "analysis", _("侵权判定分析")
    EVIDENCE = "evidence", _("证据保全指导")
    REFERRAL = "referral", _("推荐维权服务机构或律师")
    ADMINISTRATIVE = "administrative", _("协调行政执法")
    LITIGATION = "litigation", _("诉讼、仲裁援助")
    FOREIGN = "foreign", _("涉外纠纷应对")


class CaseQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Cases whose details (including the submitter's personal data) `user` may read.

        Administrators: all. A handler: only the cases currently assigned to their unit; after a
        transfer the previous unit loses access to the case altogether.
        """
        if is_rights_admin(user):
            return self
        unit = handler_unit(user)
        if unit is None:
            return self.none()
        return self.filter(unit=unit)

    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def stale(self, now=None):
        """Open cases with no step for more than RIGHTS_STALE_AFTER_DAYS days."""
        limit = (now or timezone.now()) - timedelta(days=settings.RIGHTS_STALE_AFTER_DAYS)
        return self.open().filter(last_step_at__lt=limit)

    def infringement_register(self):
        return self.filter(status=Status.CLOSED, outcome__in=ESTABLISHING_OUTCOMES)


class Case(models.Model):
    class Kind(models.TextChoices):
        ASSISTANCE = "assistance", _("维权援助申请")
        REPORT = "report", _("侵权举报投诉")

    kind = models.CharField(_("类型"), max_length=12, choices=Kind.choices)
    tracking_number = models.CharField(_("受理编号"), max_length=20, unique=True, editable=False)
    # Anonymous reports: a password-style hash of the secret given once to the submitter.
    secret_hash = models.CharField(max_length=128, blank=True, editable=False)
    # The form the report was sent from: sending the same form again finds this case instead of a second.
    submission_key = models.CharField(max_length=32, null=True, blank=True, unique=True, editable=False)
    category = models.CharField(_("类别"), max_length=12, choices=Category.choices)
    status = models.CharField(_("状态"), max_length=12, choices=Status.choices, default=Status.RECEIVED)

    # What happened
    ip_right = models.CharField(
        _("涉及的知识产权"), max_length=200, blank=True, help_text=_("如商标名称及注册号、专利号、作品名称。")
    )
    infringer = models.CharField(_("侵权方 / 对方当事人"), max_length=200)
    infringer_details = models.CharField(
        _("侵权方地址或网址"), max_length=300, blank=True, help_text=_("地址、店铺名称、网店或网站链接等。")
    )
    place = models.CharField(_("发生地点"), max_length=200, blank=True)
    occurred_on = models.DateField(_("发生时间"), null=True, blank=True)
    district = models.ForeignKey(
        District, verbose_name=_("所在县区"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    description = models.TextField(_("情况说明"))
    # Assistance requests
    help_wanted = models.CharField(_("需要的援助"), max_length=16, choices=HelpWanted.choices, blank=True)
    deadline = models.DateField(_("期限"), null=True, blank=True, help_text=_("如开庭日期、答辩或举证期限。"))
    deadline_note = models.CharField(_("期限说明"), max_length=200, blank=True)

    # Who submitted it: personal data, visible only to the handlers of the case and administrators.
    submitter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("提交人账户"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="rights_cases",
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("申请企业"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="rights_cases",
    )
    contact_name = models.CharField(_("联系人"), max_length=60, blank=True)
    contact_phone = models.CharField(_("联系电话"), max_length=30, blank=True)
    contact_email = models.EmailField(_("联系邮箱"), blank=True)
    submitted_from = models.GenericIPAddressField(_("提交地址"), null=True, blank=True)

    # Handling
    unit = models.ForeignKey(
        ResponsibleUnit,
        verbose_name=_("承办单位"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rights_cases",
    )
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("承办人"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="rights_handled_cases",
    )
    outcome = models.CharField(_("办理结果"), max_length=24, choices=Outcome.choices, blank=True)
    outcome_summary = models.TextField(_("结果说明"), blank=True)
    created_at = models.DateTimeField(_("提交时间"), default=timezone.now, db_index=True)
    last_step_at = models.DateTimeField(_("最近办理时间"), default=timezone.now, db_index=True)
    closed_at = models.DateTimeField(_("办结时间"), null=True, blank=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("维权案件")
        verbose_name_plural = _("维权案件")
        indexes = [models.Index(fields=["status", "unit"]), models.Index(fields=["category", "status"])]
        permissions = [
            ("administer_cases", _("查看并分派全部维权案件，管理办理人员")),
            ("handle_cases", _("办理本单位的维权案件")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="closed") | ~Q(outcome=""), name="rights_closed_case_has_outcome"
            ),
        ]

    def __str__(self):
        return f"{self.tracking_number} {self.get_category_display()}"

    def get_absolute_url(self):
        return reverse("rights:case_detail", args=[self.pk])

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    @property
    def is_anonymous(self):
        return self.submitter_id is None

    @property
    def is_stale(self):
        limit = timezone.now() - timedelta(days=settings.RIGHTS_STALE_AFTER_DAYS)
        return self.is_open and self.last_step_at < limit

    @property
    def establishes_infringement(self):
        return self.status == Status.CLOSED and self.outcome in ESTABLISHING_OUTCOMES

    @property
    def age_days(self):
        return (timezone.now() - self.created_at).days

    @property
    def suggested_unit_code(self):
        return DEFAULT_UNIT_CODES.get(self.category)


class Evidence(PrivateFile):
    """A file the submitter attached (`core.attachments.PrivateFile`); private, served only to those who may read
    the case."""

    upload_folder = "rights/evidence/{case_id}"

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="evidence")
    # A fingerprint taken on arrival, so the evidence can later be shown to be unchanged.
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("证据材料")
        verbose_name_plural = _("证据材料")

    def __str__(self):
        return self.original_name

    @property
    def is_image(self):
        return self.content_type.startswith("image/")


class CaseStep(WorkflowEvent):
    """One recorded step of a case: the submission, each assignment, transition and public reply."""

    STATES = Status

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="steps")
    action = models.CharField(_("操作"), max_length=10, choices=Action.choices)
    from_unit = models.ForeignKey(
        ResponsibleUnit, verbose_name=_("原承办单位"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    to_unit = models.ForeignKey(
        ResponsibleUnit, verbose_name=_("承办单位"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("承办人"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("操作人"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.TextField(_("内部说明"), blank=True)
    public_message = models.TextField(_("对提交人的答复"), blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("办理记录")
        verbose_name_plural = _("办理记录")

    def __str__(self):
        return f"{self.case.tracking_number}: {self.get_action_display()}"


class CaseNote(models.Model):
    """An internal note by a handler; never shown to the submitter."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    author_unit = models.ForeignKey(ResponsibleUnit, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    text = models.TextField(_("内部备注"))
    created_at = models.DateTimeField(_("时间"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("内部备注")
        verbose_name_plural = _("内部备注")

    def __str__(self):
        return f"{self.case.tracking_number}: {self.text[:30]}"


class Notification(models.Model):
    """An e-mail about a case, kept until it is sent so that a failing mail server loses nothing."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notifications")
    step = models.ForeignKey(CaseStep, on_delete=models.CASCADE, null=True, blank=True, related_name="notifications")
    recipient = models.EmailField(_("收件人"))
    template = models.CharField(_("模板"), max_length=80)
    context = models.JSONField(_("内容"), default=dict)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    sent_at = models.DateTimeField(_("发送时间"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("尝试次数"), default=0)
    last_attempt_at = models.DateTimeField(_("最近尝试"), null=True, blank=True)
    last_error = models.TextField(_("最近错误"), blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("通知邮件")
        verbose_name_plural = _("通知邮件")
        indexes = [models.Index(fields=["sent_at", "attempts"])]

    def __str__(self):
        return f"{self.recipient}: {self.template}"
