"""What a posting shows from the register beside each IP right: its record link, status and check time."""

from django import template

from ..models import PostingCheck

register = template.Library()


def _check(record):
    try:
        return record.register_check
    except PostingCheck.DoesNotExist:
        return None


@register.inclusion_tag("register/includes/posting_ip_number.html")
def register_number(record):
    return {"record": record, "check": _check(record)}


@register.inclusion_tag("register/includes/posting_ip_status.html", takes_context=True)
def register_status(context, record):
    from ..postings import may_answer

    check = _check(record)
    request = context.get("request")
    return {
        "check": check,
        "may_answer": bool(check and check.is_flagged and request and may_answer(check, request.user)),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("register/includes/portfolio.html")
def register_portfolio(organisation):
    from ..organisations import portfolio

    return {"organisation": organisation, "portfolio": portfolio(organisation)}


@register.inclusion_tag("register/includes/agency_figures.html")
def register_agency_figures(institution):
    from ..organisations import agency_figures

    return {"figures": agency_figures(institution)}
