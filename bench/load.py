"""A bounded load test: 50 simulated people for five minutes against a served platform, on loopback.

    make run                      # in one terminal (gunicorn, DEBUG off, the demo data)
    make load                     # in another: python -m bench.load --host http://127.0.0.1:8000

Locust runs in its own process (bench/locustfile.py: visitors browsing and searching, enterprises
logged in sending inquiries), headless, and writes its statistics as CSV; this script reads them and
writes the "Load" section of docs/benchmarks.md: requests, failures, median and p95 per kind of request
and over all, with the machine, its load and how the server was run. It exits non-zero when any request
failed. Only loopback hosts are accepted: this is not a tool for loading someone else's server.
"""

import argparse
import csv
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from bench.report import load, machine_line, write_section

LOCUSTFILE = Path(__file__).resolve().parent / "locustfile.py"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def arguments(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="http://127.0.0.1:8000", help="the served platform (loopback only)")
    parser.add_argument("--users", type=int, default=50, help="simulated people (default 50)")
    parser.add_argument("--spawn-rate", type=float, default=5, help="people started per second (default 5)")
    parser.add_argument("--run-time", default="5m", help="how long, in Locust's notation (default 5m)")
    parser.add_argument("--server", default="", help="how the platform was served, for the report")
    parser.add_argument("--no-report", action="store_true", help="do not write docs/benchmarks.md")
    return parser.parse_args(argv)


def run_locust(options, prefix):
    command = [
        sys.executable,
        "-m",
        "locust",
        "-f",
        str(LOCUSTFILE),
        "--headless",
        "--host",
        options.host,
        "--users",
        str(options.users),
        "--spawn-rate",
        str(options.spawn_rate),
        "--run-time",
        options.run_time,
        "--csv",
        str(prefix),
        "--only-summary",
        "--exit-code-on-error",
        "0",
        "--loglevel",
        "WARNING",
    ]
    subprocess.run(command, check=True)


def read_stats(prefix):
    with open(f"{prefix}_stats.csv", encoding="utf-8") as stats:
        rows = list(csv.DictReader(stats))
    return [
        {
            "type": row["Type"],
            "name": row["Name"],
            "requests": int(row["Request Count"]),
            "failures": int(row["Failure Count"]),
            "median": float(row["50%"] or 0),
            "p95": float(row["95%"] or 0),
            "rps": float(row["Requests/s"] or 0),
        }
        for row in rows
    ]


def report(options, rows, load_before):
    total = next(row for row in rows if row["name"] == "Aggregated")
    kinds = sorted((row for row in rows if row["name"] != "Aggregated"), key=lambda row: -row["requests"])
    lines = [
        "Written by `make load` (`bench/load.py`, Locust in its own process, on loopback); not part of `make test`.",
        "",
        f"- Date: {date.today().isoformat()}",
        machine_line(load_before),
        f"- Served: {options.server or options.host}",
        f"- {options.users} simulated people (four visitors browsing and searching to one enterprise logged in "
        f"and sending inquiries), {options.spawn_rate:g} started per second, for {options.run_time}",
        "",
        "| Request | Requests | Failures | Median | p95 | Req/s |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for row in [*kinds, total]:
        name = "All requests" if row is total else f"{row['type']} `{row['name']}`"
        lines.append(
            f"| {name} | {row['requests']:,} | {row['failures']:,} | {row['median']:.0f} ms | {row['p95']:.0f} ms "
            f"| {row['rps']:.1f} |"
        )
    outcome = "No request failed." if total["failures"] == 0 else f"{total['failures']} requests FAILED."
    lines += ["", f"{outcome} p95 over all requests: {total['p95']:.0f} ms."]
    return lines, total


def main(argv=None):
    options = arguments(argv)
    host = urlsplit(options.host).hostname
    if host not in LOOPBACK:
        sys.exit(f"bench.load only loads a server on this machine (loopback), not {host}")
    load_before = load()
    with tempfile.TemporaryDirectory(prefix="ipp-load-") as workdir:
        prefix = Path(workdir) / "load"
        run_locust(options, prefix)
        rows = read_stats(prefix)
    lines, total = report(options, rows, load_before)
    print("\n".join(lines))
    if not options.no_report:
        print(f"Written to {write_section('Load', lines)}")
    return 1 if total["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
