"""The abnormal-application list imported by staff: a CSV in UTF-8 or GBK (as its form says), or an XLSX."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reference.models import AbnormalApplication
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LIST = "申请号,通报日期,通报文件\r\n201410000001.6,2016-03-01,国知局通报\r\n"


@pytest.fixture
def importer(client):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="add_abnormalapplication"),
    )
    client.force_login(user)
    return client


def send(client, content):
    upload = SimpleUploadedFile("名单.csv", content, content_type="text/csv")
    return client.post(reverse("reference_abnormal_import"), {"file": upload})


@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
def test_a_csv_saved_as_utf8_or_as_gbk_is_imported(importer, encoding):
    response = send(importer, LIST.encode(encoding))
    assert response.status_code == 302
    listed = AbnormalApplication.objects.get()
    assert (listed.application_number, str(listed.published_on), listed.notice) == (
        "201410000001.6",
        "2016-03-01",
        "国知局通报",
    )


def test_a_csv_in_neither_encoding_is_refused_with_a_message_and_nothing_is_imported(importer):
    response = send(importer, LIST.encode("utf-8") + b"\xff\xfe\x80\r\n")
    assert response.status_code == 200
    assert "UTF-8 或 GBK" in response.content.decode()
    assert not AbnormalApplication.objects.exists()
