"""What every test of a private file checks: the name the uploader gave it never reaches the storage path, and a
permitted download carries it."""

from pathlib import PurePosixPath
from urllib.parse import quote


def assert_kept_under_a_generated_name(client, field_file, original_name, url):
    """`client` is logged in as someone who may download the file at `url`."""
    stem, extension = PurePosixPath(original_name).stem, PurePosixPath(original_name).suffix
    assert stem not in field_file.name and field_file.name.endswith(extension), field_file.name
    response = client.get(url)
    assert response.status_code == 200, url
    assert quote(original_name) in response["Content-Disposition"], url
    return response
