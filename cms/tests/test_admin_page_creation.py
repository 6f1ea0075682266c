"""Creating a page in the Wagtail admin: no autosave behind the editor's back, slug clashes told in Chinese."""

import re

import pytest

from cms.models import NewsPage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def news_form(**fields):
    return {
        "title": "试点城市建设推进会召开",
        "slug": "meeting",
        "date": "2026-11-30",
        "category": "news",
        "summary": "会议部署下一阶段工作。",
        "body-count": "0",
        "tags": "",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
        "action-publish": "action-publish",
        **fields,
    }


def autosaves(html):
    form = re.search(r'<form[^>]*id="page-edit-form"[^>]*>', html, re.S).group(0)
    return "w-autosave" in form


def test_the_create_form_does_not_autosave_but_the_edit_form_does(editor, news_index, make_news):
    creating = editor.get(f"/admin/pages/add/cms/newspage/{news_index.pk}/").content.decode()
    assert not autosaves(creating)
    editing = editor.get(f"/admin/pages/{make_news().pk}/edit/").content.decode()
    assert autosaves(editing)


def test_a_failed_first_attempt_then_a_retry_creates_one_page(editor, news_index):
    url = f"/admin/pages/add/cms/newspage/{news_index.pk}/"
    failed = editor.post(url, news_form(summary=""))
    assert failed.status_code == 200
    assert not NewsPage.objects.filter(slug="meeting").exists()
    # The re-shown form of a failed attempt would have autosaved the page as a draft in Wagtail 8.
    assert not autosaves(failed.content.decode())

    retried = editor.post(url, news_form())
    assert retried.status_code == 302
    assert NewsPage.objects.filter(slug="meeting").count() == 1
    assert NewsPage.objects.get(slug="meeting").live


def test_a_slug_already_used_is_told_in_chinese_on_the_slug_field(editor, news_index, make_news):
    make_news(slug="meeting")
    response = editor.post(f"/admin/pages/add/cms/newspage/{news_index.pk}/", news_form())
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "slug" in errors
    assert "已有网址别名为“meeting”的页面" in errors["slug"][0]
    assert NewsPage.objects.filter(slug="meeting").count() == 1
