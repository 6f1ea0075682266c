"""The main pages are valid HTML, as the Nu Html Checker (npm `vnu-jar`, pinned in package.json) sees them.

Pages are fetched with the test client and checked in one run of the checker, which starts a Java VM once.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.pages import main_pages

VNU_JAR = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

pytestmark = [
    pytest.mark.skipif(
        shutil.which("java") is None,
        reason="needs Java to run the Nu Html Checker (apt-get install default-jre-headless)",
    ),
    pytest.mark.skipif(
        not VNU_JAR.exists(), reason=f"needs {VNU_JAR}: run `npm ci` (vnu-jar is pinned in package.json)"
    ),
]


@pytest.fixture
def demo_site(indexed_demo):
    """The demo, restored once for this module, on each search backend."""


SIGNED_IN_PAGES = [
    "accounts:dashboard",
    "services:order_list",
    "training:mine",
    "listings:dashboard",
    "rights:assistance",
]


def test_main_pages_are_valid_html(client, demo_site, tmp_path):
    pages = {}
    for path in main_pages():
        pages[path] = client.get(path)
    pages["sign-up with errors"] = client.post(
        reverse("account_signup"), {"email": "not-an-address", "password1": "a", "password2": "b"}
    )
    pages["report form with errors"] = client.post(reverse("rights:report"), {})
    client.force_login(get_user_model().objects.get(email="enterprise@demo.ip.lyg"))
    for name in SIGNED_IN_PAGES:
        pages[reverse(name)] = client.get(reverse(name))

    files = {}
    for number, (path, response) in enumerate(pages.items()):
        assert response.status_code == 200, path
        file = tmp_path / f"page-{number}.html"
        file.write_bytes(response.content)
        files[file.name] = path
    result = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--format",
            "json",
            "--exit-zero-always",
            *map(str, tmp_path.glob("*.html")),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    page_of = {url: files.get(url.rsplit("/", 1)[-1], url) for url in {message.get("url", "") for message in messages}}
    report = [
        f"{page_of[message.get('url', '')]} line {message.get('lastLine')}: {message['message']}"
        f"\n    {(message.get('extract') or '').strip()[:200]}"
        for message in messages
    ]
    assert not report, f"{len(report)} HTML error(s):\n" + "\n".join(report)
