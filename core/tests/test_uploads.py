import io
import random
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from core.uploads import validate_upload
from listings.forms import DocumentForm
from rights.forms import ReportForm
from services.forms import ApplicationForm, ListingForm
from targets.forms import CertificationForm

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"


def png(width=64, height=64, noise=True):
    if noise:
        image = Image.frombytes("L", (width, height), random.Random(width).randbytes(width * height))
    else:
        image = Image.new("L", (width, height))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def png_claiming(width, height):
    """A small, well-formed PNG whose header says it is width × height: what a decompression bomb looks like."""
    data = bytearray(png(8, 8, noise=False))
    header = b"IHDR" + struct.pack(">II", width, height) + bytes(data[24:29])
    data[12:29] = header
    data[29:33] = struct.pack(">I", zlib.crc32(header))
    return bytes(data)


def test_pdf_and_image_with_matching_content_are_accepted():
    assert validate_upload(SimpleUploadedFile("资质.pdf", PDF)) == "application/pdf"
    assert validate_upload(SimpleUploadedFile("photo.PNG", png())) == "image/png"


def test_executable_renamed_to_pdf_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_upload(SimpleUploadedFile("licence.pdf", b"MZ\x90\x00" + b"\x00" * 100))
    assert error.value.code == "content"


def test_image_named_as_pdf_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_upload(SimpleUploadedFile("licence.pdf", png()))
    assert error.value.code == "content"


def test_wrong_extension_is_refused_with_the_allowed_list():
    with pytest.raises(ValidationError) as error:
        validate_upload(SimpleUploadedFile("notes.docx", b"PK\x03\x04"))
    assert ".pdf" in error.value.messages[0]


def test_oversized_file_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_upload(SimpleUploadedFile("big.pdf", PDF + b"0" * 2048), max_bytes=1024)
    assert error.value.code == "size"


def test_image_of_twenty_thousand_pixels_square_is_refused_before_decoding():
    bomb = png_claiming(20000, 20000)
    assert len(bomb) < 1024
    with pytest.raises(ValidationError) as error:
        validate_upload(SimpleUploadedFile("scan.png", bomb))
    assert error.value.code == "pixels"
    assert "5000 万像素" in error.value.messages[0]


def test_image_just_over_the_pixel_limit_is_refused_though_pillow_would_open_it():
    with pytest.raises(ValidationError) as error:
        validate_upload(SimpleUploadedFile("scan.png", png_claiming(8000, 7000)))
    assert error.value.code == "pixels"


def test_truncated_image_is_refused():
    whole = png(256, 256)
    with pytest.raises(ValidationError) as error:
        validate_upload(SimpleUploadedFile("photo.png", whole[: len(whole) // 2]))
    assert error.value.code == "image"


def test_csv_must_be_utf8_or_gbk_text():
    for encoding in ("utf-8", "gbk"):
        upload = SimpleUploadedFile("数据.csv", "指标代码,数值\n".encode(encoding))
        assert validate_upload(upload, kinds=("csv",)) == "text/csv"
    for content in (b"\xff\xfe\x80,1\n", "指标代码,数值\n".encode("utf-16-le")):
        with pytest.raises(ValidationError) as error:
            validate_upload(SimpleUploadedFile("数据.csv", content), kinds=("csv",))
        assert "UTF-8 或 GBK" in error.value.messages[0]


@pytest.mark.parametrize(
    "field",
    [
        DocumentForm.base_fields["file"],
        CertificationForm.base_fields["evidence"],
        ListingForm.base_fields["logo_file"],
        ApplicationForm.base_fields["qualification"],
        ReportForm.base_fields["evidence"],
    ],
    ids=["financing document", "certification evidence", "institution logo", "qualification", "rights evidence"],
)
@pytest.mark.parametrize("content", [png_claiming(20000, 20000), png(256, 256)[:30000]], ids=["bomb", "truncated"])
def test_every_upload_form_refuses_oversized_and_truncated_images(field, content):
    with pytest.raises(ValidationError):
        field.clean(SimpleUploadedFile("picture.png", content))
