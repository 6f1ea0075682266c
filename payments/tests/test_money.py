from payments.money import format_amount
from services.models import format_fen


def test_amounts_are_shown_in_the_configured_currency(settings):
    settings.PAYMENT_CURRENCY = "cny"
    assert format_fen(350000) == "¥3,500.00"
    settings.PAYMENT_CURRENCY = "usd"
    assert format_fen(350000) == "$3,500.00"
    settings.PAYMENT_CURRENCY = "sgd"
    assert format_fen(350000) == "3,500.00 SGD"
    assert format_amount(350000, "hkd") == "HK$3,500.00"
