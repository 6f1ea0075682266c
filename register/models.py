"""The IP register: patents and trademarks as the national registers publish them, imported in batches.

Each `Patent` and `Trademark` keeps the `ImportSource` it came from and the `ImportBatch` that last wrote
it; a re-import of the same number updates the record. A patent's applicants and holders are
`PatentParty` rows (with the platform `Organisation` they are matched to, if any), its history
`LegalEvent` rows; its `status` is stored for search and lists but always computed by
`register.terms.current_status` (`Patent.evaluate_status`). The filing agency links to a listed
`services.Institution` by agency code.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.attachments import InFolder
from core.storage import private_storage
from reference.models import District

from .numbers import is_pct_national_phase
from .terms import IN_FORCE, EventKind, LegalStatus, PatentType, current_status


class ImportSource(models.Model):
    """Where records come from: the national patent search system, a commercial database, the trademark
    office, the documented XML format, or the synthetic demo register."""

    class Kind(models.TextChoices):
        CNIPA = "cnipa", _("国家专利检索系统导出")
        COMMERCIAL = "commercial", _("商业数据库导出")
        TRADEMARK_OFFICE = "trademark_office", _("商标局导出")
        XML = "xml", _("XML 著录项目")
        DEMO = "demo", _("演示数据（虚构）")

    kind = models.CharField(_("来源类型"), max_length=20, choices=Kind.choices, unique=True)
    name = models.CharField(_("名称"), max_length=100)

    class Meta:
        ordering = ["kind"]
        verbose_name = _("数据来源")
        verbose_name_plural = _("数据来源")

    def __str__(self):
        return self.name

    @classmethod
    def for_kind(cls, kind):
        source, _created = cls.objects.get_or_create(kind=kind, defaults={"name": str(cls.Kind(kind).label)})
        return source


class ImportBatch(models.Model):
    """One uploaded file: its preview (column mapping, rejected rows), then its import and report."""

    class RecordKind(models.TextChoices):
        PATENT = "patent", _("专利")
        TRADEMARK = "trademark", _("商标")

    class Status(models.TextChoices):
        PREVIEW = "preview", _("待确认")
        QUEUED = "queued", _("排队中")
        RUNNING = "running", _("导入中")
        DONE = "done", _("已完成")
        FAILED = "failed", _("失败，未写入任何记录")
        DISCARDED = "discarded", _("已放弃")

    source = models.ForeignKey(ImportSource, verbose_name=_("数据来源"), on_delete=models.PROTECT)
    record_kind = models.CharField(_("记录类型"), max_length=10, choices=RecordKind.choices)
    filename = models.CharField(_("文件名"), max_length=200)
    file = models.FileField(_("文件"), upload_to=InFolder("register/imports"), storage=private_storage, max_length=200)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.PREVIEW)
    # {field: header as written in the file}
    mapping = models.JSONField(_("列对应"), default=dict)
    unmapped = models.JSONField(_("未使用的列"), default=list)
    total_rows = models.PositiveIntegerField(_("数据行数"), default=0)
    valid_rows = models.PositiveIntegerField(_("可导入行数"), default=0)
    # [{"row": n, "number": "...", "messages": [...]}], the first REJECTIONS_KEPT of them
    rejections = models.JSONField(_("拒绝的行"), default=list)
    rejected_rows = models.PositiveIntegerField(_("拒绝行数"), default=0)
    created_count = models.PositiveIntegerField(_("新增"), default=0)
    updated_count = models.PositiveIntegerField(_("更新"), default=0)
    unchanged_count = models.PositiveIntegerField(_("无变化"), default=0)
    error = models.TextField(_("错误"), blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("上传人"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("上传时间"), auto_now_add=True)
    started_at = models.DateTimeField(_("开始导入"), null=True, blank=True)
    finished_at = models.DateTimeField(_("完成时间"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("导入批次")
        verbose_name_plural = _("导入批次")
        permissions = [("import_records", _("导入专利与商标登记数据"))]

    def __str__(self):
        return self.filename

    @property
    def may_start(self):
        return self.status == self.Status.PREVIEW and self.valid_rows > 0

    @property
    def is_finished(self):
        return self.status in (self.Status.DONE, self.Status.FAILED, self.Status.DISCARDED)

    @property
    def in_preview(self):
        return self.status == self.Status.PREVIEW

    @property
    def in_progress(self):
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def succeeded(self):
        return self.status == self.Status.DONE

    @property
    def failed(self):
        return self.status == self.Status.FAILED


class RegisterRecord(models.Model):
    source = models.ForeignKey(ImportSource, verbose_name=_("数据来源"), on_delete=models.PROTECT, related_name="+")
    batch = models.ForeignKey(
        ImportBatch, verbose_name=_("导入批次"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    district = models.ForeignKey(
        District, verbose_name=_("县区"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        abstract = True


class Patent(RegisterRecord):
    application_number = models.CharField(_("申请号"), max_length=14, unique=True)
    patent_type = models.CharField(_("专利类型"), max_length=15, choices=PatentType.choices)
    is_pct = models.BooleanField(_("PCT进入国家阶段"), default=False)
    pct_application_number = models.CharField(_("PCT国际申请号"), max_length=30, blank=True)
    filing_date = models.DateField(_("申请日"))
    publication_number = models.CharField(_("公开（公告）号"), max_length=20, blank=True)
    publication_date = models.DateField(_("公开（公告）日"), null=True, blank=True)
    grant_number = models.CharField(_("授权公告号"), max_length=20, blank=True)
    grant_date = models.DateField(_("授权公告日"), null=True, blank=True)
    title = models.CharField(_("名称"), max_length=300)
    abstract = models.TextField(_("摘要"), blank=True)
    inventors = models.JSONField(_("发明人"), default=list, blank=True)
    ipc_main = models.CharField(_("主分类号"), max_length=20, blank=True)
    ipc_all = models.JSONField(_("IPC分类号"), default=list, blank=True)
    agency_name = models.CharField(_("代理机构"), max_length=100, blank=True)
    agency_code = models.CharField(_("代理机构代码"), max_length=5, blank=True)
    agency = models.ForeignKey(
        "services.Institution",
        verbose_name=_("平台服务机构"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="register_patents",
    )
    agents = models.CharField(_("代理人"), max_length=200, blank=True)
    priority = models.CharField(_("优先权"), max_length=300, blank=True)
    legal_status_text = models.CharField(_("法律状态（来源原文）"), max_length=100, blank=True)
    status = models.CharField(_("当前法律状态"), max_length=12, choices=LegalStatus.choices)
    status_since = models.DateField(_("状态起始日"), null=True, blank=True)
    term_ends = models.DateField(_("保护期届满日"))
    status_checked_at = models.DateTimeField(_("状态核对时间"))

    class Meta:
        ordering = ["-filing_date", "application_number"]
        verbose_name = _("专利")
        verbose_name_plural = _("专利")
        indexes = [models.Index(fields=["status"]), models.Index(fields=["agency_code"])]

    def __str__(self):
        return f"{self.application_number} {self.title}"

    def get_absolute_url(self):
        return reverse("register:patent", args=[self.application_number])

    @property
    def pct_marked(self):
        return self.is_pct or is_pct_national_phase(self.application_number)

    @property
    def in_force(self):
        return self.status in IN_FORCE

    def evaluate_status(self, today=None, events=None):
        """Recompute status, its start and the term's end from the type, dates and events; True if changed."""
        today = today or timezone.localdate()
        if events is None:
            events = list(self.events.values_list("kind", "date"))
        result = current_status(self.patent_type, self.filing_date, events, today, grant_date=self.grant_date)
        changed = (self.status, self.status_since, self.term_ends) != (result.status, result.since, result.term_ends)
        self.status, self.status_since, self.term_ends = result.status, result.since, result.term_ends
        self.status_checked_at = timezone.now()
        return changed


class PartyKind(models.TextChoices):
    ENTERPRISE = "enterprise", _("企业")
    ACADEMIC = "academic", _("高校、科研院所")
    INDIVIDUAL = "individual", _("个人")
    OTHER = "other", _("其他")


class PatentParty(models.Model):
    """An applicant or holder of a patent, as the register writes it, matched to an organisation if known."""

    patent = models.ForeignKey(Patent, verbose_name=_("专利"), on_delete=models.CASCADE, related_name="parties")
    position = models.PositiveSmallIntegerField(_("顺序"), default=0)
    name = models.CharField(_("申请（专利权）人"), max_length=200)
    address = models.CharField(_("地址"), max_length=300, blank=True)
    district = models.ForeignKey(
        District, verbose_name=_("县区"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(_("类别"), max_length=12, choices=PartyKind.choices)
    credit_code = models.CharField(_("统一社会信用代码"), max_length=18, blank=True)
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("平台组织"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="register_patent_parties",
    )
    # Matched by credit code: certain. Matched by name only: shown to staff until they confirm or undo it.
    match_confirmed = models.BooleanField(_("对应已确认"), default=False)

    class Meta:
        ordering = ["patent", "position"]
        verbose_name = _("申请（专利权）人")
        verbose_name_plural = _("申请（专利权）人")

    def __str__(self):
        return self.name

    @property
    def public_address(self):
        """An individual's address is not shown (public registers print it only on the publication)."""
        return "" if self.kind == PartyKind.INDIVIDUAL else self.address


class LegalEvent(models.Model):
    patent = models.ForeignKey(Patent, verbose_name=_("专利"), on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("事件"), max_length=20, choices=EventKind.choices)
    date = models.DateField(_("日期"))
    description = models.CharField(_("说明"), max_length=300, blank=True)
    batch = models.ForeignKey(
        ImportBatch, verbose_name=_("导入批次"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["patent", "date", "pk"]
        verbose_name = _("法律状态事件")
        verbose_name_plural = _("法律状态事件")
        constraints = [models.UniqueConstraint(fields=["patent", "kind", "date"], name="register_event_once")]

    def __str__(self):
        return f"{self.date} {self.get_kind_display()}"


class Trademark(RegisterRecord):
    class Status(models.TextChoices):
        PENDING = "pending", _("申请中")
        REGISTERED = "registered", _("注册有效")
        EXPIRED = "expired", _("期满未续展")
        CANCELLED = "cancelled", _("已注销或撤销")
        INVALIDATED = "invalidated", _("宣告无效")

    class WellKnown(models.TextChoices):
        NONE = "", _("否")
        ADMINISTRATIVE = "administrative", _("行政认定")
        JUDICIAL = "judicial", _("司法认定")

    registration_number = models.CharField(_("注册号"), max_length=12, unique=True)
    application_number = models.CharField(_("申请号"), max_length=12, blank=True)
    nice_class = models.PositiveSmallIntegerField(_("国际分类"))
    goods_services = models.TextField(_("商品/服务"), blank=True)
    name = models.CharField(_("商标名称"), max_length=200)
    image = models.ImageField(_("商标图样"), upload_to="register/trademarks/", blank=True)
    registrant_name = models.CharField(_("注册人"), max_length=200)
    registrant_address = models.CharField(_("注册人地址"), max_length=300, blank=True)
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("平台组织"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="register_trademarks",
    )
    match_confirmed = models.BooleanField(_("对应已确认"), default=False)
    application_date = models.DateField(_("申请日期"), null=True, blank=True)
    registration_date = models.DateField(_("注册日期"), null=True, blank=True)
    expiry_date = models.DateField(_("专用权期限至"), null=True, blank=True)
    status = models.CharField(_("商标状态"), max_length=12, choices=Status.choices)
    # The day a cancellation or invalidation took effect: the mark counted as registered until then.
    status_since = models.DateField(_("状态起始日"), null=True, blank=True)
    status_checked_at = models.DateTimeField(_("状态核对时间"))
    is_collective = models.BooleanField(_("集体商标"), default=False)
    is_certification = models.BooleanField(_("证明商标"), default=False)
    is_geographical_indication = models.BooleanField(_("地理标志"), default=False)
    is_agricultural = models.BooleanField(_("农产品商标"), default=False)
    is_madrid = models.BooleanField(_("马德里国际注册"), default=False)
    madrid_number = models.CharField(_("国际注册号"), max_length=20, blank=True)
    madrid_date = models.DateField(_("国际注册日期"), null=True, blank=True)
    well_known = models.CharField(_("驰名商标认定"), max_length=15, choices=WellKnown.choices, blank=True)
    well_known_year = models.PositiveSmallIntegerField(_("驰名商标认定年度"), null=True, blank=True)
    is_provincial_famous = models.BooleanField(_("江苏省著名商标"), default=False)
    provincial_famous_year = models.PositiveSmallIntegerField(_("著名商标认定年度"), null=True, blank=True)

    class Meta:
        ordering = ["-registration_date", "registration_number"]
        verbose_name = _("商标")
        verbose_name_plural = _("商标")
        indexes = [models.Index(fields=["status"])]

    def __str__(self):
        return f"{self.registration_number} {self.name}"

    def get_absolute_url(self):
        return reverse("register:trademark", args=[self.registration_number])

    @property
    def in_force(self):
        return self.status == self.Status.REGISTERED

    def evaluate_status(self, today=None):
        """A registration past its term without renewal (no later expiry imported) has expired; True if changed."""
        today = today or timezone.localdate()
        self.status_checked_at = timezone.now()
        if self.status == self.Status.REGISTERED and self.expiry_date and self.expiry_date < today:
            self.status = self.Status.EXPIRED
            return True
        return False


class PostingCheck(models.Model):
    """What the register says about one IP right a transaction or financing posting offers or pledges.

    Written by `register.postings.check_postings` (daily, and after each import). A right the register
    shows as no longer in force is flagged and the posting's owner told; unless the owner answers with a
    statement (a restoration or a decision the register does not hold yet), the posting leaves the public
    lists after `REGISTER_POSTING_GRACE_DAYS`.
    """

    ip_record = models.OneToOneField(
        "listings.ListingIP", verbose_name=_("知识产权"), on_delete=models.CASCADE, related_name="register_check"
    )
    found = models.BooleanField(_("登记簿中有此记录"), default=False)
    in_force = models.BooleanField(_("登记簿显示有效"), default=False)
    status_label = models.CharField(_("登记簿状态"), max_length=30, blank=True)
    record_url = models.CharField(_("登记簿记录"), max_length=100, blank=True)
    checked_at = models.DateTimeField(_("核对时间"))
    flagged_on = models.DateField(_("发现失效日期"), null=True, blank=True)
    owner_notified_at = models.DateTimeField(_("已通知发布单位"), null=True, blank=True)
    owner_statement = models.TextField(_("发布单位说明"), blank=True)
    owner_statement_at = models.DateTimeField(_("说明时间"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("撤下时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("登记簿核对")
        verbose_name_plural = _("登记簿核对")

    def __str__(self):
        return f"{self.ip_record}: {self.status_label}"

    @property
    def is_flagged(self):
        return self.flagged_on is not None

    def hide_on(self, grace_days):
        return self.flagged_on + timezone.timedelta(days=grace_days) if self.flagged_on else None


class CustomsImport(models.Model):
    """One customs list uploaded by staff (CSV or XLSX): checked whole before anything is written.

    A list with a row that cannot be used is refused as a whole, each bad row explained, and nothing is
    changed: the list is the customs authority's, and half of it would leave the other half's rights
    shown with yesterday's status. A clean list is shown as a preview and applied once."""

    class Status(models.TextChoices):
        PREVIEW = "preview", _("待确认")
        REFUSED = "refused", _("有错误，未导入")
        APPLIED = "applied", _("已导入")
        DISCARDED = "discarded", _("已放弃")

    filename = models.CharField(_("文件名"), max_length=200)
    file = models.FileField(_("文件"), upload_to=InFolder("register/customs"), storage=private_storage, max_length=200)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.PREVIEW)
    # The checked rows, as written to the register when the list is applied (dates as ISO strings).
    rows = models.JSONField(_("可导入的行"), default=list)
    # [{"row": n, "number": "...", "messages": [...]}]
    rejections = models.JSONField(_("有错误的行"), default=list)
    total_rows = models.PositiveIntegerField(_("数据行数"), default=0)
    created_count = models.PositiveIntegerField(_("新增"), default=0)
    updated_count = models.PositiveIntegerField(_("更新"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("上传人"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("上传时间"), auto_now_add=True)
    applied_at = models.DateTimeField(_("导入时间"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("海关备案名单导入")
        verbose_name_plural = _("海关备案名单导入")

    def __str__(self):
        return self.filename

    def get_absolute_url(self):
        return reverse("register:customs_import", args=[self.pk])

    @property
    def may_apply(self):
        return self.status == self.Status.PREVIEW and bool(self.rows)

    @property
    def in_preview(self):
        return self.status == self.Status.PREVIEW

    @property
    def was_refused(self):
        return self.status == self.Status.REFUSED

    @property
    def was_applied(self):
        return self.status == self.Status.APPLIED


class CustomsRecordal(models.Model):
    """The customs recordal (知识产权海关备案) of one patent or trademark of the register: its number, the
    day the General Administration of Customs approved it, the day it lapses, the holder it was recorded
    for, and whether it came from a customs list or was entered by staff (and by whom).

    A recordal is valid for ten years from approval and renewable, never beyond the right's own term; the
    customs list carries the date it runs to. `register.customs` writes these rows; the enterprise's page,
    the staff's counts and the targets read them."""

    class Source(models.TextChoices):
        IMPORT = "import", _("海关备案名单导入")
        STAFF = "staff", _("工作人员录入")

    patent = models.OneToOneField(
        Patent, verbose_name=_("专利"), null=True, blank=True, on_delete=models.CASCADE, related_name="customs_recordal"
    )
    trademark = models.OneToOneField(
        Trademark,
        verbose_name=_("商标"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="customs_recordal",
    )
    number = models.CharField(_("海关备案号"), max_length=40, unique=True)
    holder_name = models.CharField(_("备案权利人"), max_length=200)
    recorded_on = models.DateField(_("备案核准日期"))
    valid_until = models.DateField(_("备案有效期至"))
    district = models.ForeignKey(
        District, verbose_name=_("县区"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source = models.CharField(_("来源"), max_length=10, choices=Source.choices)
    customs_import = models.ForeignKey(
        CustomsImport, verbose_name=_("导入批次"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("录入人"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        ordering = ["-recorded_on", "number"]
        verbose_name = _("知识产权海关备案")
        verbose_name_plural = _("知识产权海关备案")
        permissions = [("record_customs", _("登记与导入知识产权海关备案"))]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(patent__isnull=False, trademark__isnull=True)
                    | models.Q(patent__isnull=True, trademark__isnull=False)
                ),
                name="register_recordal_one_right",
            )
        ]

    def __str__(self):
        return self.number

    @property
    def right(self):
        return self.patent or self.trademark

    def is_valid_on(self, day=None):
        day = day or timezone.localdate()
        return self.recorded_on <= day <= self.valid_until
