"""What every benchmark reports with its numbers (the machine and its load), and writing its own section
of docs/benchmarks.md."""

import os
import platform
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def machine():
    memory = ""
    try:
        with open("/proc/meminfo") as meminfo:
            kb = int(meminfo.readline().split()[1])
            memory = f"{kb / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    system = f"{platform.system()} {platform.machine()}, Python {platform.python_version()}"
    return f"{os.cpu_count()} CPUs (nproc), {memory} memory, {system}"


def load():
    """The machine's load averages (1, 5, 15 minutes): other work on the machine moves these numbers."""
    try:
        return ", ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


def machine_line(load_before, load_after=None):
    """The "- Machine:" line of a report: the machine and its load averages before and after the run. The
    benchmark's own processes count in the load; above the CPU count, other work shared the CPUs."""
    after = load() if load_after is None else load_after
    return (
        f"- Machine: {machine()}; load average (1, 5, 15 min) {load_before} before the run, {after} after "
        f"(the benchmark's own processes count in it; above {os.cpu_count()}, other work was sharing the CPUs)"
    )


def write_section(heading, lines, path=None):
    """Replaces one "## heading" section of docs/benchmarks.md (or adds it), leaving the others as they
    are: each benchmark writes its own section."""
    path = path or ROOT / "docs" / "benchmarks.md"
    current = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    marker = f"## {heading}\n"
    section = marker + "\n" + "\n".join(lines).rstrip() + "\n"
    if marker in current:
        before, _, rest = current.partition(marker)
        following = rest.find("\n## ")
        after = rest[following + 1 :] if following != -1 else ""
        updated = before + section + ("\n" + after if after else "")
    else:
        updated = current.rstrip() + "\n\n" + section
    path.write_text(updated, encoding="utf-8")
    return path
