"""Copy an Elasticsearch file-system snapshot repository to the bucket and back (platform/backup.sh, restore.sh).

    manage.py snapshot_repository push DIR --prefix backups/elasticsearch/ipp_backups
    manage.py snapshot_repository pull DIR --prefix backups/elasticsearch/ipp_backups

The full Elasticsearch image could write its snapshots straight into the bucket (a `type: s3` repository), but
the distribution CI runs has no repository-s3 module (docs/operations.md), so the snapshots are taken into a
folder and this command ships that folder: the bucket (`--bucket`, default S3_BUCKET, reached with the
platform's S3_* settings) holds a copy under `--prefix` that a fresh machine pulls back before restoring.

A repository's blobs are written once and never changed, except its root index blobs (`index-N`, the
repository's state at generation N, and `index.latest`, which names N): they point at everything else. So a
push uploads the other blobs first and the root index blobs last, as read before it began, and a pull writes
them last: a copy cut short (either way) still describes only blobs it holds, the previous generation's, and
running the command again completes it. Each upload is read back and checked against the file's size and
SHA-256 (kept with the object, metadata `sha256`), each download against the object's; a blob already there
with the same size and SHA-256 is skipped, so a nightly push uploads only the new snapshot's blobs. After a
complete push, objects the folder no longer holds (blobs of snapshots Elasticsearch deleted, older root index
blobs) are deleted from the bucket. Neither direction overwrites a different repository, or a newer state of
the same one, at the destination.
"""

import hashlib
import io
import json
import os
import re
from pathlib import Path

from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from storages.backends.s3 import S3Storage

from core.management.commands.move_files_to_bucket import CHECKSUM_KEY, CHUNK, sha256_of_file, sha256_of_object

LATEST = "index.latest"
ROOT_INDEX = re.compile(r"index-(\d+)")


def is_root_index(name):
    return name == LATEST or ROOT_INDEX.fullmatch(name) is not None


def root_index_order(name):
    """Generations in order, `index.latest` after them: it is what makes a generation the current one."""
    match = ROOT_INDEX.fullmatch(name)
    return (1, 0) if match is None else (0, int(match[1]))


def repository_state(latest, read_generation):
    """(generation, repository uuid) of a repository whose `index.latest` holds `latest`; None without one."""
    if latest is None:
        return None
    generation = int.from_bytes(latest, "big", signed=True)
    data = read_generation(generation)
    uuid = json.loads(data).get("uuid") if data is not None else None
    return generation, uuid


class Command(BaseCommand):
    help = "Copy an Elasticsearch file-system snapshot repository to the bucket (push) or back (pull), verified."

    def add_arguments(self, parser):
        parser.add_argument("direction", choices=("push", "pull"))
        parser.add_argument("directory", help="the repository's folder (its `location` under the nodes' path.repo)")
        parser.add_argument("--prefix", required=True, help="the folder of the bucket holding the copy")
        parser.add_argument("--bucket", default="", help="default: S3_BUCKET")

    def handle(self, *args, direction, directory, prefix, bucket, **options):
        bucket_name = bucket or settings.S3_BUCKET
        if not bucket_name:
            raise CommandError("no bucket: set S3_BUCKET (and the S3_* variables) or pass --bucket")
        prefix = prefix.strip("/")
        if not prefix:
            raise CommandError("--prefix must name a folder of the bucket, not its root")
        self.verbosity = options["verbosity"]
        self.bucket = S3Storage(**{**settings.S3_OPTIONS, "bucket_name": bucket_name}).bucket
        self.prefix = f"{prefix}/"
        self.root = Path(directory)
        self.where = f"s3://{bucket_name}/{prefix}"
        try:
            if direction == "push":
                self.push()
            else:
                self.pull()
        except (BotoCoreError, ClientError) as error:
            raise CommandError(f"{self.where}: {error}; run the command again to complete the copy") from error

    # --- the two sides
    def local_files(self):
        """Relative name → path of every file of the repository folder; not Elasticsearch's temporary files
        (written as `pending-…` and renamed once complete) nor a pull's (`….partial`): they are not blobs yet."""
        if not self.root.is_dir():
            return {}
        return {
            path.relative_to(self.root).as_posix(): path
            for path in self.root.rglob("*")
            if path.is_file() and not path.name.startswith("pending-") and not path.name.endswith(".partial")
        }

    def remote_objects(self):
        """Relative name → ObjectSummary of every object under the prefix."""
        return {summary.key[len(self.prefix) :]: summary for summary in self.bucket.objects.filter(Prefix=self.prefix)}

    def remote_bytes(self, name):
        try:
            return self.bucket.Object(self.prefix + name).get()["Body"].read()
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                return None
            raise

    @staticmethod
    def local_bytes(path):
        return path.read_bytes() if path.is_file() else None

    def describe(self, state):
        return "no repository" if state is None else f"generation {state[0]} of repository {state[1]}"

    # --- push
    def push(self):
        # The root index blobs as they are now: the state this push publishes, whatever happens in the folder
        # meanwhile. Every blob they point at is already in the folder (Elasticsearch writes them first).
        latest = self.local_bytes(self.root / LATEST)
        if latest is None:
            raise CommandError(f"{self.root} is not a snapshot repository (it has no {LATEST})")
        files = self.local_files()
        roots = {name: files[name].read_bytes() for name in files if is_root_index(name)}
        roots[LATEST] = latest
        local = repository_state(latest, lambda generation: roots.get(f"index-{generation}"))
        remote = repository_state(
            self.remote_bytes(LATEST), lambda generation: self.remote_bytes(f"index-{generation}")
        )
        if remote is not None and (remote[1] != local[1] or remote[0] > local[0]):
            raise CommandError(
                f"{self.where} holds {self.describe(remote)}, the folder {self.describe(local)}: "
                "not overwriting it (pull it first, or push to another prefix)"
            )
        objects = self.remote_objects()
        totals = {"blobs": 0, "root": 0, "already": 0, "bytes": 0, "deleted": 0}
        for name in sorted(name for name in files if not is_root_index(name)):
            path = files[name]
            size, checksum = path.stat().st_size, sha256_of_file(path)
            if self.holds(objects.get(name), size, checksum):
                totals["already"] += 1
                continue
            with open(path, "rb") as handle:
                self.upload(name, handle, size, checksum)
            totals["blobs"] += 1
            totals["bytes"] += size
        for name in sorted(roots, key=root_index_order):
            content = roots[name]
            checksum = hashlib.sha256(content).hexdigest()
            if self.holds(objects.get(name), len(content), checksum):
                totals["already"] += 1
                continue
            self.upload(name, io.BytesIO(content), len(content), checksum)
            totals["root"] += 1
            totals["bytes"] += len(content)
        # Complete: what the folder no longer holds is no longer pointed at by what the bucket now says.
        pruned = sorted(set(objects) - set(files) - set(roots))
        for start in range(0, len(pruned), 1000):
            batch = pruned[start : start + 1000]
            self.bucket.delete_objects(Delete={"Objects": [{"Key": self.prefix + name} for name in batch]})
            totals["deleted"] += len(batch)
        self.stdout.write(
            "pushed {blobs} blob(s) and {root} root index blob(s) ({bytes} bytes), already in the bucket {already}, "
            "deleted from the bucket {deleted}".format(**totals)
            + f"; {self.where} holds {self.describe(local)}"
        )

    def holds(self, summary, size, checksum):
        if summary is None or summary.size != size:
            return False
        return summary.Object().metadata.get(CHECKSUM_KEY) == checksum

    def upload(self, name, handle, size, checksum):
        obj = self.bucket.Object(self.prefix + name)
        obj.upload_fileobj(handle, ExtraArgs={"Metadata": {CHECKSUM_KEY: checksum}})
        obj.reload()
        if obj.content_length != size or sha256_of_object(obj) != checksum:
            obj.delete()
            raise CommandError(f"{obj.key}: the copy in the bucket differs from the file; run the command again")
        if self.verbosity >= 1:
            self.stdout.write(f"{name}: pushed ({size} bytes, sha256 {checksum[:12]}…)")

    # --- pull
    def pull(self):
        objects = self.remote_objects()
        if LATEST not in objects:
            raise CommandError(f"{self.where} holds no snapshot repository (no {LATEST})")
        # The bucket's root index blobs first, as the state to bring back; written last.
        roots = {}
        for name in sorted((name for name in objects if is_root_index(name)), key=root_index_order):
            roots[name] = self.download_bytes(objects[name])
        remote = repository_state(roots[LATEST], lambda generation: roots.get(f"index-{generation}"))
        local = repository_state(
            self.local_bytes(self.root / LATEST), lambda generation: self.local_bytes(self.root / f"index-{generation}")
        )
        if local is not None and (local[1] != remote[1] or local[0] > remote[0]):
            raise CommandError(
                f"{self.root} holds {self.describe(local)}, {self.where} {self.describe(remote)}: not overwriting it"
            )
        files = self.local_files()
        totals = {"blobs": 0, "root": 0, "already": 0, "bytes": 0}
        for name in sorted(name for name in objects if not is_root_index(name)):
            summary = objects[name]
            checksum = summary.Object().metadata.get(CHECKSUM_KEY)
            if checksum is None:
                raise CommandError(f"{summary.key} carries no {CHECKSUM_KEY}: it was not put there by a push")
            path = files.get(name)
            if path is not None and path.stat().st_size == summary.size and sha256_of_file(path) == checksum:
                totals["already"] += 1
                continue
            self.download(name, summary, checksum)
            totals["blobs"] += 1
            totals["bytes"] += summary.size
        for name, content in roots.items():
            path = self.root / name
            if path.is_file() and path.read_bytes() == content:
                totals["already"] += 1
                continue
            self.write(path, [content])
            totals["root"] += 1
            totals["bytes"] += len(content)
        self.stdout.write(
            "pulled {blobs} blob(s) and {root} root index blob(s) ({bytes} bytes), "
            "already in the folder {already}".format(**totals)
            + f"; {self.root} holds {self.describe(remote)}"
        )

    def download_bytes(self, summary):
        obj = summary.Object()
        content = obj.get()["Body"].read()
        if len(content) != summary.size or hashlib.sha256(content).hexdigest() != obj.metadata.get(CHECKSUM_KEY):
            raise CommandError(f"{summary.key}: the object differs from what was pushed (size or SHA-256)")
        return content

    def download(self, name, summary, checksum):
        path = self.root / name
        digest = hashlib.sha256()
        size = 0

        def chunks():
            nonlocal size
            for chunk in summary.Object().get()["Body"].iter_chunks(CHUNK):
                digest.update(chunk)
                size += len(chunk)
                yield chunk

        self.write(path, chunks(), verify=lambda: size == summary.size and digest.hexdigest() == checksum)
        if self.verbosity >= 1:
            self.stdout.write(f"{name}: pulled ({summary.size} bytes, sha256 {checksum[:12]}…)")

    def write(self, path, chunks, verify=None):
        """Write under a temporary name and rename once complete (and verified): a pull cut short leaves no
        blob that looks whole."""
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.partial")
        try:
            with open(partial, "wb") as handle:
                for chunk in chunks:
                    handle.write(chunk)
                handle.flush()
                os.fsync(handle.fileno())
            if verify is not None and not verify():
                raise CommandError(f"{path}: the download differs from the object (size or SHA-256)")
            partial.replace(path)
        finally:
            partial.unlink(missing_ok=True)
