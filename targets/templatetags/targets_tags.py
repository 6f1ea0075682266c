from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def figure(value):
    """A figure without trailing zeros, thousands separated: 13000.0000 → 13,000; 0.1200 → 0.12."""
    if value is None or value == "":
        return "—"
    number = Decimal(str(value)).normalize()
    if number == number.to_integral_value():
        return f"{int(number):,}"
    return f"{number:,f}"


@register.filter
def percent(value):
    return "—" if value is None else f"{value:.1f}%"
