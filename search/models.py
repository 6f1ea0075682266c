"""The search app's tables: the embedded backend's documents and the indexing outbox.

`SearchEntry` is one public document as the embedded backend stores it (its full-text index lives beside
it: an FTS5 table on SQLite, a tsvector column on PostgreSQL, both created by migration 0002). It is kept
up to date even when Elasticsearch is the primary backend, so searching can fall back to it.
`OutboxEntry` is an index update waiting to be applied, written in the same transaction as the change.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    # The narrow columns searches filter and count on come first: SQLite then reads them without
    # walking the overflow pages of the long text columns below.
    doc_type = models.CharField(_("类型"), max_length=40)
    object_id = models.CharField(_("对象编号"), max_length=64)
    category = models.CharField(_("类别"), max_length=100, blank=True)
    district = models.CharField(_("地区"), max_length=40, blank=True)
    status = models.CharField(_("状态"), max_length=40, blank=True)
    date = models.DateField(_("日期"), null=True, blank=True)
    expires = models.DateField(_("有效期至"), null=True, blank=True)
    price_min = models.FloatField(_("最低价格"), null=True, blank=True)
    price_max = models.FloatField(_("最高价格"), null=True, blank=True)
    rank = models.FloatField(_("排序值"), null=True, blank=True)
    moment = models.DateTimeField(_("时间"), null=True, blank=True)
    # A listing page's filter tags, "\n"-separated and framed by "\n" so one tag matches with LIKE.
    tags = models.TextField(_("筛选标签"), blank=True)
    url = models.CharField(_("链接"), max_length=500)
    title = models.CharField(_("标题"), max_length=300)
    facts = models.JSONField(_("要点"), default=list, blank=True)
    terms = models.JSONField(_("关键词"), default=list, blank=True)
    body = models.TextField(_("正文"), blank=True)
    # Completions: "\n"-separated normalised title and terms, framed by "\n" for prefix matching.
    suggest = models.TextField(blank=True)
    title_tokens = models.TextField(blank=True)
    body_tokens = models.TextField(blank=True)
    terms_tokens = models.TextField(blank=True)
    # Fingerprint of the text and analyser the *_tokens were made from: a rebuild reuses them while the
    # document's fingerprint is the same (search.analysis).
    analysed_from = models.CharField(max_length=32, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("检索文档")
        verbose_name_plural = _("检索文档")
        constraints = [models.UniqueConstraint(fields=["doc_type", "object_id"], name="search_entry_unique_object")]
        indexes = [
            models.Index(fields=["date"], name="search_entry_date"),
            models.Index(fields=["price_min"], name="search_entry_price"),
        ]

    def __str__(self):
        return f"{self.doc_type}:{self.object_id} {self.title}"


class OutboxEntry(models.Model):
    """One change to apply to the index: `index` re-reads the object (and removes it if it is no longer
    public), `delete` removes it. Rows are deleted once applied; failed ones wait until `available_at`."""

    INDEX = "index"
    DELETE = "delete"
    ACTIONS = [(INDEX, _("索引")), (DELETE, _("删除"))]

    doc_type = models.CharField(_("类型"), max_length=40)
    object_id = models.CharField(_("对象编号"), max_length=64)
    action = models.CharField(_("操作"), max_length=10, choices=ACTIONS, default=INDEX)
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now)
    available_at = models.DateTimeField(_("可处理时间"), default=timezone.now)
    attempts = models.PositiveIntegerField(_("尝试次数"), default=0)
    last_error = models.TextField(_("最近错误"), blank=True)
    # Applied rows are kept a day so a reindex can replay what changed while it ran.
    processed_at = models.DateTimeField(_("处理时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("索引待办")
        verbose_name_plural = _("索引待办")
        indexes = [
            models.Index(fields=["processed_at", "available_at"], name="search_outbox_pending"),
        ]

    def __str__(self):
        return f"{self.action} {self.doc_type}:{self.object_id}"
