"""Pages at the speed of the server: the platform's pages against a bare Django view, under one gunicorn setup.

Serves the platform (`config.wsgi`, production settings, DEBUG off, static files through WhiteNoise) and
`bench.bare` (a Django view returning 20 KB) with the same gunicorn command, then, three rounds over the
pages, measures each in turn with 10 concurrent keep-alive clients: the bare view, the page as an
anonymous visitor (served from the page cache) and the page signed in (never cached, rendered every
time). Each page's throughput is divided by the bare view's measured just before it; the median of the
three rounds is reported. Writes the "Pages" section of docs/benchmarks.md.

Runs on the database and cache the environment names (the embedded default's var/db.sqlite3 and file
cache when nothing is set); set it up first as `make run` does (`make setup`).

    python -m bench.pages          # BENCH_SECONDS (default 3) per measurement
"""

import http.client
import os
import re
import statistics
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path
from urllib.parse import quote

from bench.report import load as load_average
from bench.report import machine_line

ROOT = Path(__file__).resolve().parent.parent
CLIENTS = 10
ROUNDS = 3
WORKERS, THREADS = 2, 2
SECONDS = float(os.environ.get("BENCH_SECONDS", "3"))
OURS_PORT, BARE_PORT = 8091, 8092
# "Pages, ten times the demo data" after `python -m bench.tenfold`: its own section, the demo's table kept.
SECTION = os.environ.get("BENCH_PAGES_SECTION", "Pages")
CACHED_TARGET, UNCACHED_TARGET, UNCACHED_P95_MS = 0.5, 0.03, 150


def server_environment():
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY=env.get("DJANGO_SECRET_KEY", "bench-pages-not-secret"),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_SECURE_HSTS_SECONDS="0",
        DJANGO_LOG_LEVEL="WARNING",
    )
    return env


def gunicorn(app, port, env):
    command = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        app,
        f"--bind=127.0.0.1:{port}",
        f"--workers={WORKERS}",
        f"--threads={THREADS}",
        "--worker-class=gthread",
        "--log-level=warning",
    ]
    return subprocess.Popen(command, cwd=ROOT, env=env)


def wait_until_serving(port, path, limit=120):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", path)
            if connection.getresponse().status < 500:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"nothing served on port {port} within {limit} s")


def load(port, path, cookie="", seconds=SECONDS):
    """(requests per second, p95 in ms, error count) for CLIENTS keep-alive clients over `seconds`."""
    headers = {"Cookie": cookie} if cookie else {}
    latencies, errors = [], [0]
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine, failed = [], 0
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    failed += 1
            except (OSError, http.client.HTTPException):
                failed += 1
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                continue
            mine.append(time.perf_counter() - started)
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    started = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    latencies.sort()
    p95 = latencies[int(len(latencies) * 0.95) - 1] * 1000 if latencies else float("nan")
    return len(latencies) / elapsed, p95, errors[0]


def prepare(env):
    """Django in this process, on the servers' settings: the pages to measure and a signed-in session."""
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import connection

    from cms.models import PolicyPage

    policy = PolicyPage.objects.live().order_by("path").first()
    pages = {
        "Home": "/",
        "Institution directory": "/institutions/",
        "A policy page": policy.url if policy else "/policies/",
        "`/search/?q=专利代理`": "/search/?q=" + quote("专利代理"),
        "Transaction list": "/listings/transactions/",
        "Public targets": "/targets/",
    }
    user = get_user_model().objects.get(email="enterprise@demo.ip.lyg")
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    cookie = f"{settings.SESSION_COOKIE_NAME}={session.session_key}"
    described = {
        "database": f"{connection.vendor} ({connection.settings_dict['NAME']})",
        "cache": settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1],
        "search": "Elasticsearch" if settings.ELASTICSEARCH_URL else "embedded",
        "data": data_described(),
        "page cache": f"on, max-age {settings.PAGE_CACHE_MAX_AGE} s" if settings.PAGE_CACHE_ENABLED else "off",
    }
    return pages, cookie, described


def data_described():
    from django.contrib.auth import get_user_model

    from cms.models import NewsPage, PolicyPage
    from listings.models import Listing
    from services.models import Institution

    counts = {
        "public institutions": Institution.objects.public().count(),
        "published postings": Listing.objects.public().count(),
        "policy pages": PolicyPage.objects.live().count(),
        "news pages": NewsPage.objects.live().count(),
        "users": get_user_model().objects.count(),
    }
    return ", ".join(f"{count:,} {name}" for name, count in counts.items())


def measure(pages, cookie):
    results = {name: {"cached": [], "uncached": [], "bare": []} for name in pages}
    for round_number in range(1, ROUNDS + 1):
        for name, path in pages.items():
            load(OURS_PORT, path, seconds=0.5)  # stores the page if the cache lost it
            bare = load(BARE_PORT, "/")
            cached = load(OURS_PORT, path)
            uncached = load(OURS_PORT, path, cookie)
            results[name]["bare"].append(bare)
            results[name]["cached"].append(cached)
            results[name]["uncached"].append(uncached)
            print(
                f"round {round_number} {name}: bare {bare[0]:.0f}/s, cached {cached[0]:.0f}/s "
                f"p95 {cached[1]:.0f} ms, signed in {uncached[0]:.0f}/s p95 {uncached[1]:.0f} ms "
                f"(errors {bare[2]}/{cached[2]}/{uncached[2]})",
                flush=True,
            )
    return results


def summarise(results):
    rows = []
    for name, runs in results.items():

        def ratio(kind, runs=runs):
            return statistics.median(ours[0] / bare[0] for ours, bare in zip(runs[kind], runs["bare"], strict=True))

        def median(kind, index, runs=runs):
            return statistics.median(run[index] for run in runs[kind])

        rows.append(
            {
                "page": name,
                "bare": median("bare", 0),
                "cached": median("cached", 0),
                "cached_p95": median("cached", 1),
                "cached_ratio": ratio("cached"),
                "uncached": median("uncached", 0),
                "uncached_p95": median("uncached", 1),
                "uncached_ratio": ratio("uncached"),
                "errors": sum(run[2] for kind in ("bare", "cached", "uncached") for run in runs[kind]),
            }
        )
    return rows


def report(rows, described, load_before, load_after):
    def met(ok):
        return "yes" if ok else "**missed**"

    lines = [
        f"## {SECTION}",
        "",
        "Written by `make bench` (`bench/pages.py`) on "
        f"{date.today().isoformat()}. gunicorn {WORKERS} workers × {THREADS} threads (gthread) serving the platform "
        "(`config.settings.production`, DEBUG off, static files through WhiteNoise) and, under the same command, "
        "`bench/bare.py` (a Django view returning 20 KB, no middleware). Three rounds; in each, every page is "
        f"measured right after the bare view, {SECONDS:g} s each, by {CLIENTS} concurrent keep-alive clients "
        "(a Python client in one process, no gzip requested); the table holds the medians of the three rounds "
        "and each ratio is the median of the per-round ratios. Cached: an anonymous visitor, served from the page "
        "cache. Signed in: the demo enterprise owner, whose pages are rendered every time (never cached).",
        "",
        machine_line(load_before, load_after) + "; the client runs on the same CPUs",
        f"- Database: {described['database']}; cache: {described['cache']}; search: {described['search']}; "
        f"page cache: {described['page cache']}",
        f"- Data: {described['data']}"
        + ("" if SECTION != "Pages" else " (the demo; ten times as much: the section after this one)"),
        "",
        "| Page | Bare req/s | Cached req/s | Cached p95 | Cached ratio (≥ 0.5) | Signed in req/s "
        "| Signed in p95 (< 150 ms) | Signed in ratio (≥ 0.03) | Errors |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        lines.append(
            f"| {row['page']} | {row['bare']:,.0f} | {row['cached']:,.0f} | {row['cached_p95']:.0f} ms "
            f"| {row['cached_ratio']:.2f} {met(row['cached_ratio'] >= CACHED_TARGET)} | {row['uncached']:,.0f} "
            f"| {row['uncached_p95']:.0f} ms {met(row['uncached_p95'] < UNCACHED_P95_MS)} "
            f"| {row['uncached_ratio']:.3f} {met(row['uncached_ratio'] >= UNCACHED_TARGET)} | {row['errors']} |"
        )
    lines.append("")
    return "\n".join(lines)


def write_section(section):
    path = ROOT / "docs" / "benchmarks.md"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    # The in-process signed-in measurements written by hand below the table (### subsections) are kept.
    pattern = re.compile(rf"^## {re.escape(SECTION)}\n.*?(?=^##+ |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _match: section + "\n", text)
    else:
        text = text.rstrip() + "\n\n" + section
    path.write_text(text, encoding="utf-8")
    print(section)
    print(f"Written to {path}")


def main():
    env = server_environment()
    if not (ROOT / "var" / "staticfiles" / "staticfiles.json").exists():
        collect = [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"]
        subprocess.run(collect, cwd=ROOT, env=env, check=True)
    pages, cookie, described = prepare(env)
    load_before = load_average()
    servers = [gunicorn("config.wsgi:application", OURS_PORT, env), gunicorn("bench.bare:application", BARE_PORT, env)]
    try:
        wait_until_serving(OURS_PORT, "/healthz")
        wait_until_serving(BARE_PORT, "/")
        results = measure(pages, cookie)
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)
    load_after = load_average()
    write_section(report(summarise(results), described, load_before, load_after))


if __name__ == "__main__":
    main()
