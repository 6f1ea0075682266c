"""The indicator special funds add to the targets: funds paid (live rule "special-funds-paid", counted from
the payments recorded here, `funding.statistics.funds_paid`).

The plan's own 专项工作经费占一般预算支出比例 (`ip-budget-share`) stays as the targets app seeds it (staff
enter it; the targets demo records its history by hand); staff may switch it to the live rule
"special-funds-share" on its settings screen once the year's general budget expenditure is entered."""

from targets.plan import counted_indicator, ensure_indicator

FUNDS_PAID = "special-funds-paid"

PAID = counted_indicator(
    FUNDS_PAID,
    "知识产权专项资金拨付金额",
    "元",
    "safeguards",
    # Quoted from the plan (its punctuation as published), as every indicator's plan text is.
    "市、县(区)财政设立知识产权专项资金,用于资助专利申请、促进专利实施、开展专利宣传和人才培养、"
    "援助专利维权、扶持专利中介服务机构的发展等促进专利事业发展的项目",
    ("kejiju", "caizhengju"),
    published=True,
)


def ensure_funding_indicators(indicator_model, unit_model):
    return ensure_indicator(indicator_model, unit_model, PAID, sort_order=200)
