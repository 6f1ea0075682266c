"""Checking uploaded files, once for every upload of every app.

The declared type (the extension), the real type (sniffed from the bytes), the size, and for images
that they decode completely within a pixel limit: a truncated image or a decompression bomb (a small
file that unpacks into billions of pixels) is refused before anything stores or thumbnails it.
"""

import mimetypes
from pathlib import Path

import filetype
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.template.defaultfilters import filesizeformat
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from PIL import Image

from core.storage import in_bucket
from core.tables import decodes_as_text, refuse_encoding

# kind → (extensions a person may name the file with, MIME types the bytes may really be)
KINDS = {
    "pdf": ({".pdf"}, {"application/pdf"}),
    "image": ({".jpg", ".jpeg", ".png", ".webp"}, {"image/jpeg", "image/png", "image/webp"}),
    "spreadsheet": (
        {".xlsx"},
        {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/zip"},
    ),
    # Plain text has no signature: its content check is that it decodes as UTF-8 (see _sniff).
    "csv": ({".csv"}, {"text/csv"}),
}
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
# 50 megapixels: more than any phone photo or scanned A3 page at 300 dpi, far less than a bomb.
# Wagtail's own image uploads use the same limit (WAGTAILIMAGES_MAX_IMAGE_PIXELS).
MAX_IMAGE_PIXELS = 50_000_000
SNIFF_BYTES = 8192


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
    uploaded.seek(0)
    head = uploaded.read(SNIFF_BYTES)
    uploaded.seek(0)
    mime = _sniff(head, extension)
    if mime is None and extension == ".csv":
        raise refuse_encoding()
    if mime is None or mime not in allowed_mimes or extension not in _extensions_for(mime, kinds):
        raise ValidationError(
            _("文件“%(name)s”的内容与其扩展名不符，或不是允许的类型。"), code="content", params={"name": uploaded.name}
        )
    if mime.startswith("image/"):
        check_image(uploaded)
    return mime


def check_upload(uploaded, kinds, max_bytes, *, refuse):
    """`validate_upload` for a domain function: the sniffed MIME type, or the refusal raised as the app's own
    error, `refuse(message)`, so that the person sees why and nothing is stored."""
    try:
        return validate_upload(uploaded, kinds, max_bytes)
    except ValidationError as error:
        raise refuse(" ".join(error.messages)) from error


def _sniff(head, extension):
    kind = filetype.guess(head)
    if kind is not None:
        return kind.mime
    if extension == ".csv" and decodes_as_text(head):
        return "text/csv"
    return None


def check_image(uploaded):
    """Refuse an image that is too large in pixels or does not decode to the end (truncated, forged)."""
    too_large = ValidationError(
        _("图片“%(name)s”尺寸过大，上限为 %(max)s 万像素。"),
        code="pixels",
        params={"name": uploaded.name, "max": MAX_IMAGE_PIXELS // 10_000},
    )
    try:
        uploaded.seek(0)
        # Opening reads only the header, so the size is known before any pixel is decoded.
        with Image.open(uploaded) as image:
            if image.width * image.height > MAX_IMAGE_PIXELS:
                raise too_large
            image.verify()
        uploaded.seek(0)
        with Image.open(uploaded) as image:
            image.load()
    except Image.DecompressionBombError as error:
        # Pillow's own guard, for sizes far past ours.
        raise too_large from error
    except (OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            _("图片“%(name)s”无法打开，可能已损坏或不是真正的图片。"), code="image", params={"name": uploaded.name}
        ) from error
    finally:
        uploaded.seek(0)


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


def serve_private_file(field_file, as_attachment=True, filename=None):
    """Stream a privately stored file, or redirect to a presigned address of it valid a minute when it is in
    the bucket and PRIVATE_FILE_DELIVERY is "redirect"; call only after the caller has checked permission on
    its owner. `filename` (the original name kept as data) is the name the browser saves it under."""
    if not field_file:
        raise Http404
    filename = filename or Path(field_file.name).name
    if settings.PRIVATE_FILE_DELIVERY == "redirect" and in_bucket(field_file.storage):
        return _redirect_to_presigned(field_file, filename, as_attachment)
    try:
        handle = field_file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(handle, as_attachment=as_attachment, filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def _redirect_to_presigned(field_file, filename, as_attachment):
    if not field_file.storage.exists(field_file.name):
        raise Http404
    disposition = content_disposition_header(as_attachment, filename)
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    # The bucket answers with the headers the streamed response would carry.
    url = field_file.storage.url(
        field_file.name,
        parameters={"ResponseContentDisposition": disposition, "ResponseContentType": content_type},
        expire=settings.S3_PRESIGNED_SECONDS,
    )
    response = HttpResponseRedirect(url)
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response
