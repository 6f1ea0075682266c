"""Private files kept with a record (`core.attachments`): what is known of a file stored before its model
became a PrivateFile is filled in from the stored file itself."""

from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages

from funding import applications
from funding.models import Attachment
from funding.tests.factories import applicant, make_programme
from targets.models import Indicator, IndicatorEntry

from ..attachments import describe_stored_files

pytestmark = [pytest.mark.django_db, pytest.mark.files]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_a_file_stored_under_its_uploaders_name_gets_that_name_its_type_and_size():
    user = applicant()
    application = applications.start_application(make_programme(), user)
    stored = storages["private"].save(f"funding/{application.pk}/授权证书.pdf", ContentFile(PDF))
    attachment = Attachment.objects.create(
        application=application, title="证书", file=stored, original_name="", content_type="", size=0, uploaded_by=user
    )

    describe_stored_files(Attachment)

    attachment.refresh_from_db()
    assert (attachment.original_name, attachment.content_type, attachment.size) == (
        "授权证书.pdf",
        "application/pdf",
        len(PDF),
    )


def test_a_file_kept_on_a_larger_record_is_described_the_same_way_and_a_record_without_one_is_left_alone():
    indicator = Indicator.objects.get(code="pct-applications")
    stored = storages["private"].save("targets/entries/2015/统计表.pdf", ContentFile(PDF))
    kept = IndicatorEntry.objects.create(indicator=indicator, as_of=date(2015, 12, 31), value=3, attachment=stored)
    bare = IndicatorEntry.objects.create(indicator=indicator, as_of=date(2016, 12, 31), value=4)

    describe_stored_files(IndicatorEntry, IndicatorEntry.ATTACHMENT)

    kept.refresh_from_db()
    bare.refresh_from_db()
    assert (kept.attachment_name, kept.attachment_type, kept.attachment_size) == (
        "统计表.pdf",
        "application/pdf",
        len(PDF),
    )
    assert (bare.attachment_name, bare.attachment_type, bare.attachment_size) == ("", "", 0)
