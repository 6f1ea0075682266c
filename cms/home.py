"""What the home page lists: latest policies, news, notices, upcoming courses and headline figures."""

from django.utils.translation import gettext_lazy as _

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


def headline_figures(choices):
    """[{'metric', 'label', 'value'}] for the chosen metrics [(metric, label or "")], skipping unknown ones."""
    figures = []
    for metric, label in choices:
        if metric in METRICS:
            default_label, figure = METRICS[metric]
            figures.append({"metric": metric, "label": label or default_label, "value": figure().count()})
    return figures


def home_page_sections(home):
    count = home.latest_count
    news = NewsPage.objects.live().public().descendant_of(home).for_listing()
    return {
        "latest_policies": list(PolicyPage.objects.live().public().descendant_of(home).for_listing()[:count]),
        "latest_news": list(news.filter(category=NewsPage.Category.NEWS)[:count]),
        "latest_notices": list(news.filter(category=NewsPage.Category.NOTICE)[:count]),
        "upcoming_courses": list(upcoming_courses().records[:count]),
        "headline_figures": headline_figures([(block.value["metric"], block.value["label"]) for block in home.figures]),
    }
