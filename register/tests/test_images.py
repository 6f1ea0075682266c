"""Trademark images imported with the register: packed with the sheet in a ZIP or inline in the XML, checked
by their content, kept in default storage, and shown on the record page, in search results and the export."""

import base64
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from accounts.roles import REGISTER_MANAGERS
from register import imports
from register.images import MAX_IMAGE_SIDE
from register.models import ImportBatch, Trademark
from tests.database_faults import rows_refused_after
from tests.factories import staff_in

from .files import DONGHAI_CRYSTAL, KANGYUAN, TRADEMARK_HEADER, csv_file, image_bytes, zip_file

pytestmark = pytest.mark.django_db

HEADER = [*TRADEMARK_HEADER, "商标图样"]
CRYSTAL_PNG = image_bytes("PNG")
KANGYUAN_JPEG = image_bytes("JPEG", colour=(20, 120, 40))


@pytest.fixture
def manager():
    return staff_in(REGISTER_MANAGERS)


def preview(upload, user):
    return imports.preview_file(upload, record_kind="trademark", source_kind="trademark_office", user=user)


def import_all(upload, user):
    batch = preview(upload, user)
    assert imports.start_import(batch)
    return imports.run_import(batch.pk)


def sheet(rows, header=HEADER):
    return csv_file(rows, header=header, name="商标.csv")


def stored_files():
    return sorted(default_storage.listdir("register/trademarks")[1]) if default_storage.exists("register") else []


def export_zip(crystal=CRYSTAL_PNG, kangyuan=KANGYUAN_JPEG):
    # The crystal mark's image is named in the sheet; Kangyuan's only by its registration number.
    rows = [[*DONGHAI_CRYSTAL, "图样/3012345.png"], [*KANGYUAN, ""]]
    return zip_file(sheet(rows), {"图样/3012345.png": crystal, "图样/8765432.jpg": kangyuan})


def test_a_zip_of_a_sheet_and_its_images_imports_each_mark_with_its_image_in_default_storage(manager):
    batch = import_all(export_zip(), manager)
    assert (batch.status, batch.created_count, batch.rejected_rows) == (ImportBatch.Status.DONE, 2, 0)
    crystal = Trademark.objects.get(registration_number="3012345")
    kangyuan = Trademark.objects.get(registration_number="8765432")
    assert crystal.image.name.startswith("register/trademarks/3012345-") and crystal.image.name.endswith(".png")
    assert kangyuan.image.name.endswith(".jpg")
    with default_storage.open(crystal.image.name) as stored:
        assert stored.read() == CRYSTAL_PNG
    assert crystal.image.url.startswith("/media/register/trademarks/")


def test_the_preview_says_which_rows_carry_an_image(manager):
    batch = preview(export_zip(), manager)
    assert [row["image"] for row in batch.mapping["_sample"]] == [True, True]
    assert batch.mapping["image"] == "商标图样"


@pytest.mark.parametrize(
    ("cell", "files", "reason"),
    [
        ("缺失.png", {}, "压缩包中没有商标图样文件“缺失.png”"),
        ("假图.png", {"假图.png": b"this is text, not a picture"}, "不是 PNG、JPEG 或 GIF 图片"),
        ("位图.bmp.png", {"位图.bmp.png": image_bytes("BMP")}, "不是 PNG、JPEG 或 GIF 图片"),
        ("截断.png", {"截断.png": CRYSTAL_PNG[: len(CRYSTAL_PNG) // 2]}, "无法完整读取"),
        ("过宽.png", {"过宽.png": image_bytes("PNG", size=(MAX_IMAGE_SIDE + 1, 4))}, "尺寸过大"),
        ("https://example.com/mark.png", {}, "平台不下载网络图片"),
    ],
)
def test_a_row_whose_image_is_missing_or_not_a_real_image_is_rejected_with_the_reason(manager, cell, files, reason):
    upload = zip_file(sheet([[*DONGHAI_CRYSTAL, cell], [*KANGYUAN, ""]]), files)
    batch = preview(upload, manager)
    assert (batch.valid_rows, batch.rejected_rows) == (1, 1)
    assert batch.rejections[0]["row"] == 2
    assert reason in batch.rejections[0]["messages"][0]


def test_an_image_over_the_byte_limit_is_rejected_before_it_is_decoded(manager):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (1000, 1000), (255, 0, 0)).save(buffer, format="PNG", compress_level=0)
    assert len(buffer.getvalue()) > 2 * 1024 * 1024
    batch = preview(zip_file(sheet([[*DONGHAI_CRYSTAL, "大.png"]]), {"大.png": buffer.getvalue()}), manager)
    assert "过大（上限 2 MB）" in batch.rejections[0]["messages"][0]


def test_a_sheet_naming_images_uploaded_without_its_zip_is_rejected_saying_to_pack_them(manager):
    batch = preview(sheet([[*DONGHAI_CRYSTAL, "3012345.png"]]), manager)
    assert batch.valid_rows == 0
    assert "打包为 ZIP" in batch.rejections[0]["messages"][0]


def test_a_zip_must_hold_exactly_one_sheet(manager):
    two = zip_file(sheet([DONGHAI_CRYSTAL], header=TRADEMARK_HEADER), {"另一份.csv": b"x"})
    with pytest.raises(ValidationError, match="有且只有一个"):
        preview(two, manager)
    with pytest.raises(ValidationError, match="ZIP"):
        preview(SimpleUploadedFile("marks.zip", b"PK\x03\x04 not really a zip"), manager)


def test_importing_the_same_zip_again_changes_nothing_and_writes_no_file(manager):
    import_all(export_zip(), manager)
    names = stored_files()
    before = list(Trademark.objects.order_by("pk").values("pk", "image", "updated_at", "batch"))
    again = import_all(export_zip(), manager)
    assert (again.created_count, again.updated_count, again.unchanged_count) == (0, 0, 2)
    assert list(Trademark.objects.order_by("pk").values("pk", "image", "updated_at", "batch")) == before
    assert stored_files() == names


def test_a_sheet_without_images_keeps_the_image_imported_before(manager):
    import_all(export_zip(), manager)
    image = Trademark.objects.get(registration_number="3012345").image.name
    import_all(sheet([DONGHAI_CRYSTAL], header=TRADEMARK_HEADER), manager)
    assert Trademark.objects.get(registration_number="3012345").image.name == image


def test_a_changed_image_replaces_the_old_one_and_its_file(manager):
    import_all(export_zip(), manager)
    old = Trademark.objects.get(registration_number="3012345").image.name
    batch = import_all(export_zip(crystal=image_bytes("GIF", colour=(0, 0, 255))), manager)
    assert (batch.updated_count, batch.unchanged_count) == (1, 1)
    new = Trademark.objects.get(registration_number="3012345").image.name
    assert new.endswith(".gif") and new != old
    assert not default_storage.exists(old)
    assert len(stored_files()) == 2


def test_a_failed_import_removes_the_images_it_wrote(manager, monkeypatch):
    batch = preview(export_zip(), manager)
    imports.start_import(batch)
    # One mark a chunk: the first is written with its image before the database refuses the second.
    monkeypatch.setattr(imports, "CHUNK", 1)
    with rows_refused_after(Trademark, 1):
        assert imports.run_import(batch.pk).status == ImportBatch.Status.FAILED
    assert not Trademark.objects.exists()
    assert stored_files() == []


def xml_mark(image_element):
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<trademarks><trademark>
  <registration-number>3012345</registration-number>
  <nice-class>14</nice-class>
  <name>东海水晶</name>
  <registrant name="东海县水晶产业协会" address="江苏省连云港市东海县"/>
  <registration-date>2003-05-07</registration-date>
  {image_element}
</trademark></trademarks>""".encode()


def test_the_xml_format_carries_an_image_inline_in_base64(manager):
    encoded = base64.encodebytes(CRYSTAL_PNG).decode()
    batch = import_all(SimpleUploadedFile("marks.xml", xml_mark(f'<image format="png">{encoded}</image>')), manager)
    assert batch.created_count == 1
    with default_storage.open(Trademark.objects.get().image.name) as stored:
        assert stored.read() == CRYSTAL_PNG


def test_xml_naming_an_image_file_reads_it_from_the_zip(manager):
    upload = zip_file(
        SimpleUploadedFile("marks.xml", xml_mark('<image file="3012345.png"/>')), {"3012345.png": CRYSTAL_PNG}
    )
    assert import_all(upload, manager).created_count == 1
    assert Trademark.objects.get().image.name.endswith(".png")


def test_xml_with_an_image_that_is_not_base64_is_a_row_rejection(manager):
    batch = preview(SimpleUploadedFile("marks.xml", xml_mark("<image>@@not base64@@</image>")), manager)
    assert batch.valid_rows == 0
    assert "base64" in batch.rejections[0]["messages"][0]


@pytest.mark.usefixtures("search_index")
def test_the_record_page_search_results_and_export_show_the_image(client, manager):
    import_all(export_zip(), manager)
    mark = Trademark.objects.get(registration_number="3012345")
    alt = f'alt="{mark.name}"'
    page = client.get(mark.get_absolute_url()).content.decode()
    assert f'src="{mark.image.url}"' in page and alt in page
    results = client.get(reverse("register:search"), {"q": "东海水晶"}).content.decode()
    assert f'src="{mark.image.url}"' in results and alt in results
    response = client.get(reverse("register:export"), {"kind": "trademark"})
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][-1] == "商标图样"
    by_number = {row[1]: row[-1] for row in rows[1:]}
    assert by_number["3012345"] == f"http://testserver{mark.image.url}"
