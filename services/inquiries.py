"""Inquiries between an enterprise and an institution: starting one, replying, proposing a quote."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .inbox import notify
from .models import MAX_AMOUNT_FEN, Inquiry, InquiryMessage, Side, format_fen
from .scorecard import refresh_reply_time

MAX_MESSAGE_LENGTH = 5000


class InquiryError(Exception):
    """A rule about inquiries was broken; the message is shown to the user."""


def _check_body(body):
    body = (body or "").strip()
    if not body:
        raise InquiryError(_("消息内容不能为空。"))
    if len(body) > MAX_MESSAGE_LENGTH:
        raise InquiryError(_("消息过长（最多 %(max)d 字）。") % {"max": MAX_MESSAGE_LENGTH})
    return body


def start_inquiry(user, institution, *, subject, body, offering=None):
    refusal = institution.engage_refusal(user)
    if refusal is not None:
        raise InquiryError(refusal)
    organisation = user.organisation
    if offering is not None and (offering.institution_id != institution.pk or not offering.is_published):
        raise InquiryError(_("所选服务项目不属于该机构或未发布。"))
    subject = (subject or "").strip()[:120] or (offering.title if offering else _("服务咨询"))
    body = _check_body(body)
    with transaction.atomic():
        now = timezone.now()
        inquiry = Inquiry.objects.create(
            enterprise=organisation,
            institution=institution,
            offering=offering,
            subject=subject,
            created_by=user,
            last_message_at=now,
        )
        InquiryMessage.objects.create(inquiry=inquiry, side=Side.ENTERPRISE, sender=user, body=body)
        notify(
            institution.organisation,
            _("新咨询：%(subject)s（来自 %(enterprise)s）") % {"subject": subject, "enterprise": organisation.name},
            body=body,
            url=inquiry.get_absolute_url(),
            inquiry=inquiry,
        )
    return inquiry


def post_message(inquiry, user, *, body, quote_amount=None):
    side = inquiry.side_of(user)
    if side is None:
        raise InquiryError(_("您不是该咨询的参与方。"))
    body = _check_body(body)
    if quote_amount is not None:
        if side != Side.INSTITUTION:
            raise InquiryError(_("只有服务机构可以报价。"))
        if not 0 < quote_amount <= MAX_AMOUNT_FEN:
            raise InquiryError(_("报价须大于零且不超过 %(max)s。") % {"max": format_fen(MAX_AMOUNT_FEN)})
    with transaction.atomic():
        inquiry = (
            Inquiry.objects.select_for_update()
            .select_related("institution__organisation", "enterprise")
            .get(pk=inquiry.pk)
        )
        message = InquiryMessage.objects.create(
            inquiry=inquiry, side=side, sender=user, body=body, quote_amount=quote_amount
        )
        inquiry.last_message_at = message.created_at
        update_fields = ["last_message_at"]
        first_reply = side == Side.INSTITUTION and inquiry.first_reply_at is None
        if first_reply:
            inquiry.first_reply_at = message.created_at
            update_fields.append("first_reply_at")
        inquiry.save(update_fields=update_fields)
        if first_reply:
            refresh_reply_time(inquiry.institution)
        if side == Side.INSTITUTION:
            recipient, sender_name = inquiry.enterprise, inquiry.institution.name
        else:
            recipient, sender_name = inquiry.institution.organisation, inquiry.enterprise.name
        if quote_amount is not None:
            title = _("%(sender)s 报价 %(amount)s：%(subject)s") % {
                "sender": sender_name,
                "amount": message.quote_display,
                "subject": inquiry.subject,
            }
        else:
            title = _("%(sender)s 回复了咨询：%(subject)s") % {"sender": sender_name, "subject": inquiry.subject}
        notify(recipient, title, body=body, url=inquiry.get_absolute_url(), inquiry=inquiry)
    return message
