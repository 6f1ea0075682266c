import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_site(demo_for_module, db):
    """The demo, restored once for this module."""


def test_home_page_shows_the_platform_and_its_sections_in_chinese(client, demo_site):
    response = client.get("/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "连云港市知识产权公共服务平台" in page
    for section in ["政策法规", "新闻动态", "培训", "服务机构", "交易信息", "质押融资", "维权援助", "综合搜索"]:
        assert section in page
    assert response["Content-Language"] == "zh-hans"


def test_browser_language_does_not_override_chinese_default(client, demo_site):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Content-Language"] == "zh-hans"
    assert "登录" in response.content.decode()


def test_language_switch_shows_english(client, demo_site):
    response = client.get(reverse("switch_language", args=["en"]), {"next": "/"}, follow=True)
    page = response.content.decode()
    assert response["Content-Language"] == "en"
    assert "Log in" in page
    assert "Policies" in page


def test_unknown_page_gets_the_custom_404(client, demo_site):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "您访问的页面不存在" in response.content.decode()


def test_server_error_page_is_plain_and_bilingual(client):
    from core.views import server_error

    response = server_error(None)
    assert response.status_code == 500
    assert "服务器出现错误" in response.content.decode()


def test_healthz_reports_each_service_as_json(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    report = response.json()
    assert report["status"] == "ok"
    assert report["database"]["ok"] is True
    assert report["cache"]["ok"] is True
    assert report["search"]["ok"] is True


@override_settings(ELASTICSEARCH_URL="http://127.0.0.1:9")
def test_healthz_reports_an_unreachable_search_service_as_degraded(client):
    report = client.get("/healthz").json()
    assert report["status"] == "degraded"
    assert report["search"]["ok"] is False
    assert report["database"]["ok"] is True


def test_load_demo_twice_changes_nothing(demo_site):
    from django.apps import apps

    def counts():
        return {model._meta.label: model.objects.count() for model in apps.get_models()}

    before = counts()
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert counts() == before


def test_demo_users_can_log_in(client, demo_site):
    from accounts.demo import DEMO_PASSWORD

    for email in ["admin@demo.ip.lyg", "enterprise@demo.ip.lyg", "institution@demo.ip.lyg"]:
        client.post(reverse("account_login"), {"login": email, "password": DEMO_PASSWORD})
        assert "_auth_user_id" in client.session, email
        client.logout()


def test_wagtail_admin_is_for_staff_only(client, demo_site):
    from accounts.models import User

    client.force_login(User.objects.get(email="enterprise@demo.ip.lyg"))
    refused = client.get("/admin/")
    assert refused.status_code == 403
    assert "管理后台仅供平台工作人员使用" in refused.content.decode()
    client.logout()
    assert client.get("/admin/").status_code == 302
    client.force_login(User.objects.get(email="admin@demo.ip.lyg"))
    assert client.get("/admin/").status_code == 200


def test_an_english_request_leaves_the_next_request_in_chinese(client, demo_site):
    from django.utils import translation

    client.cookies["ipp_language"] = "en"
    assert client.get("/")["Content-Language"] == "en"
    assert translation.get_language() == "zh-hans"
    del client.cookies["ipp_language"]
    assert "登录" in client.get("/").content.decode()
