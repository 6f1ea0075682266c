"""The indicator customs recordal adds to the targets: rights with a valid customs recordal (live rule
"customs-recordals", `register.statistics.customs_recordals`). The plan asks for 知识产权海关备案 without a
figure, so the indicator counts without a target."""

CUSTOMS_RECORDALS = "customs-recordals"


def ensure_customs_indicator(indicator_model, unit_model):
    """Create the indicator if it does not exist; one staff have edited is left alone."""
    indicator, created = indicator_model.objects.get_or_create(
        code=CUSTOMS_RECORDALS,
        defaults={
            "name": "知识产权海关备案（有效备案的专利与商标）",
            "unit": "件",
            "category": "protection",
            "source": "live",
            "live_rule": CUSTOMS_RECORDALS,
            "target_value": None,
            "comparison": "at_least",
            "plan_text": "引导外向型企业进行知识产权海关备案,用好知识产权海关保护制度,加强知识产权边境保护",
            # Staff see it on the dashboard; publishing it on the public summary is their choice there.
            "is_published": False,
            "sort_order": 210,
            "baseline": 0,
        },
    )
    if created:
        indicator.responsible_units.set(unit_model.objects.filter(code__in=("haiguan", "kejiju", "gongshangju")))
    return indicator
