import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from core.uploads import validate_upload

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"


def test_pdf_and_image_with_matching_content_are_accepted():
    assert validate_upload(SimpleUploadedFile("资质.pdf", PDF)) == "application/pdf"
    assert validate_upload(SimpleUploadedFile("photo.PNG", PNG)) == "image/png"


def test_executable_renamed_to_pdf_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_upload(SimpleUploadedFile("licence.pdf", b"MZ\x90\x00" + b"\x00" * 100))
    assert error.value.code == "content"


def test_image_named_as_pdf_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_upload(SimpleUploadedFile("licence.pdf", PNG))
    assert error.value.code == "content"


def test_wrong_extension_is_refused_with_the_allowed_list():
    with pytest.raises(ValidationError) as error:
        validate_upload(SimpleUploadedFile("notes.docx", b"PK\x03\x04"))
    assert ".pdf" in error.value.messages[0]


def test_oversized_file_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_upload(SimpleUploadedFile("big.pdf", PDF + b"0" * 2048), max_bytes=1024)
    assert error.value.code == "size"
