"""An institution's offerings: saving with the price rules and moving between draft, published, archived."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import MAX_AMOUNT_FEN, Offering, format_fen


class OfferingError(Exception):
    """The offering cannot be changed this way; the message is shown to the user."""


def check_price(price_type, price):
    """Raise ValidationError on the price field when the price does not fit its type."""
    if price_type == Offering.PriceType.NEGOTIABLE:
        return None
    if price is None or price <= 0:
        raise ValidationError({"price": _("一口价和起价须填写大于零的价格。")})
    if price > MAX_AMOUNT_FEN:
        raise ValidationError({"price": _("价格不能超过 %(max)s。") % {"max": format_fen(MAX_AMOUNT_FEN)}})
    return price


def save_offering(offering, user):
    institution = offering.institution
    if not institution.is_member(user):
        raise OfferingError(_("只有本机构成员可以管理服务项目。"))
    offering.price = check_price(offering.price_type, offering.price)
    offering.full_clean()
    offering.save()
    return offering


def set_status(offering, user, status):
    if not offering.institution.is_member(user):
        raise OfferingError(_("只有本机构成员可以管理服务项目。"))
    if status not in Offering.Status.values or status == offering.status:
        raise OfferingError(_("服务项目状态无效。"))
    offering.status = status
    offering.save(update_fields=["status", "updated_at"])
    return offering
