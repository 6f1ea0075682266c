"""The indicator evaluation requests add to the targets: completed IP evaluations (live rule "ip-evaluations",
`evaluations.statistics.completed_evaluations`). The plan sets no number for it, so it has no target value."""

from targets.plan import counted_indicator, ensure_indicator

IP_EVALUATIONS = "ip-evaluations"

COMPLETED = counted_indicator(
    IP_EVALUATIONS,
    "知识产权评议项目数",
    "项",
    "management",
    # Quoted from the plan (its punctuation as published), as every indicator's plan text is.
    "建立知识产权评议制度。建立完善重大经济、科技活动知识产权风险评估制度,制定风险评估办法,"
    "将知识产权评议纳入我市重大经济、科技活动的评议内容,规避重大经济、科技活动中的知识产权风险",
    ("fagaiwei", "jingxinwei", "kejiju", "caizhengju"),
    published=True,
)


def ensure_evaluation_indicators(indicator_model, unit_model):
    return ensure_indicator(indicator_model, unit_model, COMPLETED, sort_order=210)
