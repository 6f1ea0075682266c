from django import template

from .. import inbox
from ..models import format_fen

register = template.Library()


@register.filter
def yuan(amount_fen):
    """Fen as yuan with two decimals: {{ order.amount|yuan }} → ¥3,500.00."""
    return format_fen(amount_fen)


@register.simple_tag(takes_context=True)
def inbox_unread_count(context):
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return 0
    return inbox.unread_count(request.user)
