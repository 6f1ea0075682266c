"""Requests from enterprises to advisers: sent once, answered once by the adviser (`REQUEST_WORKFLOW`).

The adviser is told by e-mail and finds the request on their own requests page; the enterprise is told
of the answer in its inbox and by e-mail (`services.inbox`). Before acceptance each side sees only what
the other published (the adviser's profile; the enterprise's name and the request itself); after it,
`contact_for` gives each the other's contact details.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.mail import send_templated_mail
from core.workflow import WorkflowError

from .access import may_send_request
from .models import REQUEST_WORKFLOW, AdviceRequest, AdviserProfile


class RequestError(Exception):
    """A request could not be sent or answered; the message is for the person."""


def _refuse(refusal):
    return RequestError(refusal.message)


def send_request(user, profile, *, topic, message, preferred_from, preferred_to):
    if not may_send_request(user):
        raise RequestError(_("只有企业成员可以向顾问提出咨询。"))
    if preferred_to < preferred_from:
        raise RequestError(_("希望最晚日期不能早于最早日期。"))
    if preferred_from < timezone.localdate():
        raise RequestError(_("希望日期不能早于今天。"))
    with transaction.atomic():
        # Read under lock: a profile withdrawn a moment ago takes no new request.
        current = AdviserProfile.objects.in_pool().select_for_update(of=("self",)).filter(pk=profile.pk).first()
        if current is None:
            raise RequestError(_("该顾问资料已不公开，无法提出咨询。"))
        if current.user_id == user.pk:
            raise RequestError(_("不能向自己提出咨询。"))
        advice_request = AdviceRequest.objects.create(
            enterprise=user.organisation,
            requested_by=user,
            adviser=current,
            topic=topic,
            message=message,
            preferred_from=preferred_from,
            preferred_to=preferred_to,
        )
        send_templated_mail(
            "advisers/email/request_received",
            [current.user.email],
            {
                "adviser": current.display_name,
                "enterprise": advice_request.enterprise.name,
                "topic": topic,
                "path": advice_request.get_absolute_url(),
            },
        )
    return advice_request


def accept(advice_request, user, answer=""):
    return REQUEST_WORKFLOW.apply(
        advice_request,
        AdviceRequest.Status.ACCEPTED,
        user=user,
        note=answer,
        changes={"answer": answer},
        refuse=_refuse,
    )


def decline(advice_request, user, answer=""):
    return REQUEST_WORKFLOW.apply(
        advice_request,
        AdviceRequest.Status.DECLINED,
        user=user,
        note=answer,
        changes={"answer": answer},
        refuse=_refuse,
    )


def answer(advice_request, user, *, accepted, answer=""):
    """Accept or decline; a repeat of the same answer changes nothing and says so."""
    try:
        return (accept if accepted else decline)(advice_request, user, answer)
    except WorkflowError as error:
        raise RequestError(str(error)) from None


def tell_enterprise(move):
    from services.inbox import notify

    advice_request = move.record
    if move.to_state == AdviceRequest.Status.ACCEPTED:
        title = _("顾问 %(adviser)s 接受了您的咨询“%(topic)s”，可查看联系方式")
    else:
        title = _("顾问 %(adviser)s 谢绝了您的咨询“%(topic)s”")
    notify(
        advice_request.enterprise,
        title % {"adviser": advice_request.adviser.display_name, "topic": advice_request.topic},
        body=move.note,
        url=advice_request.get_absolute_url(),
    )


@dataclass(frozen=True)
class Contact:
    name: str
    organisation: str
    email: str
    phone: str


def contact_for(advice_request, user):
    """The other side's contact details for `user`, or None before the request is accepted."""
    if not advice_request.is_accepted:
        return None
    adviser = advice_request.adviser.user
    if adviser.pk == user.pk:
        enterprise = advice_request.enterprise
        person = advice_request.requested_by
        return Contact(
            name=(person.get_full_name() if person else "") or enterprise.contact_name,
            organisation=enterprise.name,
            email=(person.email if person else "") or enterprise.contact_email,
            phone=(person.phone if person else "") or enterprise.contact_phone,
        )
    if advice_request.enterprise.is_member(user):
        organisation = adviser.organisation
        return Contact(
            name=advice_request.adviser.display_name,
            organisation=organisation.name if organisation else "",
            email=adviser.email,
            phone=adviser.phone,
        )
    return None
