"""Amounts are kept in the currency's smallest unit (fen for CNY), as Stripe expects; shown here."""

from django.conf import settings

SYMBOLS = {"cny": "¥", "usd": "$", "eur": "€", "hkd": "HK$", "gbp": "£", "jpy": "¥"}
# Currencies without a minor unit (Stripe's "zero-decimal currencies") among those above.
ZERO_DECIMAL = {"jpy"}


def format_amount(amount, currency=None):
    """350000 fen → '¥3,500.00' in the configured currency (or `currency`)."""
    if amount is None:
        return ""
    currency = (currency or settings.PAYMENT_CURRENCY).lower()
    value = f"{amount:,}" if currency in ZERO_DECIMAL else f"{amount / 100:,.2f}"
    symbol = SYMBOLS.get(currency)
    return f"{symbol}{value}" if symbol else f"{value} {currency.upper()}"
