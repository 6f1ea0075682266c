"""The Wagtail admin in Chinese, as an editor sees it: the dashboard, the page tree, a page editor with the
shared StreamField, the page search. Wagtail's own catalogue lacks a number of its newer strings; our
locale/zh_Hans override supplies them, our blocks and panels carry Chinese labels, and the avatars load."""

import re

from django.urls import reverse
from playwright.sync_api import expect

from cms.models import NewsPage
from tests.e2e.steps import ADMIN_EMAIL, log_in

# What editors reported seeing in English (issue #13 item 14), as the words appear on screen.
ENGLISH_SEEN_BY_EDITORS = re.compile(
    r"\b(\d+ (Pages?|Images?|Documents?)|Search all pages|Root|Referenced \d+ times?|Insert a block|Heading|"
    r"Autosave is paused|validation errors?|This field is required|Moderators approval|Anyone can edit)\b"
)


def english_on_screen(page):
    text = page.locator("body").inner_text()
    labels = page.evaluate(
        """() => [...document.querySelectorAll('[aria-label], [placeholder], [title]')]
          .filter((element) => element.checkVisibility())
          .flatMap((element) => ['aria-label', 'placeholder', 'title'].map((name) => element.getAttribute(name)))
          .filter(Boolean)"""
    )
    return sorted({match.group(0) for match in ENGLISH_SEEN_BY_EDITORS.finditer("\n".join([text, *labels]))})


def avatars_load(page):
    avatars = page.locator("img[src*=avatar]")
    expect(avatars.first).to_be_attached()
    return page.evaluate(
        """() => [...document.querySelectorAll('img[src*=avatar]')].every(
          (image) => image.complete && image.naturalWidth > 0)"""
    )


def test_the_admin_in_chinese_shows_none_of_the_english_editors_met(page):
    # The page editor is the heaviest page of the site; on a busy machine it takes longer than the default.
    page.set_default_timeout(60_000)
    avatar_responses = []
    page.on("response", lambda response: "avatar" in response.url and avatar_responses.append(response.status))
    log_in(page, ADMIN_EMAIL)
    article = NewsPage.objects.live().first()

    page.goto("/admin/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    expect(page.get_by_text(re.compile(r"\d+ 个页面"))).to_be_visible()
    assert english_on_screen(page) == []
    assert avatars_load(page)

    page.goto(reverse("wagtailadmin_explore_root"))
    expect(page.get_by_role("heading", name=re.compile("全部页面"))).to_be_visible()
    assert english_on_screen(page) == []
    page.goto(reverse("wagtailadmin_explore", args=[article.get_parent().pk]))
    assert english_on_screen(page) == []

    page.goto(reverse("wagtailadmin_pages:search") + "?q=专利")
    expect(page.locator("#page-results, [id$=results]").first).to_be_visible()
    assert english_on_screen(page) == []

    page.goto(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    expect(page.locator("#id_title")).to_be_editable()
    expect(page.get_by_text("被引用 0 次").first).to_be_attached()
    # The body's block picker: the button that opens it and the blocks it offers.
    page.locator(".c-sf-add-button").first.click()
    expect(page.get_by_text("小标题").first).to_be_visible()
    assert english_on_screen(page) == []

    assert avatar_responses and set(avatar_responses) <= {200, 304}
