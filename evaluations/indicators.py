"""The indicator evaluation requests add to the targets: completed IP evaluations (live rule "ip-evaluations",
`evaluations.statistics.completed_evaluations`). The plan sets no number for it, so it has no target value."""

IP_EVALUATIONS = "ip-evaluations"


def ensure_evaluation_indicators(indicator_model, unit_model):
    """Create the indicator if it does not exist; one staff have edited is left alone."""
    indicator, created = indicator_model.objects.get_or_create(
        code=IP_EVALUATIONS,
        defaults={
            "name": "知识产权评议项目数",
            "unit": "项",
            "category": "management",
            "source": "live",
            "live_rule": IP_EVALUATIONS,
            "target_value": None,
            "comparison": "at_least",
            # Quoted from the plan (its punctuation as published), as every indicator's plan text is.
            "plan_text": (
                "建立知识产权评议制度。建立完善重大经济、科技活动知识产权风险评估制度,制定风险评估办法,"
                "将知识产权评议纳入我市重大经济、科技活动的评议内容,规避重大经济、科技活动中的知识产权风险"
            ),
            "is_published": True,
            "sort_order": 210,
            "baseline": 0,
        },
    )
    if created:
        indicator.responsible_units.set(
            unit_model.objects.filter(code__in=("fagaiwei", "jingxinwei", "kejiju", "caizhengju"))
        )
    return indicator
