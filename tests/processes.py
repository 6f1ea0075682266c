"""App servers and Celery workers started by the tests over the test database (tests/test_replicas.py,
tests/test_workers.py): each a process group of its own, stopped by its id."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent

needs_postgresql = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
    reason="needs PostgreSQL: set DATABASE_URL to a postgres:// URL to run it",
)


def database_url_for_processes():
    """DATABASE_URL of the database the tests run in, for the processes they start."""
    from django.db import connection

    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def separate_redis_url():
    """REDIS_URL on another database number, for the processes a test starts: the tests' own cache is
    emptied around every test (conftest.py, in every xdist worker), which must not empty theirs nor the queue
    their tasks wait in."""
    base, _, number = os.environ["REDIS_URL"].rpartition("/")
    return f"{base}/{(int(number or 0) + 8) % 16}"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(condition, seconds, what):
    """Polls `condition` until it is true, for at most `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise TimeoutError(f"{what} within {seconds}s")


class Process:
    """A Python module run as `python -m …` in the repository, its output in `log`."""

    def __init__(self, args, env, log):
        self.log = log
        self._log_file = open(log, "w")
        self.popen = subprocess.Popen(
            [sys.executable, "-m", *args],
            cwd=BASE_DIR,
            env=env,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def running(self):
        if self.popen.poll() is not None:
            raise RuntimeError(f"{self.popen.args} exited ({self.popen.returncode}):\n{self.output()[-3000:]}")
        return True

    def output(self):
        return Path(self.log).read_text(errors="replace")

    def stop(self):
        if self.popen.poll() is None:
            os.killpg(self.popen.pid, signal.SIGTERM)
            try:
                self.popen.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait()
        self._log_file.close()
