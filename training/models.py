"""Training (培训): course pages in the Wagtail tree and the people who take them.

`CourseIndexPage` is the 培训 section below the home page; each `CoursePage` is one course with its
schedule (`CourseSession`s), capacity, fee and organiser. A person's place on a course is an
`Enrolment` (confirmed, awaiting payment, waiting, cancelled, completed), staff record `Attendance`
per session, and a completion issues a `Certificate`, the durable record the targets dashboard counts
(`training.statistics`). State changes happen only in `training.enrolments`.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from accounts.roles import MANAGE_TRAINING
from cms.blocks import BodyBlock
from core.dates import date_field_errors
from core.models import WorkflowEvent
from core.pages import RestrictionsFromCacheMixin, public_pages
from core.workflow import FORBIDDEN, IMPOSSIBLE, SYSTEM, Workflow, step
from payments.money import format_amount
from search.listing import listing_page, page_number


class CourseType(models.TextChoices):
    IP_ENGINEER = "ip_engineer", _("知识产权工程师")
    PATENT_AGENT = "patent_agent", _("专利代理人")
    IP_MANAGER = "ip_manager", _("企业知识产权管理")
    OTHER = "other", _("其他")


# The middle part of a certificate number: LYG-IPE-2026-00042.
CERTIFICATE_CODES = {
    CourseType.IP_ENGINEER: "IPE",
    CourseType.PATENT_AGENT: "PA",
    CourseType.IP_MANAGER: "IPM",
    CourseType.OTHER: "GEN",
}


# Paths under /training/ that training.urls serves, and the course list's feed; a course page must not take
# them as its slug.
RESERVED_SLUGS = {"mine", "courses", "enrolments", "certificates", "rss"}


def fen_to_yuan(fen):
    return f"{fen / 100:,.2f}"


class CourseIndexPage(RestrictionsFromCacheMixin, RoutablePageMixin, Page):
    """The 培训 section: lists upcoming and past courses with filters, through the search index (see
    `training.forms.CourseFilterForm`), and an RSS feed of the current filter at `rss/`."""

    intro = RichTextField(_("导语"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["training.CoursePage"]
    max_count = 1

    PER_PAGE = 10

    class Meta:
        verbose_name = _("培训栏目")

    def filtered_courses(self, data, page=1, per_page=PER_PAGE, request=None):
        """The filter form bound to `data` (a query string) and one page of the courses it selects: what the
        list shows and what its feed holds."""
        from .forms import CourseFilterForm

        form = CourseFilterForm(data or None)
        search = form.search_query(self, page=page, per_page=per_page)
        courses = public_pages(CoursePage.objects.child_of(self).live(), request).for_listing()
        return form, listing_page(search, {"course": courses})

    @path("rss/")
    def rss_feed(self, request):
        from .feeds import CourseFeed

        return CourseFeed(self, filters=request.GET)(request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form, page_obj = self.filtered_courses(request.GET, page=page_number(request.GET.get("page")), request=request)
        query = request.GET.copy()
        query.pop("page", None)
        context.update(filter_form=form, page_obj=page_obj, courses=page_obj.object_list, query=query.urlencode())
        return context


class CoursePageQuerySet(PageQuerySet):
    def upcoming(self):
        """Live courses that have not started yet, soonest first (the home page shows these)."""
        return public_pages(self.live()).filter(starts_at__gt=timezone.now(), is_cancelled=False).order_by("starts_at")

    def for_listing(self):
        """With the organiser and the number of places taken, so a list costs a fixed number of queries."""
        return self.select_related("organiser_organisation").annotate(
            places_taken=Count("enrolments", filter=Q(enrolments__status__in=Enrolment.TAKING_A_PLACE))
        )


CoursePageManager = PageManager.from_queryset(CoursePageQuerySet)


class CoursePage(RestrictionsFromCacheMixin, Page):
    """One course. Enrolments, attendance and certificates hang off it (see `Enrolment`)."""

    course_type = models.CharField(_("培训类型"), max_length=20, choices=CourseType.choices)
    summary = models.TextField(_("简介"), max_length=500, help_text=_("列表中显示的一两句话。"))
    body = StreamField(BodyBlock(), verbose_name=_("课程详情"), blank=True)
    starts_at = models.DateTimeField(_("开始时间"))
    ends_at = models.DateTimeField(_("结束时间"))
    is_online = models.BooleanField(_("线上课程"), default=False)
    venue = models.CharField(_("上课地点"), max_length=200, blank=True)
    online_url = models.URLField(_("线上课堂链接"), blank=True, help_text=_("只向已报名的学员显示。"))
    capacity = models.PositiveIntegerField(_("名额"))
    fee = models.PositiveIntegerField(
        _("费用（分）"), default=0, help_text=_("以分为单位，0 为免费；例如 80000 即 800.00 元。")
    )
    organiser_organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("主办机构"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="courses",
        limit_choices_to={"kind": "institution"},
    )
    organiser_name = models.CharField(
        _("主办单位（文字）"), max_length=100, blank=True, help_text=_("主办方不是平台上的服务机构时填写。")
    )
    contact = models.CharField(_("咨询方式"), max_length=100, blank=True)
    is_cancelled = models.BooleanField(_("已取消"), default=False, editable=False)

    objects = CoursePageManager()

    content_panels = [
        *Page.content_panels,
        FieldPanel("course_type"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]), InlinePanel("sessions", label=_("课时"))],
            heading=_("日程"),
        ),
        MultiFieldPanel([FieldPanel("is_online"), FieldPanel("venue"), FieldPanel("online_url")], heading=_("地点")),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("capacity"), FieldPanel("fee")])],
            heading=_("名额与费用"),
        ),
        MultiFieldPanel(
            [FieldPanel("organiser_organisation"), FieldPanel("organiser_name"), FieldPanel("contact")],
            heading=_("主办方"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("venue"),
        index.SearchField("organiser_name"),
        index.FilterField("course_type"),
        index.FilterField("starts_at"),
        index.FilterField("is_online"),
        index.FilterField("fee"),
    ]

    parent_page_types = ["training.CourseIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("培训课程")
        verbose_name_plural = _("培训课程")

    def clean(self):
        super().clean()
        errors = date_field_errors(self, ("starts_at", "ends_at"), ahead=True)
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            errors["ends_at"] = _("结束时间不能早于开始时间。")
        if self.is_online and not self.online_url:
            errors["online_url"] = _("线上课程请填写线上课堂链接。")
        if not self.is_online and not self.venue:
            errors["venue"] = _("线下课程请填写上课地点。")
        if self.slug in RESERVED_SLUGS:
            # /training/<these>/ belong to training.urls, which Django resolves before Wagtail, or to the
            # section's own route.
            errors["slug"] = _("该地址已被平台占用，请换一个。")
        if not self.organiser_organisation_id and not self.organiser_name:
            errors["organiser_name"] = _("请选择主办机构或填写主办单位。")
        if errors:
            raise ValidationError(errors)

    # --- What a visitor sees --------------------------------------------------------------------

    @property
    def organiser(self):
        return self.organiser_organisation.name if self.organiser_organisation else self.organiser_name

    @property
    def is_free(self):
        return self.fee == 0

    @property
    def fee_yuan(self):
        return fen_to_yuan(self.fee)

    @property
    def fee_display(self):
        """The fee in the configured currency (PAYMENT_CURRENCY): '¥800.00'."""
        return format_amount(self.fee)

    @property
    def has_started(self):
        return self.starts_at <= timezone.now()

    def taken_places(self):
        annotated = getattr(self, "places_taken", None)
        if annotated is not None:
            return annotated
        return self.enrolments.filter(status__in=Enrolment.TAKING_A_PLACE).count()

    def places_left(self):
        return max(self.capacity - self.taken_places(), 0)

    @property
    def is_full(self):
        return self.places_left() == 0

    @property
    def accepts_enrolment(self):
        return not self.is_cancelled and not self.has_started

    def may_join_online(self, user):
        """The online classroom's link is for participants with a confirmed place."""
        if not self.is_online or not user.is_authenticated:
            return False
        return self.enrolments.filter(user=user, status=Enrolment.Status.CONFIRMED).exists()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sessions"] = self.sessions.all()
        context["places_left"] = self.places_left()
        enrolment = None
        if request.user.is_authenticated:
            enrolment = Enrolment.objects.active().filter(course=self, user=request.user).first()
        context["enrolment"] = enrolment
        context["waiting_position"] = enrolment.waiting_position() if enrolment and enrolment.is_waiting else None
        context["waiting_count"] = self.enrolments.filter(status=Enrolment.Status.WAITING).count()
        return context


class CourseSession(Orderable):
    """One session (课时) of a course; attendance is recorded per session."""

    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(
        _("课时名称"), max_length=100, blank=True, help_text=_("留空时按日期称呼，例如“第1天上午”。")
    )
    starts_at = models.DateTimeField(_("开始时间"))
    ends_at = models.DateTimeField(_("结束时间"))

    panels = [FieldPanel("title"), FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")])]

    class Meta(Orderable.Meta):
        verbose_name = _("课时")
        verbose_name_plural = _("课时")

    def __str__(self):
        return str(self.label)

    @property
    def label(self):
        """The title an editor gave, or the day of the course and the part of the day, in the reader's
        language (a title written by hand is content and stays as written)."""
        if self.title:
            return self.title
        start = timezone.localtime(self.starts_at)
        day = (start.date() - timezone.localtime(self.course.starts_at).date()).days + 1
        if start.hour < 12:
            return _("第%(day)s天上午") % {"day": day}
        if start.hour < 18:
            return _("第%(day)s天下午") % {"day": day}
        return _("第%(day)s天晚上") % {"day": day}

    def clean(self):
        super().clean()
        errors = date_field_errors(self, ("starts_at", "ends_at"), ahead=True)
        if errors:
            raise ValidationError(errors)


def may_manage_training(user):
    """Rosters, attendance, completions, certificates and anyone's enrolment: the training managers' job."""
    return user.is_authenticated and user.has_perm(MANAGE_TRAINING)


class EnrolmentQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=Enrolment.ACTIVE)

    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        if may_manage_training(user):
            return self
        return self.filter(user=user)

    def waiting(self):
        return self.filter(status=Enrolment.Status.WAITING).order_by("waitlisted_at", "pk")

    def waiting_positions(self, enrolments):
        """{enrolment pk: place in its course's waiting list (1 = next)} in one query."""
        course_ids = {e.course_id for e in enrolments if e.is_waiting}
        positions, counters = {}, {}
        for pk, course_id in self.waiting().filter(course_id__in=course_ids).values_list("pk", "course_id"):
            counters[course_id] = counters.get(course_id, 0) + 1
            positions[pk] = counters[course_id]
        return positions


class Enrolment(models.Model):
    """A person's place on a course, or their place in its waiting list."""

    class Status(models.TextChoices):
        AWAITING_PAYMENT = "awaiting_payment", _("待付款")
        CONFIRMED = "confirmed", _("已报名")
        WAITING = "waiting", _("候补中")
        COMPLETED = "completed", _("已结业")
        CANCELLED = "cancelled", _("已取消")
        EXPIRED = "expired", _("付款超时")

    # Statuses that hold one of the course's places.
    TAKING_A_PLACE = (Status.AWAITING_PAYMENT, Status.CONFIRMED, Status.COMPLETED)
    # Statuses whose attendance is recorded.
    ATTENDING = (Status.CONFIRMED, Status.COMPLETED)
    # Statuses that count as "enrolled" for the doubled-enrolment rule.
    ACTIVE = (*TAKING_A_PLACE, Status.WAITING)
    course = models.ForeignKey(CoursePage, verbose_name=_("课程"), on_delete=models.CASCADE, related_name="enrolments")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("学员"), on_delete=models.PROTECT, related_name="enrolments"
    )
    # The organisation the person acted for when enrolling: completions are counted by its district.
    organisation = models.ForeignKey(
        "accounts.Organisation", verbose_name=_("所在单位"), null=True, blank=True, on_delete=models.SET_NULL
    )
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices)
    created_at = models.DateTimeField(_("报名时间"), auto_now_add=True)
    waitlisted_at = models.DateTimeField(_("候补时间"), null=True, blank=True)
    hold_expires_at = models.DateTimeField(_("名额保留至"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("确认时间"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("取消时间"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    completed_at = models.DateTimeField(_("结业时间"), null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The payment that confirmed a paid course's place; refunded when the person cancels.
    payment = models.ForeignKey(
        "payments.Payment", verbose_name=_("付款"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        ordering = ["course", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["course", "user"],
                condition=Q(status__in=["awaiting_payment", "confirmed", "waiting", "completed"]),
                name="training_one_active_enrolment_per_person",
                violation_error_message=_("您已报名该课程。"),
            )
        ]
        indexes = [models.Index(fields=["course", "status"])]
        verbose_name = _("报名")
        verbose_name_plural = _("报名")
        permissions = [("manage_training", _("管理培训报名名单、考勤、结业与证书"))]

    def __str__(self):
        return f"{self.user} · {self.course.title} · {self.get_status_display()}"

    def get_absolute_url(self):
        return self.course.url

    @property
    def is_waiting(self):
        return self.status == self.Status.WAITING

    @property
    def is_awaiting_payment(self):
        return self.status == self.Status.AWAITING_PAYMENT

    @property
    def is_confirmed(self):
        return self.status == self.Status.CONFIRMED

    @property
    def is_completed(self):
        return self.status == self.Status.COMPLETED

    @property
    def takes_attendance(self):
        """Attendance is kept for those holding a confirmed place, and kept on once they have completed."""
        return self.status in self.ATTENDING

    @property
    def may_be_completed(self):
        """A confirmed participant may be marked as completed once the course has begun."""
        return ENROLMENT_WORKFLOW.allows(self, self.Status.COMPLETED) and self.course.has_started

    def cancel_refusal(self, user):
        """Why `user` may not cancel this enrolment (None: they may); `training.enrolments.cancel` asks it."""
        manager = may_manage_training(user)
        if user.pk != self.user_id and not manager:
            return _("您不能取消他人的报名。")
        if not ENROLMENT_WORKFLOW.allows(self, self.Status.CANCELLED):
            return _("该报名已是“%(status)s”状态。") % {"status": self.get_status_display()}
        if not self.is_waiting and self.course.has_started and not manager:
            return _("课程已开课，不能再取消报名。")
        return None

    def may_cancel(self, user):
        return self.cancel_refusal(user) is None

    def waiting_position(self):
        """1 for the first person on the waiting list."""
        if not self.is_waiting:
            return None
        earlier = Enrolment.objects.waiting().filter(course_id=self.course_id)
        earlier = earlier.filter(
            Q(waitlisted_at__lt=self.waitlisted_at) | Q(waitlisted_at=self.waitlisted_at, pk__lt=self.pk)
        )
        return earlier.count() + 1


class EnrolmentEvent(WorkflowEvent):
    """One change of an enrolment's status: who made it (none when the system did) and when."""

    STATES = Enrolment.Status

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("操作人"), on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("报名记录")
        verbose_name_plural = _("报名记录")

    def __str__(self):
        return f"{self.enrolment} {self.from_status or '—'} → {self.to_status}"


PARTICIPANT, MANAGER = "participant", "manager"


def roles_on_enrolment(enrolment, user):
    """The person enrolled, and the training managers (`may_manage_training`, the named permission)."""
    roles = set()
    if user.is_authenticated and user.pk == enrolment.user_id:
        roles.add(PARTICIPANT)
    if may_manage_training(user):
        roles.add(MANAGER)
    return roles


_E = Enrolment.Status

# Every change of an enrolment, written once: `training.enrolments` takes the steps (promotion from the waiting
# list, a payment, a hold running out are the system's), the roster and the course page ask them.
ENROLMENT_WORKFLOW = Workflow(
    states=_E,
    steps=[
        step(_E.WAITING, _E.CONFIRMED, who={SYSTEM}, stamps=["confirmed_at"]),
        step(_E.WAITING, _E.AWAITING_PAYMENT, who={SYSTEM}),
        # A payment arriving after the hold ran out still confirms if a place is free.
        step({_E.AWAITING_PAYMENT, _E.EXPIRED}, _E.CONFIRMED, who={SYSTEM}, stamps=["confirmed_at"]),
        step(_E.AWAITING_PAYMENT, _E.EXPIRED, who={SYSTEM}),
        step(
            {_E.WAITING, _E.AWAITING_PAYMENT, _E.CONFIRMED},
            _E.CANCELLED,
            who={PARTICIPANT, MANAGER, SYSTEM},
            stamps=["cancelled_at"],
        ),
        step(_E.CONFIRMED, _E.COMPLETED, who={MANAGER}, stamps=["completed_at"]),
    ],
    roles=roles_on_enrolment,
    event=EnrolmentEvent,
    event_record="enrolment",
    event_fields=lambda move: {"actor": move.user},
    messages={IMPOSSIBLE: _("报名状态“%(from)s”不能变为“%(to)s”。"), FORBIDDEN: _("您无权对该报名执行此操作。")},
)


class Attendance(models.Model):
    """Whether a participant attended one session (or the whole course when it has no sessions)."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="attendances")
    session = models.ForeignKey(CourseSession, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    present = models.BooleanField(_("出勤"), default=False)
    recorded_at = models.DateTimeField(_("记录时间"), auto_now=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "session"], name="training_attendance_once_per_session"),
            models.UniqueConstraint(
                fields=["enrolment"], condition=Q(session__isnull=True), name="training_attendance_once_per_course"
            ),
        ]
        verbose_name = _("出勤")
        verbose_name_plural = _("出勤")

    def __str__(self):
        return f"{self.enrolment_id} · {self.session_id or '-'} · {self.present}"


class CertificateQuerySet(models.QuerySet):
    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        if may_manage_training(user):
            return self
        return self.filter(holder=user)


class Certificate(models.Model):
    """The record a completion issues: number, person, course, date. It outlives the course page."""

    number = models.CharField(_("证书编号"), max_length=30, unique=True)
    enrolment = models.OneToOneField(
        Enrolment, null=True, blank=True, on_delete=models.SET_NULL, related_name="certificate"
    )
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("持证人"), on_delete=models.PROTECT, related_name="certificates"
    )
    holder_name = models.CharField(_("姓名"), max_length=60)
    organisation = models.ForeignKey(
        "accounts.Organisation", verbose_name=_("所在单位"), null=True, blank=True, on_delete=models.SET_NULL
    )
    course = models.ForeignKey(
        CoursePage, verbose_name=_("课程"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    course_title = models.CharField(_("课程名称"), max_length=255)
    course_type = models.CharField(_("培训类型"), max_length=20, choices=CourseType.choices)
    organiser = models.CharField(_("主办单位"), max_length=100, blank=True)
    issued_on = models.DateField(_("发证日期"))
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on", "-number"]
        indexes = [models.Index(fields=["course_type", "issued_on"])]
        verbose_name = _("结业证书")
        verbose_name_plural = _("结业证书")

    def __str__(self):
        return f"{self.number} · {self.holder_name}"

    def get_absolute_url(self):
        return reverse("training:certificate", args=[self.number])


class CertificateSequence(models.Model):
    """The last number issued per course type and year, locked while a number is taken."""

    course_type = models.CharField(max_length=20, choices=CourseType.choices)
    year = models.PositiveIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["course_type", "year"], name="training_one_sequence_per_year")]

    def __str__(self):
        return f"{self.course_type} {self.year}: {self.last_number}"
