"""The indicators copyright filing adds to the targets: works registered and contracts filed, counted live
(`copyrights.statistics`). The plan asks to 完善作品登记和转让合同备案制度 without a figure to reach, so
both are counts without a target."""

from targets.plan import counted_indicator, ensure_indicator

WORKS_REGISTERED = "copyright-works-registered"
CONTRACTS_FILED = "copyright-contracts-filed"

# Quoted from the plan (its punctuation as published), as every indicator's plan text is.
PLAN_TEXT = "进一步完善作品登记和转让合同备案制度,拓展版权利用方式,促进版权市场化"
UNITS = ("xuanchuanbu", "wenguangxinju")

INDICATORS = [
    (counted_indicator(WORKS_REGISTERED, "作品登记量", "件", "utilisation", PLAN_TEXT, UNITS, published=True), 210),
    (
        counted_indicator(
            CONTRACTS_FILED, "著作权转让、许可合同备案量", "件", "utilisation", PLAN_TEXT, UNITS, published=True
        ),
        211,
    ),
]


def ensure_copyright_indicators(indicator_model, unit_model):
    return [ensure_indicator(indicator_model, unit_model, item, sort_order=order) for item, order in INDICATORS]
