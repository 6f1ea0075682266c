"""IP evaluation requests (知识产权评议 / 重大经济科技活动知识产权风险评估).

A project owner files an `EvaluationRequest` before a decision (the approval of a major project, an
investment, a technology import …): an enterprise through its organisation, a department through its
responsible unit (`DepartmentMember` names the people who file for a unit). Staff holding
`evaluations.manage_requests` assign it to a listed institution that offers evaluation (the service category
"ip-evaluation"), or the owner picks one; the institution accepts and delivers a report (a private file
with a summary that may be shown publicly). The register's figures for the request's IPC fields are kept
with it as `field_analysis`, taken when it is filed (`evaluations.fields`).

Every step goes through `REQUEST_WORKFLOW` (core.workflow) and leaves a `RequestEvent`.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.attachments import PrivateAttachment, generated_name
from core.models import ActedEvent
from core.storage import private_storage
from core.workflow import FORBIDDEN, IMPOSSIBLE, Workflow, step


class Decision(models.TextChoices):
    """The decision the evaluation serves."""

    MAJOR_PROJECT = "major_project", _("重大项目审批（立项）")
    INVESTMENT = "investment", _("投资或并购")
    TECHNOLOGY_IMPORT = "technology_import", _("技术引进")
    FUNDING = "funding", _("财政资金资助")
    TALENT = "talent", _("人才引进")
    OTHER = "other", _("其他重大经济科技活动")


class DepartmentMember(models.Model):
    """A person who files evaluation requests for a responsible unit (a department), set by staff."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("用户"), on_delete=models.CASCADE, related_name="evaluation_department"
    )
    unit = models.ForeignKey(
        "reference.ResponsibleUnit", verbose_name=_("部门"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["unit__sort_order", "user__email"]
        verbose_name = _("评议申请部门人员")
        verbose_name_plural = _("评议申请部门人员")

    def __str__(self):
        return f"{self.user} ({self.unit})"


class RequestQuerySet(models.QuerySet):
    def completed(self):
        """Evaluations whose report has been delivered (and not returned for revision since)."""
        return self.filter(status__in=(EvaluationRequest.Status.DELIVERED, EvaluationRequest.Status.CLOSED))


def _report_path(instance, filename):
    return f"evaluations/{instance.pk}/report/{generated_name(filename)}"


class EvaluationRequest(models.Model):
    """One project's request for an IP evaluation; private to its owner, the assigned institution and staff
    holding `evaluations.manage_requests`."""

    class Status(models.TextChoices):
        FILED = "filed", _("已提交，待指派")
        ASSIGNED = "assigned", _("已指派，待机构接受")
        ACCEPTED = "accepted", _("评议中")
        DELIVERED = "delivered", _("报告已交付")
        CLOSED = "closed", _("已办结")

    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("申请单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    unit = models.ForeignKey(
        "reference.ResponsibleUnit",
        verbose_name=_("申请部门"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The district the evaluation is counted in: the owner organisation's (a department's: the whole city).
    district = models.ForeignKey(
        "reference.District", verbose_name=_("县区"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("提交人"), on_delete=models.PROTECT, related_name="+"
    )
    project_name = models.CharField(_("项目名称"), max_length=120)
    description = models.TextField(_("项目简介"))
    decision = models.CharField(_("评议服务的决策事项"), max_length=20, choices=Decision.choices)
    ipc_fields = models.JSONField(_("技术领域（IPC分类）"), default=list)
    deadline = models.DateField(_("希望完成日期"))
    institution = models.ForeignKey(
        "services.Institution",
        verbose_name=_("评议机构"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="evaluation_requests",
    )
    status = models.CharField(_("状态"), max_length=12, choices=Status.choices, default=Status.FILED)
    return_reason = models.TextField(_("退回原因"), blank=True)
    field_analysis = models.JSONField(_("技术领域的登记簿统计"), default=dict, blank=True)
    analysed_at = models.DateTimeField(_("统计时间"), null=True, blank=True)
    report = models.FileField(_("评议报告"), upload_to=_report_path, storage=private_storage, blank=True)
    report_name = models.CharField(_("报告原文件名"), max_length=200, blank=True)
    report_size = models.PositiveIntegerField(_("报告大小（字节）"), null=True, blank=True)
    summary = models.TextField(
        _("报告摘要"), blank=True, help_text=_("可公开的结论摘要，不含商业秘密和报告中的非公开信息")
    )
    created_at = models.DateTimeField(_("提交时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    assigned_at = models.DateTimeField(_("指派时间"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("接受时间"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("交付时间"), null=True, blank=True)
    closed_at = models.DateTimeField(_("办结时间"), null=True, blank=True)

    objects = RequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("知识产权评议申请")
        verbose_name_plural = _("知识产权评议申请")
        permissions = [("manage_requests", _("查看全部知识产权评议申请并指派评议机构"))]
        constraints = [
            models.CheckConstraint(
                condition=(Q(organisation__isnull=False) & Q(unit__isnull=True))
                | (Q(organisation__isnull=True) & Q(unit__isnull=False)),
                name="evaluations_one_owner",
            )
        ]
        indexes = [models.Index(fields=["status", "delivered_at"])]

    def __str__(self):
        return self.project_name

    def get_absolute_url(self):
        return reverse("evaluations:detail", args=[self.pk])

    @property
    def owner_name(self):
        return str(self.organisation or self.unit)

    def is_owner(self, user):
        if not user.is_authenticated:
            return False
        if self.organisation_id is not None:
            return self.organisation.is_member(user)
        department = DepartmentMember.objects.filter(user=user).first()
        return department is not None and department.unit_id == self.unit_id

    def is_assigned_to(self, user):
        return self.institution_id is not None and self.institution.is_member(user)

    @property
    def has_report(self):
        return bool(self.report)

    @property
    def is_completed(self):
        return self.status in (self.Status.DELIVERED, self.Status.CLOSED)


class Attachment(PrivateAttachment):
    """A document the owner files with the request (feasibility study, contract draft), kept privately."""

    upload_folder = "evaluations/{request_id}/attachments"

    request = models.ForeignKey(EvaluationRequest, on_delete=models.CASCADE, related_name="attachments")

    class Meta:
        ordering = ["request", "uploaded_at", "pk"]
        verbose_name = _("评议申请材料")
        verbose_name_plural = _("评议申请材料")


class Step(models.TextChoices):
    """The steps of a request, as its owner and institution read them in its record."""

    FILED = "filed", _("提交申请")
    ASSIGNED = "assigned", _("指派评议机构")
    ACCEPTED = "accepted", _("机构接受评议")
    DECLINED = "declined", _("机构退回（无法承接）")
    DELIVERED = "delivered", _("交付评议报告")
    RETURNED = "returned", _("退回报告修改")
    CLOSED = "closed", _("确认办结")


class RequestEvent(ActedEvent):
    """One step of a request: who took it and the note (a reason), shown to the owner and the institution."""

    STATES = EvaluationRequest.Status

    request = models.ForeignKey(EvaluationRequest, on_delete=models.CASCADE, related_name="events")

    class Meta(ActedEvent.Meta):
        verbose_name = _("评议申请记录")
        verbose_name_plural = _("评议申请记录")

    def __str__(self):
        return f"{self.request} {self.action}"


OWNER, INSTITUTION, MANAGER = "owner", "institution", "manager"


class Role(models.TextChoices):
    OWNER = OWNER, _("申请单位")
    INSTITUTION = INSTITUTION, _("评议机构")
    MANAGER = MANAGER, _("评议管理人员")


def roles_on_request(request, user):
    """The owner's members (or the department's people), the assigned institution's members, and staff
    holding the named permission."""
    from .access import may_manage

    roles = set()
    if not user.is_authenticated:
        return roles
    if request.is_owner(user):
        roles.add(OWNER)
    if request.is_assigned_to(user):
        roles.add(INSTITUTION)
    if may_manage(user):
        roles.add(MANAGER)
    return roles


def _notify(move, event):
    from .notifications import tell_parties

    tell_parties(move)


_S = EvaluationRequest.Status

REQUEST_WORKFLOW = Workflow(
    states=_S,
    steps=[
        # Staff assign, or the owner chooses; an institution that declines hands it back to be assigned again.
        step(_S.FILED, _S.ASSIGNED, who={MANAGER, OWNER}, stamps=["assigned_at"]),
        step(_S.ASSIGNED, _S.ACCEPTED, who={INSTITUTION}, stamps=["accepted_at"]),
        step(_S.ASSIGNED, _S.FILED, name=Step.DECLINED, who={INSTITUTION}),
        step(_S.ACCEPTED, _S.DELIVERED, who={INSTITUTION}, stamps=["delivered_at"]),
        step(_S.DELIVERED, _S.ACCEPTED, name=Step.RETURNED, who={OWNER}),
        step(_S.DELIVERED, _S.CLOSED, who={OWNER, MANAGER}, stamps=["closed_at"]),
    ],
    roles=roles_on_request,
    role_labels=Role,
    step_labels=Step,
    event=RequestEvent,
    event_record="request",
    event_fields=lambda move: {"actor": move.user, "note": move.note, "action": move.step.name},
    notify=_notify,
    messages={
        IMPOSSIBLE: _("状态为“%(from)s”的评议申请不能执行“%(action)s”。"),
        FORBIDDEN: _("您无权对该评议申请执行“%(action)s”。"),
    },
)
