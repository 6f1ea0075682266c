"""The site tree: the demo home page as the root of the default site."""

from wagtail.models import Locale, Page, Site

from .models import HomePage

HERO_TITLE = "连云港市知识产权公共服务平台"
HERO_TEXT = (
    "服务国家知识产权试点城市建设：查找知识产权服务机构、发布专利商标版权交易与质押融资信息、"
    "学习政策法规、参加知识产权工程师培训、申请维权援助。"
)


def load(stdout):
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
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": HERO_TITLE},
    )
    return []


def _tree_root():
    """Wagtail's root page and default locale, which its migrations create and a flushed database lacks."""
    if not Locale.objects.exists():
        Locale.objects.create(language_code="zh-hans")
    return Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
