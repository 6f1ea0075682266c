"""Engineer-title recognition: recorded and decided by staff holding the permission, counted once decided."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.roles import TALENT_MANAGERS
from advisers import profiles, recognitions
from advisers.models import TitleRecognition
from advisers.statistics import people_recognised
from targets.live import get_rule
from tests.factories import MembershipFactory, staff_in

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def _record(manager, person, decided_on=date(2016, 5, 20)):
    return recognitions.record(
        manager,
        email=person.email,
        level=TitleRecognition.Level.ENGINEER,
        decided_on=decided_on,
        deciding_unit="连云港市人力资源和社会保障局",
        document=SimpleUploadedFile("decision.pdf", PDF, content_type="application/pdf"),
    )


def test_a_recognition_goes_from_applied_through_review_to_recognised_and_counts():
    manager = staff_in(TALENT_MANAGERS)
    person = MembershipFactory().user
    recognition = _record(manager, person)
    assert recognition.status == TitleRecognition.Status.APPLIED
    assert people_recognised(on=date(2016, 12, 31)).value == 0

    with pytest.raises(recognitions.RecognitionError):
        recognitions.take_step(recognition, manager, TitleRecognition.Status.RECOGNISED)
    recognitions.take_step(recognition, manager, TitleRecognition.Status.REVIEWED)
    recognitions.take_step(recognition, manager, TitleRecognition.Status.RECOGNISED, "材料齐全")
    with pytest.raises(recognitions.RecognitionError):
        recognitions.take_step(recognition, manager, TitleRecognition.Status.NOT_RECOGNISED)

    assert [e.to_status for e in recognition.events.all()] == ["applied", "reviewed", "recognised"]
    assert people_recognised(on=date(2016, 5, 19)).value == 0
    assert people_recognised(on=date(2016, 12, 31)).value == 1
    assert people_recognised(district=person.organisation.district).value == 1
    assert get_rule("ip-engineers-recognised").value() == 1
    assert profiles.qualifies(person)  # a recognised title opens the adviser profile


def test_people_without_the_permission_cannot_record_or_decide():
    manager = staff_in(TALENT_MANAGERS)
    somebody = MembershipFactory().user
    with pytest.raises(recognitions.RecognitionError, match="无权"):
        _record(somebody, somebody)
    recognition = _record(manager, somebody)
    with pytest.raises(recognitions.RecognitionError, match="无权"):
        recognitions.take_step(recognition, somebody, TitleRecognition.Status.REVIEWED)
    assert TitleRecognition.objects.get().status == TitleRecognition.Status.APPLIED


@pytest.mark.files
def test_a_recognition_document_is_checked_by_content_and_kept_under_a_generated_name():
    manager = staff_in(TALENT_MANAGERS)
    person = MembershipFactory().user
    with pytest.raises(recognitions.RecognitionError):
        recognitions.record(
            manager,
            email=person.email,
            level=TitleRecognition.Level.ENGINEER,
            decided_on=date(2016, 5, 20),
            deciding_unit="连云港市人力资源和社会保障局",
            document=SimpleUploadedFile("决定.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"),
        )
    assert not TitleRecognition.objects.exists()

    recognition = _record(manager, person)

    assert recognition.original_name == "decision.pdf" and "decision" not in recognition.file.name
    assert (recognition.content_type, recognition.size) == ("application/pdf", len(PDF))
