"""Saved searches proposed from a person's enterprise profile (industries, IPC classes, districts, the kinds
of content wanted, competitors): each is a list's query string, accepted with one click."""

import hashlib
from dataclasses import dataclass

from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from .models import SavedSearch, Subscriber
from .searches import save_search


@dataclass(frozen=True)
class Suggestion:
    name: str
    source: str
    querystring: str
    page_id: int | None = None

    @property
    def key(self):
        raw = f"{self.source}|{self.page_id}|{self.querystring}"
        return hashlib.blake2b(raw.encode(), digest_size=8).hexdigest()


def _qs(**params):
    data = QueryDict(mutable=True)
    for name, value in params.items():
        if value not in (None, ""):
            data[name] = str(value)
    return data.urlencode()


def _live_section(model_path):
    app_label, model = model_path.split(".")
    page = Page.objects.live().filter(content_type__app_label=app_label, content_type__model=model.lower()).first()
    return page.pk if page else None


def suggestions(subscriber):
    """What the profile proposes, without what the person has already saved."""
    industries = list(subscriber.industries.all())
    districts = list(subscriber.districts.all())
    district = districts[0].pk if len(districts) == 1 else None
    kinds = set(subscriber.kinds)
    proposed = []
    if "policies" in kinds:
        policies = _live_section("cms.PolicyIndexPage")
        if policies:
            for industry in industries or [None]:
                name = _("政策：%(industry)s") % {"industry": industry} if industry else _("新政策")
                proposed.append(Suggestion(name, "policies", _qs(q=industry.name if industry else ""), policies))
    if "financing" in kinds:
        for industry in industries or [None]:
            name = _("融资产品：%(industry)s") % {"industry": industry} if industry else _("新融资产品")
            query = _qs(section="financing_product", industry=industry.pk if industry else None, district=district)
            proposed.append(Suggestion(name, "financing", query))
    if "courses" in kinds:
        courses = _live_section("training.CourseIndexPage")
        if courses:
            proposed.append(Suggestion(_("新培训课程"), "courses", "", courses))
    if "transactions" in kinds:
        for code in subscriber.ipc_list():
            name = _("交易信息：%(ipc)s") % {"ipc": code}
            proposed.append(Suggestion(name, "transactions", _qs(q=code, district=district)))
        for industry in industries:
            name = _("交易信息：%(industry)s") % {"industry": industry}
            proposed.append(Suggestion(name, "transactions", _qs(industry=industry.pk, district=district)))
    if "competitors" in kinds:
        for competitor in subscriber.competitor_list():
            name = _("竞争对手新专利：%(name)s") % {"name": competitor.strip()}
            proposed.append(Suggestion(name, "register", _qs(kind="patent", applicant=competitor.strip())))
    saved = set(subscriber.user.saved_searches.values_list("source", "page_id", "querystring"))
    return [s for s in proposed if (s.source, s.page_id, s.querystring) not in saved]


def accept(subscriber, key, frequency=SavedSearch.Frequency.WEEKLY):
    """Saves the proposed search with this key; None if no proposal has it (any more)."""
    for suggestion in suggestions(subscriber):
        if suggestion.key == key:
            return save_search(
                subscriber.user,
                name=suggestion.name,
                source=suggestion.source,
                querystring=suggestion.querystring,
                page_id=suggestion.page_id,
                frequency=frequency,
            )
    return None


DEFAULT_KINDS = ["policies", "financing", "courses", "transactions"]


def offer_on_first_login(user):
    """On an enterprise member's first log-in, a profile started from the organisation (its district, the
    usual kinds of content) and the number of subscriptions it proposes; None after the first time or for
    anyone who is not an enterprise member."""
    organisation = user.organisation
    if organisation is None or not organisation.is_enterprise:
        return None
    subscriber, _created = Subscriber.objects.get_or_create(user=user)
    claimed = Subscriber.objects.filter(pk=subscriber.pk, suggestions_offered_at__isnull=True).update(
        suggestions_offered_at=timezone.now()
    )
    if not claimed:
        return None
    if not subscriber.kinds:
        subscriber.kinds = DEFAULT_KINDS
        subscriber.save(update_fields=["kinds"])
        subscriber.districts.add(organisation.district)
    return len(suggestions(subscriber))
