"""Where a signed-in page's time goes, in one process: the six pages of `bench/pages.py`, signed in as the
demo enterprise owner, against a bare Django view, through Django's test client.

No server and no network: each round requests every page N times right after N requests of the bare view
(`bench/bare.py`'s view, no middleware), and reports the medians: the page's wall and CPU milliseconds, the
bare view's CPU milliseconds and their ratio (the bare view's CPU time over the page's: the share of a bare
view's throughput the page would get from the same CPUs; CPU time, because on a shared machine the wall time
is mostly the others' work).
The median of the rounds is printed with each page's query count; `--profile` then runs cProfile over
every page and prints its top entries.

Runs on the settings `bench/pages.py` serves (`config.settings.production`, DEBUG off, the cached template
loader) and the database and cache the environment names: the embedded default (var/db.sqlite3 and the
file cache) when nothing is set, after `manage.py migrate && manage.py load_demo`.

    python -m bench.signed_in_profile                  # 3 rounds of 10 requests per page and side
    python -m bench.signed_in_profile --rounds 5 --requests 20 --profile
"""

import argparse
import cProfile
import io
import pstats
import statistics
import subprocess
import sys
import time

from bench.pages import ROOT, prepare, server_environment


class BareUrlconf:
    """The only middleware of the bare side: its requests resolve against `bench.bare`'s one URL."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.urlconf = "bench.bare"
        return self.get_response(request)


def clients(cookie):
    from django.conf import settings
    from django.test import Client, override_settings

    import bench.bare  # noqa: F401  (its URL pattern)

    signed_in = Client(HTTP_HOST="127.0.0.1")
    name, _equals, value = cookie.partition("=")
    signed_in.cookies[name] = value
    bare = Client(HTTP_HOST="127.0.0.1")
    with override_settings(MIDDLEWARE=[f"{__name__}.BareUrlconf"]):
        bare.handler.load_middleware()
    assert settings.SESSION_COOKIE_NAME == name
    return signed_in, bare


def timed(client, path, count):
    """Median wall and CPU milliseconds of `count` GETs of `path` (one untimed first), and the last response.

    The CPU time (this thread's) is what the request cost; the wall time adds whatever else the machine was
    doing meanwhile, which on a shared machine is most of the noise."""
    response = client.get(path)
    wall, cpu = [], []
    for _ in range(count):
        started, started_cpu = time.perf_counter(), time.thread_time()
        response = client.get(path)
        cpu.append((time.thread_time() - started_cpu) * 1000)
        wall.append((time.perf_counter() - started) * 1000)
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    return statistics.median(wall), statistics.median(cpu), response


def query_counts(client, pages):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for name, path in pages.items():
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        counts[name] = len(queries)
    return counts


def measure(signed_in, bare, pages, rounds, count):
    results = {name: [] for name in pages}
    for number in range(1, rounds + 1):
        for name, path in pages.items():
            _bare_wall, bare_cpu, _response = timed(bare, "/", count)
            page_wall, page_cpu, response = timed(signed_in, path, count)
            if b'id="inbox-badge"' not in response.content:
                raise SystemExit(f"{path} was not rendered signed in")
            results[name].append((page_wall, page_cpu, bare_cpu))
            print(f"round {number} {name}: {page_wall:.1f} ms ({page_cpu:.1f} CPU), bare {bare_cpu:.2f} CPU")
    return results


def profile(signed_in, pages, count, top, stats_file=None):
    profiler = cProfile.Profile()
    for path in pages.values():
        signed_in.get(path)
    profiler.enable()
    for path in pages.values():
        for _ in range(count):
            signed_in.get(path)
    profiler.disable()
    if stats_file:
        profiler.dump_stats(stats_file)
    for order in ("cumulative", "tottime"):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats(order).print_stats(top)
        print(f"\n=== cProfile, {count} requests of each page, by {order} ===")
        print(out.getvalue().split("\n", 6)[-1] if order == "tottime" else out.getvalue())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--requests", type=int, default=10, help="requests per page and side in a round")
    parser.add_argument("--profile", action="store_true", help="then cProfile every page")
    parser.add_argument("--top", type=int, default=40, help="entries of the profile shown")
    parser.add_argument("--profile-file", help="also write the profile there (for pstats or snakeviz)")
    parser.add_argument("--page", help="only the pages whose name contains this (e.g. directory)")
    arguments = parser.parse_args()

    env = server_environment()
    if not (ROOT / "var" / "staticfiles" / "staticfiles.json").exists():
        collect = [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"]
        subprocess.run(collect, cwd=ROOT, env=env, check=True)
    pages, cookie, described = prepare(env)
    if arguments.page:
        pages = {name: path for name, path in pages.items() if arguments.page.lower() in name.lower()}
    signed_in, bare = clients(cookie)
    counts = query_counts(signed_in, pages)
    results = measure(signed_in, bare, pages, arguments.rounds, arguments.requests)
    print(f"\n{described['database']}, cache {described['cache']}, search {described['search']}")
    print(f"median of {arguments.rounds} rounds, {arguments.requests} requests per page and side each")
    print("| Page | Signed in ms | Signed in CPU ms | Bare CPU ms | Ratio (CPU) | Queries |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, runs in results.items():
        wall, cpu, bare = (statistics.median(run[index] for run in runs) for index in range(3))
        ratio = statistics.median(run[2] / run[1] for run in runs)
        print(f"| {name} | {wall:.1f} | {cpu:.1f} | {bare:.2f} | {ratio:.4f} | {counts[name]} |")
    if arguments.profile:
        profile(signed_in, pages, arguments.requests, arguments.top, arguments.profile_file)


if __name__ == "__main__":
    main()
