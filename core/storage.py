"""The one private storage: every private file (qualifications, loan documents, evidence, target
attachments, receipts) goes through it, and it is never served by a public URL."""

from django.core.files.storage import Storage, storages
from django.utils.deconstruct import deconstructible


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
