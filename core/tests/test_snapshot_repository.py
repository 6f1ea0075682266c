"""`manage.py snapshot_repository`: an Elasticsearch file-system snapshot repository copied to the bucket and
back (platform/backup.sh, restore.sh). The repositories here are laid out as Elasticsearch lays them out (root
index blobs `index-N` and `index.latest`, snapshot and index metadata, segment blobs `__…` per shard);
.ci/restore-check.sh does the same with a real node's repository."""

import hashlib
import json
import os

import pytest
from botocore.client import BaseClient
from botocore.exceptions import EndpointConnectionError
from django.core.management import CommandError, call_command


def _write_repository(root, generation, blobs, uuid="FaOTsB6tTOK0TZ5se3-_Bg"):
    """The folder as Elasticsearch leaves it at `generation`: the blobs, `index-<generation>` describing the
    repository, `index.latest` naming the generation (an 8-byte big-endian number); older root blobs removed."""
    for path in root.glob("index-*"):
        path.unlink()
    for name, content in blobs.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    state = {"min_version": "7.12.0", "uuid": uuid, "snapshots": [{"name": f"s{generation}"}]}
    (root / f"index-{generation}").write_text(json.dumps(state))
    (root / "index.latest").write_bytes(generation.to_bytes(8, "big"))


def _folder(root):
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in root.rglob("*") if path.is_file()}


FIRST = {
    "snap-AAAA.dat": b"snapshot AAAA",
    "meta-AAAA.dat": b"metadata AAAA",
    "indices/IdX/meta-m1.dat": b"index metadata",
    "indices/IdX/0/index-u1": b"shard generation 1",
    "indices/IdX/0/snap-AAAA.dat": b"shard snapshot AAAA",
    "indices/IdX/0/__seg1": os.urandom(300_000),
    "indices/IdX/0/__seg2": os.urandom(2_000),
}
# The next night: a new snapshot reusing the segments, the first snapshot deleted (ES_SNAPSHOT_KEEP=1).
SECOND = {
    "snap-BBBB.dat": b"snapshot BBBB",
    "meta-BBBB.dat": b"metadata BBBB",
    "indices/IdX/0/index-u2": b"shard generation 2",
    "indices/IdX/0/snap-BBBB.dat": b"shard snapshot BBBB",
    "indices/IdX/0/__seg3": os.urandom(5_000),
}
FIRST_ONLY = ("snap-AAAA.dat", "meta-AAAA.dat", "indices/IdX/0/index-u1", "indices/IdX/0/snap-AAAA.dat")


@pytest.fixture
def copy_prefix(bucket, settings):
    """The bucket (S3_BUCKET, through the platform's S3_* settings) and a prefix of the test's own, removed after."""
    settings.S3_OPTIONS = settings.TEST_S3_OPTIONS
    settings.S3_BUCKET = settings.TEST_S3_OPTIONS["bucket_name"]
    return f"{bucket}/backups/elasticsearch/ipp_backups"


def _run(capsys, direction, folder, prefix):
    call_command("snapshot_repository", direction, str(folder), "--prefix", prefix)
    return capsys.readouterr().out.splitlines()[-1]


def _in_bucket(settings, prefix):
    from storages.backends.s3 import S3Storage

    bucket = S3Storage(**settings.S3_OPTIONS).bucket
    objects = {}
    for summary in bucket.objects.filter(Prefix=f"{prefix}/"):
        obj = summary.Object()
        content = obj.get()["Body"].read()
        assert obj.metadata["sha256"] == hashlib.sha256(content).hexdigest(), summary.key
        objects[summary.key[len(prefix) + 1 :]] = content
    return objects


@pytest.mark.s3
def test_a_push_copies_the_repository_verified_and_the_next_uploads_only_the_new_snapshot(
    copy_prefix, settings, tmp_path, capsys
):
    repository = tmp_path / "ipp_backups"
    _write_repository(repository, 0, FIRST)
    assert _run(capsys, "push", repository, copy_prefix).startswith(
        "pushed 7 blob(s) and 2 root index blob(s) (302"  # bytes: the segments' and the rest
    )
    assert _in_bucket(settings, copy_prefix) == _folder(repository)

    # Nothing changed: nothing is uploaded again.
    assert _run(capsys, "push", repository, copy_prefix).startswith(
        "pushed 0 blob(s) and 0 root index blob(s) (0 bytes), already in the bucket 9, deleted from the bucket 0"
    )

    # The next night: only the new snapshot's blobs and the root index blobs go up; what Elasticsearch
    # deleted (the first snapshot's own blobs, the previous root index blob) is deleted from the bucket.
    for name in FIRST_ONLY:
        (repository / name).unlink()
    _write_repository(repository, 2, SECOND)
    root_blob = len((repository / "index-2").read_bytes())
    assert _run(capsys, "push", repository, copy_prefix) == (
        f"pushed 5 blob(s) and 2 root index blob(s) ({sum(map(len, SECOND.values())) + 8 + root_blob} bytes), "
        "already in the bucket 3, deleted from the bucket 5; "
        f"s3://{settings.S3_BUCKET}/{copy_prefix} holds generation 2 of repository FaOTsB6tTOK0TZ5se3-_Bg"
    )
    assert _in_bucket(settings, copy_prefix) == _folder(repository)


@pytest.mark.s3
def test_an_interrupted_push_leaves_the_bucket_at_the_previous_generation_and_the_next_run_completes(
    copy_prefix, settings, tmp_path, capsys, monkeypatch
):
    repository = tmp_path / "ipp_backups"
    _write_repository(repository, 0, FIRST)
    _run(capsys, "push", repository, copy_prefix)
    generation_0 = _in_bucket(settings, copy_prefix)
    for name in FIRST_ONLY:
        (repository / name).unlink()
    _write_repository(repository, 2, SECOND)

    # The connection drops at the third upload of the next push.
    make_api_call = BaseClient._make_api_call
    puts = []

    def dropping_at_the_third_upload(client, operation, params):
        if operation == "PutObject":
            puts.append(params["Key"])
            if len(puts) == 3:
                raise EndpointConnectionError(endpoint_url=settings.S3_OPTIONS["endpoint_url"])
        return make_api_call(client, operation, params)

    monkeypatch.setattr(BaseClient, "_make_api_call", dropping_at_the_third_upload)
    with pytest.raises(CommandError, match="run the command again"):
        call_command("snapshot_repository", "push", str(repository), "--prefix", copy_prefix)
    monkeypatch.undo()

    # The bucket still says generation 0, and holds every blob generation 0 points at: a pull of it now is the
    # repository as it was before this push, whole; the two blobs uploaded before the cut are there unreferenced.
    interrupted = _in_bucket(settings, copy_prefix)
    assert {name: interrupted[name] for name in generation_0} == generation_0
    assert set(interrupted) - set(generation_0) == {name for name in SECOND if f"{copy_prefix}/{name}" in puts[:2]}
    assert len(set(interrupted) - set(generation_0)) == 2
    pulled = tmp_path / "pulled"
    _run(capsys, "pull", pulled, copy_prefix)
    assert {name: content for name, content in _folder(pulled).items() if name in generation_0} == generation_0
    assert (pulled / "index.latest").read_bytes() == (0).to_bytes(8, "big")

    # Run again: what the interrupted run uploaded is recognised, the rest goes up, the root index blobs last.
    completed = _run(capsys, "push", repository, copy_prefix)
    assert completed.startswith("pushed 3 blob(s) and 2 root index blob(s) (")
    assert "already in the bucket 5, deleted from the bucket 5;" in completed
    assert _in_bucket(settings, copy_prefix) == _folder(repository)


@pytest.mark.s3
def test_a_pull_brings_the_repository_back_verified_and_resumes(copy_prefix, settings, tmp_path, capsys):
    repository = tmp_path / "ipp_backups"
    _write_repository(repository, 0, FIRST)
    _run(capsys, "push", repository, copy_prefix)

    # An object that no longer matches what was pushed (its SHA-256) is refused: nothing half-written is left,
    # and the root index blobs, written last, are not there, so Elasticsearch sees no repository at all yet.
    from storages.backends.s3 import S3Storage

    damaged = S3Storage(**settings.S3_OPTIONS).bucket.Object(f"{copy_prefix}/indices/IdX/0/__seg2")
    damaged.put(Body=b"not the segment", Metadata={"sha256": hashlib.sha256(FIRST["indices/IdX/0/__seg2"]).hexdigest()})
    fresh = tmp_path / "fresh"
    with pytest.raises(CommandError, match="differs from the object"):
        call_command("snapshot_repository", "pull", str(fresh), "--prefix", copy_prefix)
    assert not (fresh / "index.latest").exists()
    assert not list(fresh.rglob("*.partial"))

    # The next push puts the object right; the pull run again fetches only what it lacks.
    _run(capsys, "push", repository, copy_prefix)
    fetched_before = len([path for path in fresh.rglob("*") if path.is_file()])
    assert fetched_before > 0
    assert _run(capsys, "pull", fresh, copy_prefix).startswith(
        f"pulled {7 - fetched_before} blob(s) and 2 root index blob(s)"
    )
    assert _folder(fresh) == _folder(repository)
    assert _run(capsys, "pull", fresh, copy_prefix).startswith("pulled 0 blob(s) and 0 root index blob(s) (0 bytes)")


@pytest.mark.s3
def test_neither_direction_overwrites_another_repository_or_a_newer_state(copy_prefix, settings, tmp_path, capsys):
    repository = tmp_path / "ipp_backups"
    _write_repository(repository, 3, FIRST)
    _run(capsys, "push", repository, copy_prefix)

    other = tmp_path / "other"
    _write_repository(other, 5, {"snap-CCCC.dat": b"another cluster's"}, uuid="another-repository")
    with pytest.raises(CommandError, match="not overwriting"):
        call_command("snapshot_repository", "push", str(other), "--prefix", copy_prefix)
    older = tmp_path / "older"
    _write_repository(older, 1, FIRST)
    with pytest.raises(CommandError, match="holds generation 3 of repository FaOTsB6tTOK0TZ5se3-_Bg, the folder"):
        call_command("snapshot_repository", "push", str(older), "--prefix", copy_prefix)
    with pytest.raises(CommandError, match="not overwriting"):
        call_command("snapshot_repository", "pull", str(other), "--prefix", copy_prefix)
    assert _in_bucket(settings, copy_prefix) == _folder(repository)
    assert (other / "index.latest").read_bytes() == (5).to_bytes(8, "big")

    with pytest.raises(CommandError, match="not a snapshot repository"):
        call_command("snapshot_repository", "push", str(tmp_path / "empty"), "--prefix", copy_prefix)
    with pytest.raises(CommandError, match="holds no snapshot repository"):
        call_command("snapshot_repository", "pull", str(tmp_path / "empty"), "--prefix", f"{copy_prefix}-missing")


def test_the_copy_refuses_when_no_bucket_is_configured(settings, tmp_path):
    settings.S3_BUCKET = ""
    _write_repository(tmp_path, 0, FIRST)
    with pytest.raises(CommandError, match="S3_BUCKET"):
        call_command("snapshot_repository", "push", str(tmp_path), "--prefix", "backups/elasticsearch/x")
