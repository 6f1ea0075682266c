"""The README's curl examples of the open API, run as written against the served platform (only the
address replaced by SMOKE_BASE_URL's): each answers 200 with JSON, or with the ETag header it promises."""

import json
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import base_url

README = Path(__file__).resolve().parents[2] / "README.md"
WRITTEN_BASE = "http://127.0.0.1:8000"


def readme_api_examples():
    text = README.read_text(encoding="utf-8")
    section = text.split("## Open read API", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    return [line.split("   #", 1)[0].strip() for line in block.splitlines() if line.startswith("curl ")]


def test_the_readme_shows_examples_of_the_api():
    examples = readme_api_examples()
    assert len(examples) >= 3
    assert all(WRITTEN_BASE + "/api/v1/" in example for example in examples)


@pytest.mark.parametrize("example", readme_api_examples())
def test_each_readme_example_works_as_written(example):
    if shutil.which("curl") is None:
        pytest.skip("needs curl")
    command = example.replace(WRITTEN_BASE, base_url())
    pipeline = [part.strip() for part in command.split("|")]
    curl = shlex.split(pipeline[0])
    answer = subprocess.run([*curl, "--fail-with-body"], capture_output=True, timeout=60, check=False)
    assert answer.returncode == 0, (example, answer.stderr.decode(), answer.stdout.decode()[:500])
    output = answer.stdout.decode()
    if "-si" in curl or "-i" in curl:
        assert re.search(r"^etag: \"[0-9a-f]+\"", output, re.I | re.M), output[:500]
        return
    body = json.loads(output)
    assert body["results"], example
