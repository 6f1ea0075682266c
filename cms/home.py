"""What the home page lists: latest policies, news, notices, upcoming courses and headline figures."""

from django.utils.translation import gettext_lazy as _

from core.navigation import section_urls
from core.pagecache import frame_value
from core.pages import public_pages
from listings.statistics import open_listings
from services.statistics import listed_institutions
from training.statistics import upcoming_courses

from .models import NewsPage, PolicyPage
from .statistics import valid_policies

# The figures staff may choose (cms.blocks.HeadlineFigureBlock): each one the owning app's own.
METRICS = {
    "institutions": (_("入驻服务机构"), listed_institutions),
    "listings": (_("在线交易与融资信息"), open_listings),
    "courses": (_("即将开课的培训"), upcoming_courses),
    "policies": (_("现行有效政策"), valid_policies),
}


def _count_every_metric():
    return {metric: figure().count() for metric, (_label, figure) in METRICS.items()}


def headline_figures(choices, request=None):
    """[{'metric', 'label', 'value'}] for the chosen metrics [(metric, label or "")], skipping unknown ones.

    The counts are kept with the page cache's generation: each changes only when a record it counts does
    (the upcoming courses also as time passes, within PAGE_CACHE_TIMEOUT).
    """
    counts = frame_value(request, "home-figures", _count_every_metric) if choices else {}
    figures = []
    for metric, label in choices:
        if metric in METRICS:
            default_label, _figure = METRICS[metric]
            figures.append({"metric": metric, "label": label or default_label, "value": counts[metric]})
    return figures


def _latest_lists(home, request):
    count = home.latest_count
    # The lists show no tags: what for_listing() prefetches for them is left out.
    news = public_pages(NewsPage.objects.live().descendant_of(home), request).for_listing().prefetch_related(None)
    policies = public_pages(PolicyPage.objects.live().descendant_of(home), request).for_listing()
    policies = policies.prefetch_related(None)
    return {
        "latest_policies": list(policies[:count]),
        "latest_news": list(news.filter(category=NewsPage.Category.NEWS)[:count]),
        "latest_notices": list(news.filter(category=NewsPage.Category.NOTICE)[:count]),
        "upcoming_courses": list(upcoming_courses().records[:count]),
    }


def home_page_sections(home, request=None):
    """What the home page lists, the same for every visitor: kept with the page cache's generation, as the
    figures are, so that a signed-in visitor (whose page is rendered every time) does not read it again."""
    lists = frame_value(request, f"home-lists:{home.pk}:{home.latest_count}", lambda: _latest_lists(home, request))
    return {
        **lists,
        "headline_figures": headline_figures(
            [(block.value["metric"], block.value["label"]) for block in home.figures], request
        ),
        "section_urls": section_urls(request),
    }
