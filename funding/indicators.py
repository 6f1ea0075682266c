"""The indicator special funds add to the targets: funds paid (live rule "special-funds-paid", counted from
the payments recorded here, `funding.statistics.funds_paid`).

The plan's own 专项工作经费占一般预算支出比例 (`ip-budget-share`) stays as the targets app seeds it (staff
enter it; the targets demo records its history by hand); staff may switch it to the live rule
"special-funds-share" on its settings screen once the year's general budget expenditure is entered."""

FUNDS_PAID = "special-funds-paid"


def ensure_funding_indicators(indicator_model, unit_model):
    """Create the funds-paid indicator if it does not exist; one staff have edited is left alone."""
    indicator, created = indicator_model.objects.get_or_create(
        code=FUNDS_PAID,
        defaults={
            "name": "知识产权专项资金拨付金额",
            "unit": "元",
            "category": "safeguards",
            "source": "live",
            "live_rule": FUNDS_PAID,
            "target_value": None,
            "comparison": "at_least",
            # Quoted from the plan (its punctuation as published), as every indicator's plan text is.
            "plan_text": (
                "市、县(区)财政设立知识产权专项资金,用于资助专利申请、促进专利实施、开展专利宣传和人才培养、"
                "援助专利维权、扶持专利中介服务机构的发展等促进专利事业发展的项目"
            ),
            "is_published": True,
            "sort_order": 200,
            "baseline": 0,
        },
    )
    if created:
        indicator.responsible_units.set(unit_model.objects.filter(code__in=("kejiju", "caizhengju")))
    return indicator
