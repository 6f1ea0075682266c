"""Copy the files kept on the local disk into the bucket: `manage.py move_files_to_bucket`.

Run once S3_BUCKET is set, with DJANGO_MEDIA_ROOT and DJANGO_PRIVATE_MEDIA_ROOT still naming the old folders.
Public uploads go under the bucket's media/, private ones under private/, each under the name the database
already holds, so no record changes. Each copy is read back from the bucket and compared with the local
file by size and SHA-256 before it counts; the SHA-256 is kept with the object, so a second run (after an
interruption, or to catch files written meanwhile) skips what is already there and verified. Local files
are deleted only with --delete-verified, and only once their copy has been verified.
"""

import hashlib
from pathlib import Path

from botocore.exceptions import ClientError
from django.conf import settings
from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError
from storages.utils import clean_name

from core.storage import in_bucket

CHUNK = 1024 * 1024
CHECKSUM_KEY = "sha256"


def sha256_of_file(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def sha256_of_object(obj):
    digest = hashlib.sha256()
    body = obj.get()["Body"]
    for chunk in body.iter_chunks(CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


class Command(BaseCommand):
    help = "Copy local public and private files into the bucket (S3_BUCKET), verified; resumable."

    def add_arguments(self, parser):
        parser.add_argument(
            "--delete-verified", action="store_true", help="delete each local file once its copy is verified"
        )

    def handle(self, *args, delete_verified=False, **options):
        sources = (("default", Path(settings.MEDIA_ROOT)), ("private", Path(settings.PRIVATE_MEDIA_ROOT)))
        for alias, _root in sources:
            if not in_bucket(storages[alias]):
                raise CommandError(f'STORAGES["{alias}"] is not the bucket: set S3_BUCKET (and the S3_* variables)')
        totals = {"copied": 0, "already": 0, "failed": 0, "deleted": 0}
        for alias, root in sources:
            if not root.is_dir():
                self.stdout.write(f"{alias}: {root} does not exist, nothing to copy")
                continue
            for path in sorted(p for p in root.rglob("*") if p.is_file()):
                outcome = self.copy_one(storages[alias], root, path)
                totals[outcome] += 1
                if outcome != "failed" and delete_verified:
                    path.unlink()
                    totals["deleted"] += 1
        self.stdout.write(
            "copied and verified {copied}, already in the bucket {already}, failed {failed}, "
            "deleted locally {deleted}".format(**totals)
        )
        if totals["failed"]:
            raise CommandError(f"{totals['failed']} file(s) could not be copied and verified; run the command again")

    def copy_one(self, storage, root, path):
        name = path.relative_to(root).as_posix()
        key = storage._normalize_name(clean_name(name))
        size = path.stat().st_size
        checksum = sha256_of_file(path)
        obj = storage.bucket.Object(key)
        if self.holds(obj, size, checksum):
            return "already"
        try:
            with open(path, "rb") as handle:
                obj.upload_fileobj(handle, ExtraArgs={"Metadata": {CHECKSUM_KEY: checksum}})
            obj.reload()
            verified = obj.content_length == size and sha256_of_object(obj) == checksum
        except (ClientError, OSError) as error:
            self.stderr.write(f"{key}: {error}")
            return "failed"
        if not verified:
            self.stderr.write(f"{key}: the copy in the bucket differs from {path}")
            obj.delete()
            return "failed"
        self.stdout.write(f"{key}: copied ({size} bytes, sha256 {checksum[:12]}…)")
        return "copied"

    @staticmethod
    def holds(obj, size, checksum):
        """Whether the bucket already holds this file, copied and verified by an earlier run."""
        try:
            obj.load()
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                return False
            raise
        return obj.content_length == size and obj.metadata.get(CHECKSUM_KEY) == checksum
