"""Files in object storage: private objects, presigned downloads, public media through the web tier, and
moving the files of a local disk into the bucket (`move_files_to_bucket`)."""

import hashlib
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import RequestFactory

from accounts.roles import TARGET_REPORTERS
from core.views import public_media
from targets.entries import certify_enterprise
from tests.factories import OrganisationFactory, UserFactory, staff_in

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _object_url(storage, name):
    endpoint = storage.endpoint_url.rstrip("/")
    return f"{endpoint}/{storage.bucket_name}/{storage._normalize_name(name)}"


@pytest.mark.s3
def test_private_objects_are_refused_to_anyone_without_the_keys(bucket):
    name = storages["private"].save("evidence/x.pdf", ContentFile(PDF))
    assert storages["private"].open(name).read() == PDF
    assert requests.get(_object_url(storages["private"], name), timeout=10).status_code == 403


@pytest.mark.s3
@pytest.mark.django_db
def test_a_permitted_download_redirects_to_a_short_lived_signed_address(bucket, settings, client):
    settings.PRIVATE_FILE_DELIVERY = "redirect"
    staff = staff_in(TARGET_REPORTERS)
    certification = certify_enterprise(
        OrganisationFactory(),
        certificate_number="LYG-BZH-2015-001",
        certified_on=date(2015, 6, 18),
        issued_by="市科技局",
        evidence=SimpleUploadedFile("证明.pdf", PDF),
        user=staff,
    )
    url = f"/targets/certifications/{certification.pk}/evidence/"
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    client.force_login(staff)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Cache-Control"] == "private, no-store"
    query = parse_qs(urlsplit(response["Location"]).query)
    assert query["X-Amz-Expires"] == [str(settings.S3_PRESIGNED_SECONDS)]
    fetched = requests.get(response["Location"], timeout=10)
    assert fetched.status_code == 200 and fetched.content == PDF
    assert fetched.headers["Content-Type"] == "application/pdf"
    assert fetched.headers["Content-Disposition"].startswith("attachment")
    # Changed by one character, the signature no longer holds.
    assert (
        requests.get(response["Location"].replace("X-Amz-Expires=", "X-Amz-Expires=1"), timeout=10).status_code == 403
    )


@pytest.mark.s3
def test_public_images_come_from_the_bucket_through_the_web_tier_documents_never(bucket):
    image = default_storage.save("images/logo.png", ContentFile(b"\x89PNG\r\n\x1a\nrest"))
    document = default_storage.save("documents/plan.pdf", ContentFile(PDF))
    assert default_storage.url(image) == f"/media/{image}"
    response = public_media(RequestFactory().get(f"/media/{image}"), image)
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    assert response["Cache-Control"].startswith("public")
    for path in (document, "images/missing.png", "../private/x.pdf"):
        with pytest.raises(Exception) as refused:
            public_media(RequestFactory().get(f"/media/{path}"), path)
        assert refused.typename == "Http404"


def _local_files(settings):
    files = {
        ("default", "original_images/a.png"): b"\x89PNG public",
        ("private", "rights/evidence/2026/b.pdf"): PDF,
        ("private", "payments/receipts/c.pdf"): PDF + b"receipt",
    }
    roots = {"default": settings.MEDIA_ROOT, "private": settings.PRIVATE_MEDIA_ROOT}
    for (alias, name), content in files.items():
        path = roots[alias] / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return {(alias, name): roots[alias] / name for alias, name in files}


@pytest.mark.s3
def test_moving_files_copies_each_verified_keeps_local_ones_and_resumes(bucket, settings, capsys):
    paths = _local_files(settings)
    call_command("move_files_to_bucket")
    assert "copied and verified 3, already in the bucket 0, failed 0, deleted locally 0" in capsys.readouterr().out
    for (alias, name), path in paths.items():
        assert path.exists()
        with storages[alias].open(name) as stored:
            assert stored.read() == path.read_bytes()
        obj = storages[alias].bucket.Object(storages[alias]._normalize_name(name))
        assert obj.metadata["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()

    # A file changed since (or a copy cut short) is copied again; the rest are recognised and skipped.
    paths["private", "payments/receipts/c.pdf"].write_bytes(PDF + b"corrected")
    call_command("move_files_to_bucket", "--delete-verified")
    assert "copied and verified 1, already in the bucket 2, failed 0, deleted locally 3" in capsys.readouterr().out
    assert not any(path.exists() for path in paths.values())
    assert storages["private"].open("payments/receipts/c.pdf").read() == PDF + b"corrected"


def test_moving_files_refuses_when_no_bucket_is_configured(settings):
    _local_files(settings)
    with pytest.raises(CommandError, match="S3_BUCKET"):
        call_command("move_files_to_bucket")
    assert (settings.PRIVATE_MEDIA_ROOT / "payments/receipts/c.pdf").exists()


@pytest.mark.s3
def test_a_demo_story_played_in_the_past_stores_its_files_in_the_bucket(bucket):
    # The bucket refuses requests signed at a time far from its own clock; a story's clock is months back.
    from core.scenarios import at, day

    with at(day(-200)):
        name = storages["private"].save("demo/receipt.pdf", ContentFile(PDF))
        assert storages["private"].exists(name)
    assert storages["private"].open(name).read() == PDF
