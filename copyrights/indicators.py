"""The indicators copyright filing adds to the targets: works registered and contracts filed, counted live
(`copyrights.statistics`). The plan asks to 完善作品登记和转让合同备案制度 without a figure to reach, so
both are counts without a target."""

WORKS_REGISTERED = "copyright-works-registered"
CONTRACTS_FILED = "copyright-contracts-filed"

PLAN_TEXT = "进一步完善作品登记和转让合同备案制度,拓展版权利用方式,促进版权市场化"

INDICATORS = [
    (WORKS_REGISTERED, "作品登记量", 210),
    (CONTRACTS_FILED, "著作权转让、许可合同备案量", 211),
]


def ensure_copyright_indicators(indicator_model, unit_model):
    """Create the two indicators if they do not exist; one staff have edited is left alone."""
    made = []
    for code, name, order in INDICATORS:
        indicator, created = indicator_model.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "unit": "件",
                "category": "utilisation",
                "source": "live",
                "live_rule": code,
                "target_value": None,
                "comparison": "at_least",
                # Quoted from the plan (its punctuation as published), as every indicator's plan text is.
                "plan_text": PLAN_TEXT,
                "is_published": True,
                "sort_order": order,
                "baseline": 0,
            },
        )
        if created:
            indicator.responsible_units.set(unit_model.objects.filter(code__in=("xuanchuanbu", "wenguangxinju")))
        made.append(indicator)
    return made
