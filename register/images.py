"""Trademark images (商标图样) arriving with an import, checked by their content and kept in default storage.

What the trademark office's and commercial databases' exports give is a sheet and a folder of image files,
named in a column of the sheet (商标图样: `3012345.jpg`, or a path inside the folder) or, when the column is
absent, named by the registration number. Staff upload both packed in one ZIP. The documented XML format
may instead carry the image inline in base64 (`docs/register-xml.md`).

An image is accepted only if its bytes decode completely as PNG, JPEG or GIF within the size limits below
(`core.uploads.check_image` is the shared decode check); anything else rejects its row with the reason.
The bytes are not kept with the checked row: a `MarkImage` holds the digest and reads them again when
the row is written, so a chunk of rows never holds hundreds of images in memory. The stored name carries
the registration number and the content digest, so importing the same image again writes nothing.
"""

import base64
import binascii
import hashlib
import io
import re
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext as _
from PIL import Image

from core.uploads import check_image

# A register's mark image is a small picture (the gazette prints it a few centimetres wide).
MAX_IMAGE_BYTES = 2 * 1024 * 1024
MAX_IMAGE_SIDE = 4000
FORMATS = {"PNG": "png", "JPEG": "jpg", "GIF": "gif"}
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif")
SHEET_SUFFIXES = (".csv", ".xlsx", ".xml")
MAX_ZIP_BYTES = 500 * 1024 * 1024
MAX_ZIP_MEMBERS = 200_000
UPLOAD_TO = "register/trademarks/"


@dataclass(frozen=True)
class MarkImage:
    """A checked image: its stored form is known (extension, digest); its bytes are read again on demand."""

    extension: str
    digest: str
    load: object  # () -> bytes

    def stored_name(self, registration_number):
        return f"{UPLOAD_TO}{registration_number}-{self.digest[:16]}.{self.extension}"


def check_image_bytes(data, label):
    """The file extension for `data` if it is a PNG, JPEG or GIF within the limits; else ValidationError."""
    if len(data) > MAX_IMAGE_BYTES:
        raise ValidationError(
            _("商标图样“%(name)s”过大（上限 %(max)s MB）。") % {"name": label, "max": MAX_IMAGE_BYTES // (1024 * 1024)}
        )
    try:
        with Image.open(io.BytesIO(data)) as image:
            kind, width, height = image.format, image.width, image.height
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        kind = width = height = None
    if kind not in FORMATS:
        raise ValidationError(_("商标图样“%(name)s”不是 PNG、JPEG 或 GIF 图片。") % {"name": label})
    if max(width, height) > MAX_IMAGE_SIDE:
        raise ValidationError(
            _("商标图样“%(name)s”尺寸过大（%(w)s×%(h)s，每边上限 %(max)s 像素）。")
            % {"name": label, "w": width, "h": height, "max": MAX_IMAGE_SIDE}
        )
    try:
        check_image(ContentFile(data, name=label))
    except ValidationError as error:
        raise ValidationError(_("商标图样“%(name)s”无法完整读取，可能已损坏。") % {"name": label}) from error
    return FORMATS[kind]


def _checked(data, label, load):
    extension = check_image_bytes(data, label)
    return MarkImage(extension, hashlib.sha256(data).hexdigest(), load)


class Images:
    """The images that came with a sheet: the other files of its ZIP, if it came in one."""

    def __init__(self, archive=None):
        self.archive = archive
        self.by_path, self.by_base = {}, {}
        for info in archive.infolist() if archive else []:
            if info.is_dir() or not info.filename.lower().endswith(IMAGE_SUFFIXES):
                continue
            self.by_path[info.filename.lower()] = info
            self.by_base.setdefault(PurePosixPath(info.filename).name.lower(), info)

    def _find(self, name):
        key = name.replace("\\", "/").lstrip("./").lower()
        return self.by_path.get(key) or self.by_base.get(PurePosixPath(key).name)

    def _read(self, info):
        with self.archive.open(info) as member:
            return member.read(MAX_IMAGE_BYTES + 1)

    def named(self, name):
        """The checked image the sheet names; ValidationError naming what is wrong."""
        if re.match(r"^[a-z]+://", name, re.IGNORECASE):
            raise ValidationError(
                _("商标图样“%(name)s”是网址：平台不下载网络图片，请将图片文件与表格一起打包为 ZIP 上传。")
                % {"name": name}
            )
        if self.archive is None:
            raise ValidationError(
                _("表格指明了商标图样“%(name)s”，但上传的不是 ZIP：请将表格与图片文件一起打包为 ZIP 上传。")
                % {"name": name}
            )
        info = self._find(name)
        if info is None:
            raise ValidationError(_("压缩包中没有商标图样文件“%(name)s”。") % {"name": name})
        if info.file_size > MAX_IMAGE_BYTES:
            raise ValidationError(
                _("商标图样“%(name)s”过大（上限 %(max)s MB）。")
                % {"name": name, "max": MAX_IMAGE_BYTES // (1024 * 1024)}
            )
        return _checked(self._read(info), name, lambda: self._read(info))

    def for_number(self, registration_number):
        """The image named after the registration number (`3012345.jpg`), if the ZIP holds one, else None."""
        for suffix in IMAGE_SUFFIXES:
            if f"{registration_number}{suffix}" in self.by_base:
                return self.named(f"{registration_number}{suffix}")
        return None


def inline_image(text, label):
    """A base64 image written inside an XML record."""
    compact = "".join(text.split())
    if len(compact) * 3 // 4 > MAX_IMAGE_BYTES:
        raise ValidationError(
            _("商标图样“%(name)s”过大（上限 %(max)s MB）。") % {"name": label, "max": MAX_IMAGE_BYTES // (1024 * 1024)}
        )
    try:
        data = base64.b64decode(compact, validate=True)
    except (binascii.Error, ValueError) as error:
        raise ValidationError(_("商标图样“%(name)s”不是有效的 base64 数据。") % {"name": label}) from error
    return _checked(data, label, lambda: base64.b64decode(compact))


def unpack(uploaded):
    """(the sheet to read, its Images): a ZIP is opened and its one sheet copied out; any other file is
    its own sheet, without images. Raises ValidationError for a ZIP that is not one sheet plus images."""
    if not uploaded.name.lower().endswith(".zip"):
        return uploaded, Images()
    if uploaded.size > MAX_ZIP_BYTES:
        raise ValidationError(_("压缩包过大，上限为 %(max)s MB。") % {"max": MAX_ZIP_BYTES // (1024 * 1024)})
    uploaded.seek(0)
    try:
        archive = zipfile.ZipFile(getattr(uploaded, "file", uploaded))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ValidationError(_("无法读取该 ZIP 文件。")) from error
    if len(members) > MAX_ZIP_MEMBERS:
        raise ValidationError(_("压缩包中的文件过多（上限 %(max)s 个）。") % {"max": MAX_ZIP_MEMBERS})
    sheets = [
        m
        for m in members
        if not m.is_dir()
        and m.filename.lower().endswith(SHEET_SUFFIXES)
        and not PurePosixPath(m.filename).name.startswith(("._", "~$"))
    ]
    if len(sheets) != 1:
        raise ValidationError(
            _("压缩包中须有且只有一个 .csv、.xlsx 或 .xml 表格（现有 %(n)s 个），其余为商标图样图片。")
            % {"n": len(sheets)}
        )
    from .reading import MAX_BYTES

    if sheets[0].file_size > MAX_BYTES:
        raise ValidationError(_("文件过大，上限为 50 MB，请分成几份导入。"), code="size")
    copy = tempfile.TemporaryFile()
    try:
        with archive.open(sheets[0]) as member:
            while chunk := member.read(1024 * 1024):
                copy.write(chunk)
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        copy.close()
        raise ValidationError(_("无法读取该 ZIP 文件。")) from error
    copy.seek(0)
    sheet = File(copy, name=PurePosixPath(sheets[0].filename).name)
    sheet.size = sheets[0].file_size
    return sheet, Images(archive)


def store(image, registration_number):
    """(stored name, True if this call wrote it): content-addressed, so a known image is not written again."""
    name = image.stored_name(registration_number)
    if default_storage.exists(name):
        return name, False
    return default_storage.save(name, ContentFile(image.load())), True
