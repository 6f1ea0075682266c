"""The site tree's root and home page, which migrations create and a flushed test database lacks: made by
`load_demo` and put back by the tests' re-seeding, with the same idempotent function."""

from django.contrib.sites.models import Site as DjangoSite
from wagtail.models import Collection, Locale, Page, Site

from core.site import sync_site_records

from .models import HomePage

HERO_TITLE = "连云港市知识产权公共服务平台"
HERO_TEXT = (
    "服务国家知识产权试点城市建设：查找知识产权服务机构、发布专利商标版权交易与质押融资信息、"
    "学习政策法规、参加知识产权工程师培训、申请维权援助。"
)


def _tree_root():
    """Wagtail's root page, root collection and default locale, which its migrations create and a flushed
    database lacks; named in Chinese as migration cms 0003 names them."""
    if not Locale.objects.exists():
        Locale.objects.create(language_code="zh-hans")
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="全部集合")
    return Page.get_first_root_node() or Page.add_root(instance=Page(title="全部页面", slug="root"))


def ensure_home_page():
    home = HomePage.objects.first()
    if home is None:
        root = _tree_root()
        # Wagtail's first migration creates a plain welcome page at /home/; ours takes its place.
        for welcome in root.get_children().filter(content_type__model="page", content_type__app_label="wagtailcore"):
            Site.objects.filter(root_page=welcome).delete()
            welcome.delete()
        home = HomePage(
            title="首页",
            slug="home",
            hero_title=HERO_TITLE,
            hero_text=HERO_TEXT,
            seo_title=HERO_TITLE,
            search_description=HERO_TEXT,
            figures=[
                ("figure", {"metric": "institutions", "label": ""}),
                ("figure", {"metric": "listings", "label": ""}),
                ("figure", {"metric": "courses", "label": ""}),
                ("figure", {"metric": "policies", "label": ""}),
            ],
            featured_links=[
                (
                    "link",
                    {"title": "国家知识产权局", "url": "https://www.cnipa.gov.cn/", "text": "专利、商标政策与检索"},
                ),
                (
                    "link",
                    {
                        "title": "中国及多国专利审查信息查询",
                        "url": "https://cpquery.cponline.cnipa.gov.cn/",
                        "text": "查询专利申请的审查状态",
                    },
                ),
                (
                    "link",
                    {
                        "title": "江苏省知识产权局",
                        "url": "http://jsip.jiangsu.gov.cn/",
                        "text": "全省知识产权政策与通知",
                    },
                ),
            ],
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home})
    sync_site_records(DjangoSite, Site)
    return home
