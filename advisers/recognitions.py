"""Engineer-title recognitions (知识产权工程师评聘), recorded and decided by holders of
`advisers.recognise_titles` through `RECOGNITION_WORKFLOW` (applied → reviewed → recognised / not
recognised). A recognised title shows on the person's adviser profile as a verified fact and counts for
the targets (`advisers.statistics`)."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _

from core.uploads import DEFAULT_MAX_BYTES, check_upload
from core.workflow import WorkflowError

from .access import may_recognise
from .models import RECOGNITION_WORKFLOW, RecognitionEvent, TitleRecognition

DOCUMENT_KINDS = ("pdf", "image")


class RecognitionError(Exception):
    """A recognition could not be recorded or moved on; the message is for the person."""


def _refuse(refusal):
    return RecognitionError(refusal.message)


def record(user, *, email, level, decided_on, deciding_unit, document):
    if not may_recognise(user):
        raise RecognitionError(_("您无权办理知识产权工程师评聘。"))
    content_type = check_upload(document, DOCUMENT_KINDS, DEFAULT_MAX_BYTES, refuse=RecognitionError)
    person = get_user_model().objects.filter(email__iexact=email.strip(), is_active=True).first()
    if person is None:
        raise RecognitionError(_("平台上没有邮箱为 %(email)s 的用户，请本人先注册。") % {"email": email})
    recognition = TitleRecognition(
        person=person,
        person_name=person.get_full_name(),
        organisation=person.organisation,
        level=level,
        decided_on=decided_on,
        deciding_unit=deciding_unit,
        recorded_by=user,
    )
    recognition.keep(document, content_type)
    with transaction.atomic():
        recognition.save()
        RecognitionEvent.objects.create(
            recognition=recognition, from_status="", to_status=TitleRecognition.Status.APPLIED, actor=user
        )
    return recognition


def take_step(recognition, user, name, note=""):
    try:
        return RECOGNITION_WORKFLOW.apply(recognition, name, user=user, note=note, refuse=_refuse)
    except WorkflowError as error:
        raise RecognitionError(str(error)) from None


def visible_recognitions(user):
    if may_recognise(user):
        return TitleRecognition.objects.all()
    if user.is_authenticated:
        return TitleRecognition.objects.filter(person=user)
    return TitleRecognition.objects.none()
