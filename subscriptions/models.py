"""Saved searches and what they bring a person.

`SavedSearch` is a query string saved from a list page (`sources`), heard of at a chosen frequency.
`Arrival` records a document that has just become public (written when the search outbox indexes it);
`matching` runs the saved searches against the arrivals not yet matched and records a `Match` per saved
search and item. `delivery` gathers each person's matches of one frequency into a `Digest` whose
`DigestItem`s are unique per person and item (deduplicated across searches, never sent twice) and sends
it. `Subscriber` holds a person's language, private feed token, last visit and enterprise profile.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .sources import CHOICES, SOURCES


def new_feed_token():
    return secrets.token_urlsafe(32)


class Subscriber(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="subscriber")
    language = models.CharField(_("邮件语言"), max_length=10, choices=settings.LANGUAGES, default="zh-hans")
    feed_token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    seen_at = models.DateTimeField(_("上次查看"), null=True, blank=True)
    suggestions_offered_at = models.DateTimeField(null=True, blank=True)
    # The enterprise profile the suggested saved searches are built from.
    industries = models.ManyToManyField("listings.Industry", verbose_name=_("行业"), blank=True, related_name="+")
    districts = models.ManyToManyField("reference.District", verbose_name=_("地区"), blank=True, related_name="+")
    ipc_classes = models.CharField(_("IPC分类"), max_length=200, blank=True)
    competitors = models.CharField(_("关注的竞争对手"), max_length=300, blank=True)
    kinds = models.JSONField(_("关注的内容"), default=list, blank=True)

    class Meta:
        verbose_name = _("订阅用户")
        verbose_name_plural = _("订阅用户")

    def __str__(self):
        return str(self.user)

    def ipc_list(self):
        return [code for code in self.ipc_classes.replace(",", " ").replace("，", " ").split() if code]

    def competitor_list(self):
        return [name for name in self.competitors.replace("，", ",").replace("\n", ",").split(",") if name.strip()]

    def revoke_feed_token(self):
        self.feed_token = new_feed_token()
        self.save(update_fields=["feed_token"])


class SavedSearchQuerySet(models.QuerySet):
    def active(self):
        return self.filter(paused=False)


class SavedSearch(models.Model):
    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", _("即时提醒")
        DAILY = "daily", _("每日摘要")
        WEEKLY = "weekly", _("每周摘要")
        FEED = "feed", _("仅订阅源")

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches")
    name = models.CharField(_("名称"), max_length=80)
    source = models.CharField(_("来源"), max_length=20, choices=CHOICES)
    page = models.ForeignKey("wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    querystring = models.TextField(_("检索条件"), blank=True)
    frequency = models.CharField(_("提醒频率"), max_length=10, choices=Frequency.choices, default=Frequency.DAILY)
    paused = models.BooleanField(_("已暂停"), default=False)
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now)
    last_run_at = models.DateTimeField(_("上次运行"), null=True, blank=True)
    last_match_at = models.DateTimeField(_("上次匹配"), null=True, blank=True)

    objects = SavedSearchQuerySet.as_manager()

    class Meta:
        verbose_name = _("保存的检索")
        verbose_name_plural = _("保存的检索")
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["owner", "name"], name="subscriptions_search_name_once")]
        indexes = [models.Index(fields=["paused", "created_at"], name="subscriptions_search_active")]

    def __str__(self):
        return self.name

    @property
    def source_label(self):
        return SOURCES[self.source].label

    def list_url(self):
        """The list page showing what this search selects today."""
        page = self.page.specific if self.page_id else None
        if SOURCES[self.source].page_model and page is None:
            return ""
        address = SOURCES[self.source].address(page)
        return f"{address}?{self.querystring}" if self.querystring else address

    def may_change(self, user):
        return user.is_authenticated and user.pk == self.owner_id


class Arrival(models.Model):
    """A document that has just become public (first published, approved, imported or public again)."""

    doc_type = models.CharField(max_length=40)
    object_id = models.CharField(max_length=64)
    arrived_at = models.DateTimeField(default=timezone.now)
    matched_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("新公开内容")
        verbose_name_plural = _("新公开内容")
        indexes = [models.Index(fields=["matched_at", "id"], name="subscriptions_arrival_pending")]

    def __str__(self):
        return self.uid

    @property
    def uid(self):
        return f"{self.doc_type}:{self.object_id}"


class Match(models.Model):
    """A public item one saved search found among the arrivals (what it shows is read when it is shown)."""

    saved_search = models.ForeignKey(SavedSearch, on_delete=models.CASCADE, related_name="matches")
    doc_type = models.CharField(max_length=40)
    object_id = models.CharField(max_length=64)
    matched_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("匹配")
        verbose_name_plural = _("匹配")
        constraints = [
            models.UniqueConstraint(fields=["saved_search", "doc_type", "object_id"], name="subscriptions_match_once")
        ]
        indexes = [models.Index(fields=["matched_at"], name="subscriptions_match_time")]

    def __str__(self):
        return f"{self.saved_search_id} {self.doc_type}:{self.object_id}"


class Digest(models.Model):
    """One e-mail to one person: the items of their searches of one frequency not sent before."""

    class Status(models.TextChoices):
        PENDING = "pending", _("待发送")
        SENDING = "sending", _("发送中")
        SENT = "sent", _("已发送")
        EMPTY = "empty", _("无可发送内容")

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digests")
    frequency = models.CharField(max_length=10, choices=SavedSearch.Frequency.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("提醒邮件")
        verbose_name_plural = _("提醒邮件")
        indexes = [models.Index(fields=["status"], name="subscriptions_digest_status")]

    def __str__(self):
        return f"{self.owner} {self.frequency} {self.created_at:%Y-%m-%d %H:%M}"


class DigestItem(models.Model):
    """An item in a digest. Unique per person and item: whichever of their searches found it, it is sent
    once; `withheld` marks an item that stopped being public before its digest went out."""

    digest = models.ForeignKey(Digest, on_delete=models.CASCADE, related_name="items")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    doc_type = models.CharField(max_length=40)
    object_id = models.CharField(max_length=64)
    withheld = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("提醒条目")
        verbose_name_plural = _("提醒条目")
        constraints = [
            models.UniqueConstraint(fields=["owner", "doc_type", "object_id"], name="subscriptions_item_once_per_owner")
        ]

    def __str__(self):
        return f"{self.doc_type}:{self.object_id}"
