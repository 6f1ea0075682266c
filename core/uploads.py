"""Checking uploaded files: the declared type, the real type (sniffed from the bytes) and the size."""

from pathlib import Path

import filetype
from django import forms
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

# kind → (extensions a person may name the file with, MIME types the bytes may really be)
KINDS = {
    "pdf": ({".pdf"}, {"application/pdf"}),
    "image": ({".jpg", ".jpeg", ".png", ".webp"}, {"image/jpeg", "image/png", "image/webp"}),
    "spreadsheet": (
        {".xlsx"},
        {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/zip"},
    ),
}
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


def validate_upload(uploaded, kinds=("pdf", "image"), max_bytes=DEFAULT_MAX_BYTES):
    """Refuse a file whose name, content or size is not what is allowed; return its sniffed MIME type."""
    allowed_extensions = set().union(*(KINDS[kind][0] for kind in kinds))
    allowed_mimes = set().union(*(KINDS[kind][1] for kind in kinds))
    extension = Path(uploaded.name).suffix.lower()
    if extension not in allowed_extensions:
        raise ValidationError(
            _("不支持的文件类型“%(ext)s”，请上传 %(allowed)s 文件。"),
            code="extension",
            params={"ext": extension or "?", "allowed": "、".join(sorted(allowed_extensions))},
        )
    if uploaded.size > max_bytes:
        raise ValidationError(
            _("文件过大（%(size)s），上限为 %(max)s。"),
            code="size",
            params={"size": filesizeformat(uploaded.size), "max": filesizeformat(max_bytes)},
        )
    position = uploaded.tell() if hasattr(uploaded, "tell") else 0
    head = uploaded.read(8192)
    uploaded.seek(position)
    kind = filetype.guess(head)
    if kind is None or kind.mime not in allowed_mimes or extension not in _extensions_for(kind.mime, kinds):
        raise ValidationError(
            _("文件“%(name)s”的内容与其扩展名不符，或不是允许的类型。"), code="content", params={"name": uploaded.name}
        )
    return kind.mime


def _extensions_for(mime, kinds):
    return set().union(*(KINDS[kind][0] for kind in kinds if mime in KINDS[kind][1]))


class CheckedFileField(forms.FileField):
    """A form file field that applies `validate_upload`."""

    def __init__(self, *args, kinds=("pdf", "image"), max_bytes=DEFAULT_MAX_BYTES, **kwargs):
        self.kinds = kinds
        self.max_bytes = max_bytes
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        uploaded = super().clean(data, initial)
        if uploaded and hasattr(uploaded, "size") and uploaded is not initial:
            validate_upload(uploaded, self.kinds, self.max_bytes)
        return uploaded


def serve_private_file(field_file, as_attachment=True):
    """Stream a privately stored file; call only after the caller has checked permission on its owner."""
    if not field_file:
        raise Http404
    try:
        handle = field_file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(handle, as_attachment=as_attachment, filename=Path(field_file.name).name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
