"""Private files kept with a record (an evaluation request's documents, a funding application's, a financing
case's and a pledge loan's, a copyright filing's sample or contract, an engineer-title decision, rights
evidence, an institution's qualifications, transfer and refund receipts, an invoice, targets evidence), one way.

The file lives in the one private storage (`core.storage`), resolved when it is used, under a generated
name: no text the uploader chose reaches a storage path. The name the person gave it is kept as data and is
the name a permitted download carries. An upload is checked by its content (`core.uploads.validate_upload`)
before anything is stored. Each app keeps what differs: its foreign key, the folder its files go in
(`upload_folder`) and who may download them (its access rule, checked before `download()`).

A record that is a file (a document, a piece of evidence) is a `PrivateFile`; a record that has a file among
other things (a payment's receipt, an issued invoice) declares the same four fields with
`private_file_fields` and handles them with a `FileFields`."""

import mimetypes
import uuid
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.db import migrations, models
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from core.storage import private_storage
from core.uploads import serve_private_file


def generated_name(filename):
    """A random stored name keeping only the (lower-cased) extension of the uploaded one."""
    extension = Path(filename).suffix.lower().lstrip(".") or "bin"
    return f"{uuid.uuid4().hex}.{extension}"


@deconstructible
class InFolder:
    """`upload_to` putting a file under a generated name in `folder`, formatted with the record's fields."""

    def __init__(self, folder):
        self.folder = folder

    def __call__(self, instance, filename):
        return f"{self.folder.format_map(vars(instance))}/{generated_name(filename)}"

    def __eq__(self, other):
        return isinstance(other, InFolder) and other.folder == self.folder


def private_file_path(instance, filename):
    return InFolder(instance.upload_folder)(instance, filename)


class FileFields:
    """The four fields that hold one private file on a record: the file, its original name, its sniffed type
    and its size. `FileFields("receipt")` names `receipt`, `receipt_name`, `receipt_type`, `receipt_size`, the
    fields `private_file_fields` makes."""

    def __init__(self, file, *, name=None, type=None, size=None):
        self.file, self.name = file, name or f"{file}_name"
        self.type, self.size = type or f"{file}_type", size or f"{file}_size"

    def values(self, uploaded, content_type):
        """The fields' values for an upload already checked (`content_type` is what its bytes are): for
        `objects.create(**…)` or a workflow step's changes; the file is stored when the record is saved."""
        return {
            self.file: uploaded,
            self.name: Path(uploaded.name).name[:200],
            self.type: content_type,
            self.size: uploaded.size,
        }

    def keep(self, record, uploaded, content_type):
        """Put the checked upload into the private storage now; saving the record is the caller's."""
        for field, value in self.values(uploaded, content_type).items():
            if field != self.file:
                setattr(record, field, value)
        getattr(record, self.file).save(uploaded.name, uploaded, save=False)

    def download(self, record, as_attachment=True):
        """The file under its original name; call only once the app's access rule has let the person in."""
        return serve_private_file(getattr(record, self.file), as_attachment, filename=getattr(record, self.name))

    def describe(self, record):
        """Fill in, for a file stored before, what was not kept then; a path that held the uploader's name
        gives the original name. Returns whether there was a file."""
        field_file = getattr(record, self.file)
        if not field_file:
            return False
        if not getattr(record, self.name):
            setattr(record, self.name, PurePosixPath(field_file.name).name[:200])
        if not getattr(record, self.type):
            setattr(record, self.type, mimetypes.guess_type(field_file.name)[0] or "application/octet-stream")
        if not getattr(record, self.size):
            try:
                setattr(record, self.size, field_file.size)
            except OSError:
                setattr(record, self.size, 0)
        return True


def private_file_fields(verbose_name, folder, *, blank=False):
    """The four fields of a private file that is one part of a larger record, in the order `FileFields` names
    them: `receipt, receipt_name, receipt_type, receipt_size = private_file_fields(_("转账凭证"), "payments")`."""
    return (
        models.FileField(
            verbose_name, upload_to=InFolder(folder), storage=private_storage, max_length=200, blank=blank
        ),
        models.CharField(_("原文件名"), max_length=200, blank=True),
        models.CharField(_("文件类型"), max_length=100, blank=True),
        models.PositiveIntegerField(_("大小（字节）"), default=0),
    )


PRIVATE_FILE = FileFields("file", name="original_name", type="content_type", size="size")


class PrivateFile(models.Model):
    """A record's file in the private storage, with the uploaded file's original name, sniffed type and size.

    `upload_folder` is formatted with the instance's fields, e.g. "funding/{application_id}"."""

    upload_folder = None

    file = models.FileField(_("文件"), upload_to=private_file_path, storage=private_storage, max_length=200)
    original_name = models.CharField(_("原文件名"), max_length=200)
    content_type = models.CharField(_("文件类型"), max_length=100)
    size = models.PositiveIntegerField(_("大小（字节）"))

    class Meta:
        abstract = True

    def keep(self, uploaded, content_type):
        """Put an upload already checked (`content_type` is what its bytes are) into the private storage;
        saving the record is the caller's."""
        PRIVATE_FILE.keep(self, uploaded, content_type)

    def download(self, as_attachment=True):
        """The file under its original name; call only once the app's access rule has let the person in."""
        return PRIVATE_FILE.download(self, as_attachment)


class PrivateAttachment(PrivateFile):
    """A titled document someone files with a record, kept privately; the app adds the foreign key."""

    title = models.CharField(_("材料名称"), max_length=100)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    @classmethod
    def attach(cls, uploaded, content_type, *, user, title="", **record):
        """Store an upload checked by `core.uploads.check_upload` as an attachment of the record named in `record`."""
        attachment = cls(title=(title or "").strip() or uploaded.name[:100], uploaded_by=user, **record)
        attachment.keep(uploaded, content_type)
        attachment.save()
        return attachment


def describe_stored_files(model, fields=PRIVATE_FILE):
    """For the migration that makes `model` (its historical version) keep a private file as data (`fields`, a
    PrivateFile's by default): fill in, for the files stored before, what was not kept then."""
    for record in model.objects.exclude(**{fields.file: ""}).iterator():
        if fields.describe(record):
            record.save(update_fields=[fields.name, fields.type, fields.size])


def describing_stored_files(app_label, model_name, fields=PRIVATE_FILE):
    """The migration operation running `describe_stored_files` on the model as that migration knows it."""

    def describe(apps, schema_editor):
        describe_stored_files(apps.get_model(app_label, model_name), fields)

    return migrations.RunPython(describe, migrations.RunPython.noop)
