"""Copy every file of the bucket into a folder: `manage.py copy_files_from_bucket DIR` (platform/backup.sh).

DIR/media/ receives the public storage's files, DIR/private/ the private one's, under the names the database
holds; `move_files_to_bucket` with DJANGO_MEDIA_ROOT=DIR/media and DJANGO_PRIVATE_MEDIA_ROOT=DIR/private puts
them back (platform/restore.sh). Each copy is checked against the object's size and, where the object carries
it, its SHA-256; a file already in DIR with the same size and checksum is not fetched again.
"""

import hashlib
from pathlib import Path

from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError

from core.management.commands.move_files_to_bucket import CHECKSUM_KEY, CHUNK, sha256_of_file
from core.storage import in_bucket


class Command(BaseCommand):
    help = "Copy every file of the bucket (S3_BUCKET) into a folder, verified."

    def add_arguments(self, parser):
        parser.add_argument("directory")

    def handle(self, *args, directory, **options):
        copied = skipped = failed = 0
        for alias, folder in (("default", "media"), ("private", "private")):
            storage = storages[alias]
            if not in_bucket(storage):
                raise CommandError(f'STORAGES["{alias}"] is not the bucket: set S3_BUCKET (and the S3_* variables)')
            root = Path(directory) / folder
            prefix = f"{storage.location}/" if storage.location else ""
            for summary in storage.bucket.objects.filter(Prefix=prefix):
                target = root / summary.key[len(prefix) :]
                obj = summary.Object()
                expected = obj.metadata.get(CHECKSUM_KEY)
                if target.is_file() and target.stat().st_size == summary.size and sha256_of_file(target) == expected:
                    skipped += 1
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                digest = hashlib.sha256()
                with open(target, "wb") as handle:
                    for chunk in obj.get()["Body"].iter_chunks(CHUNK):
                        digest.update(chunk)
                        handle.write(chunk)
                if target.stat().st_size != summary.size or (expected and digest.hexdigest() != expected):
                    self.stderr.write(f"{summary.key}: the copy differs from the object")
                    target.unlink()
                    failed += 1
                    continue
                copied += 1
        self.stdout.write(f"copied {copied}, already there {skipped}, failed {failed}")
        if failed:
            raise CommandError(f"{failed} file(s) could not be copied; run the command again")
