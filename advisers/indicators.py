"""The indicator the engineer-title recognitions add to the targets: people recognised as IP engineers
(live rule "ip-engineers-recognised", `advisers.statistics.people_recognised`).

The plan's own 累计培训知识产权工程师700名 (`ip-engineers-trained`) keeps counting trained people: the plan
says 培训, and a certificate of training is what it asks for. Recognition (评聘, "加快推进知识产权工程师评聘工作")
is a separate step the plan names without a figure, so its count stands beside the trained people as an
indicator without a target."""

RECOGNISED = "ip-engineers-recognised"


def ensure_recognition_indicator(indicator_model, unit_model):
    """Create the indicator if it does not exist; one staff have edited is left alone."""
    indicator, created = indicator_model.objects.get_or_create(
        code=RECOGNISED,
        defaults={
            "name": "评聘知识产权工程师（人数）",
            "unit": "名",
            "category": "services",
            "source": "live",
            "live_rule": RECOGNISED,
            "target_value": None,
            "comparison": "at_least",
            # Quoted from the plan (its punctuation as published).
            "plan_text": "加快推进知识产权工程师评聘工作,引导社会资源向知识产权领域集聚",
            # Staff see it on the dashboard; publishing it on the public summary is their choice there.
            "is_published": False,
            "sort_order": 205,
            "baseline": 0,
        },
    )
    if created:
        indicator.responsible_units.set(unit_model.objects.filter(code__in=("renshe-ju", "kejiju")))
    return indicator
