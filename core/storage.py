"""The one private storage: every private file (qualifications, loan documents, evidence, target
attachments, receipts) goes through it, and it is never served by a public URL.

On the embedded default both storages are folders on the local disk. With S3_BUCKET set both live in one
bucket (config.settings.base: STORAGES): public uploads under media/, private ones under private/; every
object is private to the bucket's key holders, so a web replica on any machine reads and writes the same
files and nothing is reachable without the platform's own checks."""

import hashlib
from urllib.parse import urljoin

from django.conf import settings
from django.core.files.storage import Storage, storages
from django.utils.deconstruct import deconstructible
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage
from storages.utils import clean_name


@deconstructible
class PrivateStorage(Storage):
    """Whatever STORAGES["private"] is at the moment of use (tests point it at a temporary folder)."""

    def __getattribute__(self, name):
        if name.startswith("__") or name in ("deconstruct", "_constructor_args"):
            return super().__getattribute__(name)
        return getattr(storages["private"], name)


def private_storage():
    # A callable, so migrations name the storage rather than freezing one machine's path into them.
    return PrivateStorage()


class ChecksummedS3Storage(S3Storage):
    """Every object carries the SHA-256 of its bytes (metadata `sha256`), so that copies made later (backups,
    restores, `move_files_to_bucket`) are verified against what was uploaded."""

    def _get_write_parameters(self, name, content=None):
        params = super()._get_write_parameters(name, content)
        if content is not None and hasattr(content, "chunks"):
            digest = hashlib.sha256()
            for chunk in content.chunks():
                digest.update(chunk)
            content.seek(0)
            params["Metadata"] = {**params.get("Metadata", {}), "sha256": digest.hexdigest()}
        return params


class PublicMediaBucketStorage(ChecksummedS3Storage):
    """Public uploads (images and their renditions) in the bucket, as private objects, linked at MEDIA_URL:
    the web tier streams them (core.views.public_media) and the reverse proxy in front may cache them, so
    the bucket need not be reachable from browsers and pages keep stable image addresses."""

    def url(self, name, parameters=None, expire=None, http_method=None):
        return urljoin(settings.MEDIA_URL, filepath_to_uri(clean_name(name)))


class PrivateBucketStorage(ChecksummedS3Storage):
    """Private uploads in the bucket. `url()` is a presigned address valid S3_PRESIGNED_SECONDS; only the
    permission-checked download views hand one out (core.uploads.serve_private_file)."""

    querystring_auth = True


def in_bucket(storage):
    """Whether files of this storage (the private one resolved as it is now) are kept in the bucket."""
    if isinstance(storage, PrivateStorage):
        storage = storages["private"]
    return isinstance(getattr(storage, "_wrapped", storage), S3Storage)
