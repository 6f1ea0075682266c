"""The Wagtail admin in Chinese: the strings Wagtail's own catalogue lacks come from our locale override."""

import re

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ENGLISH_SEEN_BY_EDITORS = [
    "Pages <span",
    "Images <span",
    "Documents <span",
    "Search all pages…",
    "Referenced 0 times",
    "Autosave is paused",
    "gravatar.com",
]


@pytest.fixture
def editor(client):
    user = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(user)
    return client


def shows_no_english(html):
    return [text for text in ENGLISH_SEEN_BY_EDITORS if text in html]


def test_dashboard_explorer_and_editor_show_no_untranslated_english(editor, news_index, make_news):
    assert shows_no_english(editor.get("/admin/").content.decode()) == []
    assert "搜索全部页面" in editor.get("/admin/").content.decode()
    assert shows_no_english(editor.get(f"/admin/pages/{news_index.pk}/").content.decode()) == []

    creating = editor.get(f"/admin/pages/add/cms/newspage/{news_index.pk}/").content.decode()
    assert shows_no_english(creating) == []
    assert "Heading" not in creating  # the body's block names
    article = make_news()
    editing = editor.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert shows_no_english(editing) == []
    assert "被引用 0 次" in editing


def test_admin_scripts_get_chinese_for_the_block_picker_and_autosave(editor):
    # The catalogue is JSON with every non-ASCII character escaped (\uXXXX); the rest of the script is left as it is.
    escaped = editor.get("/admin/jsi18n/").content.decode()
    catalogue = re.sub(r"\\u([0-9a-fA-F]{4})", lambda found: chr(int(found.group(1), 16)), escaped)
    assert "插入内容块" in catalogue
    assert "正在自动保存" in catalogue


def test_page_tree_root_workflow_and_page_search_are_in_chinese(editor, news_index, make_news):
    explorer = editor.get("/admin/pages/").content.decode()
    assert "全部页面" in explorer
    assert ">Root<" not in explorer
    assert "The root level is where" not in explorer

    editing = editor.get(f"/admin/pages/{make_news().pk}/edit/").content.decode()
    assert "Moderators approval" not in editing
    assert "Anyone can edit" not in editing

    search = editor.get("/admin/pages/search/?q=新闻").content.decode()
    assert "matching page" not in search
    assert "in ascending order" not in search


def test_wagtails_own_groups_are_named_in_chinese(editor):
    groups = editor.get("/admin/groups/").content.decode()
    assert "页面审核员" in groups and "页面编辑员" in groups
    assert "Moderators" not in groups and "Editors" not in groups


def test_a_page_saved_with_errors_is_refused_in_chinese(editor, news_index):
    response = editor.post(
        f"/admin/pages/add/cms/newspage/{news_index.pk}/",
        {"title": "", "slug": "", "summary": "", "body-count": "0", "action-publish": "action-publish"},
    )
    page = response.content.decode()
    assert "页面有内容未通过校验，未能创建。" in page
    assert "必需字段" in page
    for english in ("could not be created", "This field is required", "validation errors"):
        assert english not in page
