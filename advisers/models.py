"""IP advisers (企业知识产权顾问队伍) and the recognition of IP engineers (知识产权工程师评聘).

An `AdviserProfile` is one person's professional profile. It is shown in the pool only while its person
has consented (`published`, withdrawable at any moment) and qualifies: a certificate of the platform's
professional training (`training.Certificate`), an accepted `InstitutionRegistration` (an institution's
owner registered them as its adviser and they accepted) or a recognised engineer title. An enterprise
sends a profile an `AdviceRequest`, which the adviser accepts or declines through `REQUEST_WORKFLOW`;
only then are the two sides' contact details shown to each other.

A `TitleRecognition` is staff's record of a title decision for one person (level, day, deciding unit,
the decision document), applied → reviewed → recognised or not recognised through
`RECOGNITION_WORKFLOW`; recognised people are counted for the targets (`advisers.statistics`).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.attachments import PrivateFile
from core.models import WorkflowEvent
from core.workflow import FORBIDDEN, IMPOSSIBLE, Workflow, step
from reference.models import District
from training.models import CourseType

# The platform's training that makes a person an IP professional (a general course does not).
PROFESSIONAL_COURSES = (CourseType.IP_ENGINEER, CourseType.PATENT_AGENT, CourseType.IP_MANAGER)


class Language(models.TextChoices):
    CHINESE = "zh", _("中文")
    ENGLISH = "en", _("英语")
    JAPANESE = "ja", _("日语")
    KOREAN = "ko", _("韩语")
    GERMAN = "de", _("德语")
    FRENCH = "fr", _("法语")
    RUSSIAN = "ru", _("俄语")


class Availability(models.TextChoices):
    OPEN = "open", _("可接受新咨询")
    LIMITED = "limited", _("时间有限，可预约")
    CLOSED = "closed", _("暂不接受新咨询")


class AdviserProfileQuerySet(models.QuerySet):
    def qualified(self):
        """Profiles whose person holds a professional certificate, an accepted institution registration or
        a recognised engineer title."""
        from training.models import Certificate

        certified = Certificate.objects.filter(holder=models.OuterRef("user"), course_type__in=PROFESSIONAL_COURSES)
        registered = InstitutionRegistration.objects.filter(
            person=models.OuterRef("user"), status=InstitutionRegistration.Status.ACCEPTED
        )
        recognised = TitleRecognition.objects.filter(
            person=models.OuterRef("user"), status=TitleRecognition.Status.RECOGNISED
        )
        return self.filter(models.Exists(certified) | models.Exists(registered) | models.Exists(recognised))

    def in_pool(self):
        """What anyone may see: consented, not withdrawn, qualified, of an active account."""
        return self.qualified().filter(published=True, user__is_active=True)


class AdviserProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("本人"), on_delete=models.CASCADE, related_name="adviser_profile"
    )
    display_name = models.CharField(_("展示姓名"), max_length=60)
    headline = models.CharField(_("职业简介"), max_length=120, help_text=_("如：专利代理师，十年化工领域代理经验"))
    expertise = models.TextField(_("专长"), help_text=_("擅长的业务与行业，会显示在顾问库中。"))
    ipc_fields = models.JSONField(_("技术领域（IPC）"), default=list, blank=True)
    languages = models.JSONField(_("工作语言"), default=list, blank=True)
    districts = models.ManyToManyField(District, verbose_name=_("服务县区"), blank=True, related_name="+")
    availability = models.CharField(
        _("可约情况"), max_length=10, choices=Availability.choices, default=Availability.OPEN
    )
    availability_note = models.CharField(_("可约说明"), max_length=200, blank=True)
    # Consent: the profile is in the pool only while `published`; each change is stamped.
    published = models.BooleanField(_("同意公开"), default=False)
    consented_at = models.DateTimeField(_("同意公开时间"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("撤回同意时间"), null=True, blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    objects = AdviserProfileQuerySet.as_manager()

    class Meta:
        ordering = ["display_name", "pk"]
        verbose_name = _("顾问资料")
        verbose_name_plural = _("顾问资料")

    def __str__(self):
        return self.display_name

    def get_absolute_url(self):
        return reverse("advisers:profile", args=[self.pk])

    def get_languages_display(self):
        return [str(Language(code).label) for code in self.languages if code in Language.values]


class InstitutionRegistration(models.Model):
    """An institution's owner registers a member as one of its advisers; the person accepts or declines."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("待本人确认")
        ACCEPTED = "accepted", _("已确认")
        DECLINED = "declined", _("本人已谢绝")

    organisation = models.ForeignKey(
        "accounts.Organisation", verbose_name=_("服务机构"), on_delete=models.CASCADE, related_name="+"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("顾问"), on_delete=models.CASCADE, related_name="+"
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("登记人"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.PROPOSED)
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)
    answered_at = models.DateTimeField(_("确认时间"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("机构登记的顾问")
        verbose_name_plural = _("机构登记的顾问")
        constraints = [models.UniqueConstraint(fields=["organisation", "person"], name="advisers_registered_once")]

    def __str__(self):
        return f"{self.person} @ {self.organisation}"

    @property
    def is_proposed(self):
        return self.status == self.Status.PROPOSED


class AdviceRequest(models.Model):
    """An enterprise asks an adviser for advice; contact details are exchanged only once accepted."""

    class Status(models.TextChoices):
        SENT = "sent", _("待顾问答复")
        ACCEPTED = "accepted", _("顾问已接受")
        DECLINED = "declined", _("顾问已谢绝")

    enterprise = models.ForeignKey(
        "accounts.Organisation", verbose_name=_("企业"), on_delete=models.CASCADE, related_name="advice_requests"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("提出人"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    adviser = models.ForeignKey(
        AdviserProfile, verbose_name=_("顾问"), on_delete=models.CASCADE, related_name="requests"
    )
    topic = models.CharField(_("咨询主题"), max_length=120)
    message = models.TextField(_("情况说明"))
    preferred_from = models.DateField(_("希望最早日期"))
    preferred_to = models.DateField(_("希望最晚日期"))
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.SENT)
    answer = models.TextField(_("顾问答复"), blank=True)
    created_at = models.DateTimeField(_("提出时间"), auto_now_add=True)
    answered_at = models.DateTimeField(_("答复时间"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("顾问咨询请求")
        verbose_name_plural = _("顾问咨询请求")

    def __str__(self):
        return self.topic

    def get_absolute_url(self):
        return reverse("advisers:request", args=[self.pk])

    @property
    def is_accepted(self):
        return self.status == self.Status.ACCEPTED

    @property
    def is_open(self):
        return self.status == self.Status.SENT


class AdviceRequestEvent(WorkflowEvent):
    STATES = AdviceRequest.Status

    request = models.ForeignKey(AdviceRequest, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    note = models.TextField(_("说明"), blank=True)

    class Meta(WorkflowEvent.Meta):
        verbose_name = _("咨询请求记录")
        verbose_name_plural = _("咨询请求记录")

    def __str__(self):
        return f"{self.request} {self.to_status}"


ADVISER, ENTERPRISE = "adviser", "enterprise"


def roles_on_request(advice_request, user):
    roles = set()
    if not user.is_authenticated:
        return roles
    if advice_request.adviser.user_id == user.pk:
        roles.add(ADVISER)
    if advice_request.enterprise.is_member(user):
        roles.add(ENTERPRISE)
    return roles


def _tell_enterprise(move, event):
    from .requests import tell_enterprise

    tell_enterprise(move)


_R = AdviceRequest.Status
REQUEST_WORKFLOW = Workflow(
    states=_R,
    steps=[
        step(_R.SENT, _R.ACCEPTED, who={ADVISER}, stamps=["answered_at"]),
        step(_R.SENT, _R.DECLINED, who={ADVISER}, stamps=["answered_at"]),
    ],
    roles=roles_on_request,
    event=AdviceRequestEvent,
    event_record="request",
    event_fields=lambda move: {"actor": move.user, "note": move.note},
    notify=_tell_enterprise,
    messages={
        IMPOSSIBLE: _("该咨询请求已答复（%(status)s），不能再改为“%(to)s”。"),
        FORBIDDEN: _("只有被咨询的顾问本人可以答复该请求。"),
    },
)


class TitleRecognition(PrivateFile):
    """One engineer-title decision (评聘) for one person, recorded by staff with its document, kept privately
    (`core.attachments.PrivateFile`: the file, its original name, type and size)."""

    upload_folder = "advisers/recognitions"

    class Level(models.TextChoices):
        ASSISTANT = "assistant", _("助理知识产权工程师")
        ENGINEER = "engineer", _("知识产权工程师")
        SENIOR = "senior", _("高级知识产权工程师")

    class Status(models.TextChoices):
        APPLIED = "applied", _("已申报")
        REVIEWED = "reviewed", _("已审核")
        RECOGNISED = "recognised", _("已评定")
        NOT_RECOGNISED = "not_recognised", _("未评定")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("本人"), on_delete=models.PROTECT, related_name="title_recognitions"
    )
    person_name = models.CharField(_("姓名"), max_length=60)
    # The person's organisation when recorded: where the recognition counts by district.
    organisation = models.ForeignKey(
        "accounts.Organisation", verbose_name=_("所在单位"), null=True, blank=True, on_delete=models.SET_NULL
    )
    level = models.CharField(_("职称级别"), max_length=10, choices=Level.choices)
    decided_on = models.DateField(_("评定日期"))
    deciding_unit = models.CharField(_("评定单位"), max_length=100)
    status = models.CharField(_("状态"), max_length=15, choices=Status.choices, default=Status.APPLIED)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("录入人"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("录入时间"), auto_now_add=True)
    reviewed_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    decided_at = models.DateTimeField(_("决定时间"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("知识产权工程师评聘")
        verbose_name_plural = _("知识产权工程师评聘")
        permissions = [("recognise_titles", _("录入与审核知识产权工程师评聘"))]

    def __str__(self):
        return f"{self.person_name} · {self.get_level_display()}"

    def get_absolute_url(self):
        return reverse("advisers:recognition", args=[self.pk])

    @property
    def is_recognised(self):
        return self.status == self.Status.RECOGNISED


class RecognitionEvent(WorkflowEvent):
    STATES = TitleRecognition.Status

    recognition = models.ForeignKey(TitleRecognition, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    note = models.TextField(_("说明"), blank=True)

    class Meta(WorkflowEvent.Meta):
        verbose_name = _("评聘记录")
        verbose_name_plural = _("评聘记录")

    def __str__(self):
        return f"{self.recognition} {self.to_status}"


MANAGER = "manager"


class RecognitionStep(models.TextChoices):
    """The steps as the buttons name them."""

    REVIEWED = "reviewed", _("审核通过")
    RECOGNISED = "recognised", _("评定")
    NOT_RECOGNISED = "not_recognised", _("不予评定")


def roles_on_recognition(recognition, user):
    from .access import may_recognise

    return {MANAGER} if may_recognise(user) else set()


_T = TitleRecognition.Status
RECOGNITION_WORKFLOW = Workflow(
    states=_T,
    steps=[
        step(_T.APPLIED, _T.REVIEWED, who={MANAGER}, stamps=["reviewed_at"]),
        step(_T.REVIEWED, _T.RECOGNISED, who={MANAGER}, stamps=["decided_at"]),
        step(_T.REVIEWED, _T.NOT_RECOGNISED, who={MANAGER}, stamps=["decided_at"]),
    ],
    roles=roles_on_recognition,
    step_labels=RecognitionStep,
    event=RecognitionEvent,
    event_record="recognition",
    event_fields=lambda move: {"actor": move.user, "note": move.note},
    messages={
        IMPOSSIBLE: _("状态为“%(from)s”的评聘记录不能执行“%(action)s”。"),
        FORBIDDEN: _("您无权办理知识产权工程师评聘。"),
    },
)
