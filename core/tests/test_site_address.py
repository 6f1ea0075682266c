"""The site's own address everywhere it prints one (sitemap, feeds, canonical links, Open Graph, e-mails),
what robots may crawl, and the icons."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.sites.models import Site as DjangoSite
from django.core import mail
from django.urls import reverse
from wagtail.models import Site as WagtailSite

from cms.models import NewsIndexPage, PatentInfoIndexPage, PolicyIndexPage, PolicyPage
from config.urls import SITEMAPS
from core.site import site_url
from training.models import CourseIndexPage

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def demo_site(indexed_demo):
    """The demo, restored once for this module, on each search backend."""


def local_path(url):
    assert url.startswith(site_url() + "/"), f"{url} is not on {site_url()}"
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def feed_urls():
    news = NewsIndexPage.objects.live().first()
    policies = PolicyIndexPage.objects.live().first()
    patent_info = PatentInfoIndexPage.objects.live().first()
    courses = CourseIndexPage.objects.live().first()
    return [
        f"{news.url}rss/",
        f"{news.url}atom/",
        f"{policies.url}rss/",
        f"{patent_info.url}rss/",
        f"{courses.url}rss/",
        reverse("services:directory_feed"),
        reverse("listings:feed"),
        reverse("listings:transactions_feed"),
        reverse("listings:financing_feed"),
    ]


def test_site_records_carry_the_platform_name_and_the_address_from_settings(demo_site):
    django_site = DjangoSite.objects.get(pk=settings.SITE_ID)
    assert django_site.domain == "127.0.0.1:8000"
    assert django_site.name == settings.WAGTAIL_SITE_NAME
    wagtail_site = WagtailSite.objects.get(is_default_site=True)
    assert wagtail_site.root_url == "http://127.0.0.1:8000"
    assert wagtail_site.site_name == settings.WAGTAIL_SITE_NAME


def test_sitemap_lists_every_public_section_on_the_site_address_and_each_url_answers(client, demo_site):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    entries = ET.fromstring(response.content).findall(f"{SITEMAP}url")
    paths = [local_path(entry.findtext(f"{SITEMAP}loc")) for entry in entries]
    sections = ["/institutions/", "/institutions/offerings/", "/listings/", "/policies/", "/news/", "/patent-info/"]
    for prefix in [*sections, "/training/"]:
        assert any(path.startswith(prefix) and path != prefix for path in paths), prefix
    # Every record and every page carries its last change; only the list views (no single date) do not.
    views = {reverse(name) for name in SITEMAPS["views"].url_names}
    undated = [path for path, entry in zip(paths, entries, strict=True) if not entry.findtext(f"{SITEMAP}lastmod")]
    assert set(undated) <= views, set(undated) - views
    for path in paths:
        assert client.get(path).status_code == 200, path


def test_every_feed_links_to_the_site_address_and_each_item_answers(client, demo_site):
    for feed in feed_urls():
        response = client.get(feed)
        assert response.status_code == 200, feed
        root = ET.fromstring(response.content)
        if root.tag == f"{ATOM}feed":
            links = [link.get("href") for link in root.iter(f"{ATOM}link")]
            links += [entry.findtext(f"{ATOM}id") for entry in root.iter(f"{ATOM}entry")]
            item_links = [entry.find(f"{ATOM}link").get("href") for entry in root.iter(f"{ATOM}entry")]
        else:
            channel = root.find("channel")
            links = [channel.findtext("link"), *(link.get("href") for link in channel.iter(f"{ATOM}link"))]
            links += [item.findtext("guid") for item in channel.iter("item")]
            item_links = [item.findtext("link") for item in channel.iter("item")]
        assert item_links, feed
        for link in links:
            local_path(link)
        for link in item_links:
            assert client.get(local_path(link)).status_code == 200, link


def test_policy_feed_dates_items_by_their_issue_date_and_names_the_issuing_agency(client, demo_site):
    policies = PolicyIndexPage.objects.live().first()
    channel = ET.fromstring(client.get(f"{policies.url}rss/").content).find("channel")
    items = {item.findtext("link"): item for item in channel.iter("item")}
    policy = PolicyPage.objects.live().get(slug=PolicyPage.objects.live().first().slug)
    item = items[policy.full_url]
    assert item.findtext("pubDate").startswith(policy.issue_date.strftime("%a, %d %b %Y"))
    assert policy.issuing_agency.name in (item.findtext("{http://purl.org/dc/elements/1.1/}creator") or "")


def test_pages_print_canonical_and_open_graph_addresses_on_the_site_address(client, demo_site):
    policy = PolicyPage.objects.live().first()
    for path in ["/", policy.url, reverse("services:directory")]:
        html = client.get(path, HTTP_HOST="localhost").content.decode()
        assert f'<link rel="canonical" href="{site_url()}{path}">' in html, path
        assert f'<meta property="og:url" content="{site_url()}{path}">' in html, path
        assert '<meta name="description" content="' in html, path
        assert f'<meta property="og:image" content="{site_url()}/static/' in html, path
        assert '<link rel="icon" href="/static/icons/favicon.svg" type="image/svg+xml">' in html, path


def test_robots_txt_points_to_the_sitemap_and_keeps_private_areas_out(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    body = response.content.decode()
    assert f"Sitemap: {site_url()}/sitemap.xml" in body
    for private in ["/admin/", "/accounts/", "/account/", "/rights/handling/", "/institutions/orders/"]:
        assert f"Disallow: {private}\n" in body
    assert "Disallow: /\n" not in body


def test_favicon_is_served_from_the_static_icons(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("icons/favicon.ico")


def test_sign_up_e_mail_speaks_for_the_platform_not_example_com(client, db):
    client.post(
        reverse("account_signup"),
        {
            "email": "li@example.org",
            "name": "李明",
            "password1": "Lianyungang-2014-ip",
            "password2": "Lianyungang-2014-ip",
        },
    )
    message = mail.outbox[-1]
    assert "example.com" not in message.body and "example.com" not in message.subject
    assert settings.WAGTAIL_SITE_NAME in message.body
    assert "请确认您的电子邮件地址" in message.subject
    assert f"{site_url()}/accounts/confirm-email/" in message.body


def test_filtered_policy_list_links_the_feed_of_its_filter_and_the_feed_holds_only_matches(client, demo_site):
    policies = PolicyIndexPage.objects.live().first()
    invalid = PolicyPage.objects.live().exclude(validity=PolicyPage.Validity.VALID).first()
    html = client.get(policies.url, {"validity": invalid.validity}).content.decode()
    assert f'href="{policies.url}rss/?validity={invalid.validity}"' in html
    channel = ET.fromstring(client.get(f"{policies.url}rss/", {"validity": invalid.validity}).content).find("channel")
    links = [item.findtext("link") for item in channel.iter("item")]
    assert invalid.full_url in links
    expected = {page.full_url for page in PolicyPage.objects.live().filter(validity=invalid.validity)}
    assert set(links) <= expected
