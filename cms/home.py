"""What the home page lists: latest policies, news, notices, upcoming courses and headline figures."""

from .models import NewsPage, PolicyPage
from .statistics import headline_figures, upcoming_course_pages


def home_page_sections(home):
    count = home.latest_count
    news = NewsPage.objects.live().public().descendant_of(home).for_listing()
    courses = upcoming_course_pages()
    return {
        "latest_policies": list(PolicyPage.objects.live().public().descendant_of(home).for_listing()[:count]),
        "latest_news": list(news.filter(category=NewsPage.Category.NEWS)[:count]),
        "latest_notices": list(news.filter(category=NewsPage.Category.NOTICE)[:count]),
        "upcoming_courses": list(courses[:count]) if courses is not None else None,
        "headline_figures": headline_figures([(block.value["metric"], block.value["label"]) for block in home.figures]),
    }
