"""Copyright filing (作品登记, 转让合同备案 / 许可合同备案): what applicants file and the unit examines.

A `Filing` is one application to the responsible unit (市文广新局): a work registration, or the filing of a
contract transferring or licensing a work's rights (a work registered here, or one the applicant
describes). It belongs to the person who filed it and, when filed for an organisation, to the
organisation's members; it is examined by the unit's `Examiner`s (people holding
`copyrights.examine_filing` with a row naming their unit). Every step goes through `FILING_WORKFLOW`
(core.workflow) and leaves a `FilingEvent`. Approval gives the filing its registration number
(`copyrights.numbers`), from which the certificate PDF is drawn and which anyone may verify; approved
works are public records (search, list, sitemap, feed). The file (a work's sample, a contract) is private;
only a re-encoded preview of an image sample is shown publicly, and only once the work is approved.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.attachments import PrivateFile
from core.models import ActedEvent
from core.storage import private_storage
from core.workflow import FORBIDDEN, IMPOSSIBLE, Workflow, step
from reference.models import ResponsibleUnit

# The responsible unit the plan names for 完善作品登记和转让合同备案制度 (reference data).
UNIT_CODE = "wenguangxinju"


class WorkType(models.TextChoices):
    """The categories of works of the Copyright Law (著作权法第三条) as the registration form lists them."""

    TEXT = "text", _("文字作品")
    MUSIC = "music", _("音乐作品")
    DRAMA = "drama", _("戏剧作品")
    QUYI = "quyi", _("曲艺作品")
    DANCE = "dance", _("舞蹈作品")
    ACROBATICS = "acrobatics", _("杂技艺术作品")
    FINE_ART = "fine_art", _("美术作品")
    ARCHITECTURE = "architecture", _("建筑作品")
    PHOTOGRAPHY = "photography", _("摄影作品")
    AUDIOVISUAL = "audiovisual", _("视听作品")
    DESIGN_DRAWING = "design_drawing", _("工程设计图、产品设计图")
    MAP = "map", _("地图、示意图")
    MODEL = "model", _("模型作品")
    SOFTWARE = "software", _("计算机软件")
    OTHER = "other", _("其他作品")


class Kind(models.TextChoices):
    WORK = "work", _("作品登记")
    TRANSFER = "transfer", _("转让合同备案")
    LICENCE = "licence", _("许可合同备案")


CONTRACT_KINDS = (Kind.TRANSFER, Kind.LICENCE)


class Status(models.TextChoices):
    SUBMITTED = "submitted", _("已提交")
    EXAMINING = "examining", _("审查中")
    CORRECTION = "correction", _("待补正")
    APPROVED = "approved", _("已登记")
    REFUSED = "refused", _("不予登记")


class FilingQuerySet(models.QuerySet):
    def works(self):
        return self.filter(kind=Kind.WORK)

    def contracts(self):
        return self.filter(kind__in=CONTRACT_KINDS)

    def approved(self):
        return self.filter(status=Status.APPROVED)

    def public_works(self):
        """Registered works: public records anyone may find, read and verify."""
        return self.works().approved()


def preview_path(instance, filename):
    return f"copyrights/previews/{instance.sha256[:32]}.jpg"


class Filing(PrivateFile):
    """One work registration or contract filing, from the applicant's form to the registration number, with
    its file (a work's sample or the contract) kept privately (`core.attachments.PrivateFile`)."""

    upload_folder = "copyrights/{sha256:.2}"

    kind = models.CharField(_("类别"), max_length=10, choices=Kind.choices)
    status = models.CharField(_("状态"), max_length=12, choices=Status.choices, default=Status.SUBMITTED)
    unit = models.ForeignKey(
        ResponsibleUnit, verbose_name=_("登记机关"), on_delete=models.PROTECT, related_name="copyright_filings"
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("申请人"), on_delete=models.PROTECT, related_name="copyright_filings"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("申请单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="copyright_filings",
        help_text=_("代表所在单位申请时填写；个人申请留空"),
    )
    district = models.ForeignKey(
        "reference.District", verbose_name=_("所在县区"), on_delete=models.PROTECT, related_name="+"
    )
    # --- the work (a work registration; for a contract, the work it concerns when not registered here) ---
    title = models.CharField(_("作品名称"), max_length=200)
    work_type = models.CharField(_("作品类别"), max_length=20, choices=WorkType.choices)
    authors = models.CharField(_("作者"), max_length=300, blank=True)
    owners = models.CharField(_("著作权人"), max_length=300, blank=True)
    completed_on = models.DateField(_("创作完成日期"), null=True, blank=True)
    published = models.BooleanField(_("已发表"), default=False)
    published_on = models.DateField(_("首次发表日期"), null=True, blank=True)
    published_place = models.CharField(_("首次发表地点"), max_length=100, blank=True)
    description = models.TextField(_("作品说明"), blank=True)
    # --- a contract ---
    work = models.ForeignKey(
        "self",
        verbose_name=_("已登记作品"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="contracts",
        limit_choices_to={"kind": Kind.WORK, "status": Status.APPROVED},
    )
    assignor = models.CharField(_("转让方（许可方）"), max_length=200, blank=True)
    assignee = models.CharField(_("受让方（被许可方）"), max_length=200, blank=True)
    rights = models.CharField(_("转让（许可）的权利"), max_length=300, blank=True)
    territory = models.CharField(_("地域范围"), max_length=100, blank=True)
    term_start = models.DateField(_("期限起始日"), null=True, blank=True)
    term_end = models.DateField(_("期限截止日"), null=True, blank=True)
    price = models.DecimalField(
        _("价款（元）"), max_digits=14, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    # --- the file (file, original_name, content_type, size from PrivateFile) and its fingerprint ---
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    # A re-encoded, reduced copy of an image sample (no metadata, no full resolution); shown once approved.
    preview = models.FileField(
        _("公开预览"), upload_to=preview_path, storage=private_storage, max_length=200, blank=True
    )
    declaration = models.BooleanField(_("已声明所填信息真实、权属无争议"), default=False)
    # --- examination ---
    correction_reason = models.TextField(_("补正要求"), blank=True)
    refusal_reason = models.TextField(_("不予登记理由"), blank=True)
    number = models.CharField(_("登记号"), max_length=40, unique=True, null=True, blank=True)
    registered_on = models.DateField(_("登记日期"), null=True, blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    submitted_at = models.DateTimeField(_("提交时间"), null=True, blank=True)
    approved_at = models.DateTimeField(_("登记时间"), null=True, blank=True)

    objects = FilingQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("版权登记申请")
        verbose_name_plural = _("版权登记申请")
        permissions = [("examine_filing", _("审查本单位受理的作品登记与合同备案"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="approved", number__isnull=False, registered_on__isnull=False)
                | (~Q(status="approved") & Q(number__isnull=True)),
                name="copyrights_number_when_approved",
            ),
            models.CheckConstraint(
                condition=Q(term_end__isnull=True)
                | Q(term_start__isnull=True)
                | Q(term_end__gte=models.F("term_start")),
                name="copyrights_term_in_order",
            ),
            models.CheckConstraint(condition=Q(price__isnull=True) | Q(price__gte=0), name="copyrights_price_positive"),
        ]
        indexes = [models.Index(fields=["kind", "status"]), models.Index(fields=["unit", "status"])]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.work_title}"

    def get_absolute_url(self):
        return reverse("copyrights:filing", args=[self.pk])

    def get_public_url(self):
        return reverse("copyrights:work", args=[self.pk])

    @property
    def is_work(self):
        return self.kind == Kind.WORK

    @property
    def is_contract(self):
        return self.kind in CONTRACT_KINDS

    @property
    def is_approved(self):
        return self.status == Status.APPROVED

    @property
    def awaits_correction(self):
        return self.status == Status.CORRECTION

    @property
    def is_public(self):
        return self.is_work and self.is_approved

    @property
    def work_title(self):
        return self.work.title if self.work_id else self.title

    @property
    def work_type_label(self):
        return self.work.get_work_type_display() if self.work_id else self.get_work_type_display()


class Examiner(models.Model):
    """A staff user's membership of the unit whose filings they examine (one unit per person)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("用户"), on_delete=models.CASCADE, related_name="copyright_examiner"
    )
    unit = models.ForeignKey(
        ResponsibleUnit, verbose_name=_("登记机关"), on_delete=models.PROTECT, related_name="copyright_examiners"
    )
    is_active = models.BooleanField(_("在岗"), default=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        ordering = ["unit__sort_order", "user__email"]
        verbose_name = _("作品登记审查员")
        verbose_name_plural = _("作品登记审查员")

    def __str__(self):
        return f"{self.user} ({self.unit})"


class RegistrationSequence(models.Model):
    """The last serial issued in one series (e.g. 苏作登字 A) and year, locked while a number is taken."""

    series = models.CharField(max_length=20)
    year = models.PositiveSmallIntegerField()
    last_serial = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["series", "year"], name="copyrights_one_sequence_per_year")]

    def __str__(self):
        return f"{self.series} {self.year}: {self.last_serial}"


class Step(models.TextChoices):
    """The steps, as the applicant reads them in the record of their filing."""

    SUBMITTED = "submitted", _("提交申请")
    EXAMINING = "examining", _("受理审查")
    CORRECTION = "correction", _("要求补正")
    RESUBMITTED = "resubmitted", _("补正后重新提交")
    APPROVED = "approved", _("准予登记")
    REFUSED = "refused", _("不予登记")


class FilingEvent(ActedEvent):
    """One step of a filing: who took it and the note (a correction request, a reason), shown to the applicant."""

    STATES = Status

    filing = models.ForeignKey(Filing, on_delete=models.CASCADE, related_name="events")

    class Meta(ActedEvent.Meta):
        verbose_name = _("办理记录")
        verbose_name_plural = _("办理记录")

    def __str__(self):
        return f"{self.filing} {self.action}"


APPLICANT, EXAMINER = "applicant", "examiner"


class Role(models.TextChoices):
    APPLICANT = APPLICANT, _("申请人")
    EXAMINER = EXAMINER, _("审查员")


def roles_on_filing(filing, user):
    from .access import may_examine, may_read_as_applicant

    roles = set()
    if may_read_as_applicant(user, filing):
        roles.add(APPLICANT)
    if may_examine(user, filing):
        roles.add(EXAMINER)
    return roles


def tell_applicant(move, event):
    """Each step is told to the applicant on the site (and the organisation's members) and by e-mail."""
    from .notifications import notify_applicant

    notify_applicant(move.record, Step(move.step.name).label, move.note)


_S = Status
_OPEN = {_S.SUBMITTED, _S.EXAMINING}
# The steps a filing's page offers as the examiner's buttons (the applicant resubmits through the correction form).
EXAMINER_STEPS = (Step.EXAMINING, Step.CORRECTION, Step.APPROVED, Step.REFUSED)

# Every change of a filing, written once; `copyrights.filings` takes the steps, pages ask them.
FILING_WORKFLOW = Workflow(
    states=_S,
    steps=[
        step(_S.SUBMITTED, _S.EXAMINING, who={EXAMINER}),
        step(_OPEN, _S.CORRECTION, who={EXAMINER}, setback=True),
        step(_S.CORRECTION, _S.SUBMITTED, name=Step.RESUBMITTED, who={APPLICANT}, stamps=["submitted_at"]),
        step(_S.EXAMINING, _S.APPROVED, who={EXAMINER}, stamps=["approved_at"]),
        step(_OPEN, _S.REFUSED, who={EXAMINER}, setback=True),
    ],
    roles=roles_on_filing,
    role_labels=Role,
    step_labels=Step,
    event=FilingEvent,
    event_record="filing",
    event_fields=lambda move: {"actor": move.user, "note": move.note, "action": move.step.name},
    notify=tell_applicant,
    messages={
        IMPOSSIBLE: _("状态为“%(from)s”的申请不能执行“%(action)s”。"),
        FORBIDDEN: _("您无权对该申请执行“%(action)s”。"),
    },
)
