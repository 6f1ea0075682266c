import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

BASE_DIR = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_URL"))}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=environment, capture_output=True, text=True
    )


def test_production_mode_passes_the_deployment_checklist():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY="x" * 60 + "production-check-secret-with-enough-variety-1234567890",
        DJANGO_ALLOWED_HOSTS="ip.lyg.example",
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage(
        "check", DJANGO_SETTINGS_MODULE="config.settings.production", DJANGO_ALLOWED_HOSTS="ip.lyg.example"
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_debug_is_off_unless_asked_for():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.DEBUG)",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY="s" * 60,
        DJANGO_ALLOWED_HOSTS="ip.lyg.example",
    )
    assert result.stdout.strip().splitlines()[-1] == "False"


def test_platform_folder_holds_no_python():
    # A package named `platform` would shadow the standard library module that stripe imports.
    assert not list((BASE_DIR / "platform").rglob("*.py"))


@pytest.mark.redis
@pytest.mark.django_db
def test_cache_uses_redis_when_redis_url_is_set(client):
    report = client.get("/healthz").json()
    assert report["cache"] == {"ok": True, "backend": "RedisCache"}
    assert settings.CELERY_BROKER_URL == os.environ["REDIS_URL"]


@pytest.mark.elasticsearch
@pytest.mark.django_db
def test_search_uses_elasticsearch_when_its_url_is_set(client):
    report = client.get("/healthz").json()
    assert report["search"]["backend"] == "elasticsearch"
    assert report["search"]["ok"] is True
    assert report["search"]["version"].startswith("8.")


@pytest.mark.django_db
def test_database_is_the_one_database_url_names(client):
    expected = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    assert client.get("/healthz").json()["database"]["vendor"] == expected


def test_production_sends_a_content_security_policy_and_a_permissions_policy():
    # The policy middlewares of the production MIDDLEWARE around a plain view (no database needed).
    script = (
        "from django.conf import settings\n"
        "from django.http import HttpResponse\n"
        "from django.test import RequestFactory\n"
        "from django.utils.module_loading import import_string\n"
        "handler = lambda request: HttpResponse('ok')\n"
        "for name in reversed([m for m in settings.MIDDLEWARE if 'Policy' in m]):\n"
        "    handler = import_string(name)(handler)\n"
        "for path in ('/', '/admin/'):\n"
        "    r = handler(RequestFactory().get(path, secure=True, HTTP_HOST='ip.lyg.example'))\n"
        "    print(path, '|', r['Content-Security-Policy'], '|', r['Permissions-Policy'])\n"
    )
    result = run_manage(
        "shell",
        "-c",
        script,
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY="s" * 60,
        DJANGO_ALLOWED_HOSTS="ip.lyg.example",
    )
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(" | ", 1) for line in result.stdout.strip().splitlines() if " | " in line)
    public_csp, permissions = lines["/"].split(" | ")
    directives = {part.split()[0]: part.split()[1:] for part in public_csp.split("; ")}
    assert directives["script-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in directives["default-src"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in permissions
    admin_csp = lines["/admin/"].split(" | ")[0]
    assert "script-src 'self' 'unsafe-inline'" in admin_csp
