"""Lighthouse scores (accessibility, best practices, SEO) of three pages of a running server, written into
docs/benchmarks.md.

    make run                                  # in one terminal (or any running server)
    .venv/bin/python -m bench.lighthouse      # in another; --base-url for a different server

Lighthouse comes from npm (package.json, a dev dependency) and runs Debian's Chromium (CHROME_PATH,
/usr/bin/chromium by default) with the mobile defaults Lighthouse applies.
"""

import argparse
import datetime
import json
import os
import re
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
REPORT = ROOT / "docs" / "benchmarks.md"
CATEGORIES = ["accessibility", "best-practices", "seo"]
PAGES = [
    ("Home page", "/"),
    ("Institution directory", "/institutions/"),
    ("Policy page", "/policies/lianyungang-ip-pilot-city-plan-2014/"),
]
SECTION_START = "## Lighthouse"


def audit(url):
    with tempfile.TemporaryDirectory() as tmp:
        output = Path(tmp) / "report.json"
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                f"--only-categories={','.join(CATEGORIES)}",
                "--output=json",
                f"--output-path={output}",
                "--quiet",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            ],
            check=True,
            env={**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")},
            timeout=300,
        )
        report = json.loads(output.read_text())
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    failing = sorted(
        {
            report["audits"][ref["id"]]["title"]
            for name in CATEGORIES
            for ref in report["categories"][name]["auditRefs"]
            if ref["weight"] and (report["audits"][ref["id"]].get("score") not in (None, 1))
        }
    )
    return scores, failing, report["lighthouseVersion"]


def section(results, version, base_url):
    lines = [
        SECTION_START,
        "",
        f"Written by `.venv/bin/python -m bench.lighthouse` (`bench/lighthouse.py`) against `{base_url}` "
        f"(the embedded default with the demo data, set up as `make run` does), Lighthouse {version}, "
        f"mobile emulation, Debian's Chromium; {datetime.date.today().isoformat()}.",
        "",
        "| Page | Accessibility | Best practices | SEO | Audits not passed |",
        "| --- | --- | --- | --- | --- |",
    ]
    for (title, path), (scores, failing) in results:
        lines.append(
            f"| {title} (`{path}`) | {scores['accessibility']} | {scores['best-practices']} | {scores['seo']} "
            f"| {'; '.join(failing) or '–'} |"
        )
    return "\n".join(lines) + "\n"


def write(text):
    current = REPORT.read_text() if REPORT.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"^{re.escape(SECTION_START)}\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    if pattern.search(current):
        current = pattern.sub(lambda match: text + "\n", current)
    else:
        current = current.rstrip("\n") + "\n\n" + text
    REPORT.write_text(current)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    args = parser.parse_args()
    results = []
    version = ""
    for title, path in PAGES:
        scores, failing, version = audit(args.base_url.rstrip("/") + path)
        print(f"{title}: {scores}" + (f" — not passed: {'; '.join(failing)}" if failing else ""))
        results.append(((title, path), (scores, failing)))
    write(section(results, version, args.base_url))


if __name__ == "__main__":
    main()
