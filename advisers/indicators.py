"""The indicator the engineer-title recognitions add to the targets: people recognised as IP engineers
(live rule "ip-engineers-recognised", `advisers.statistics.people_recognised`).

The plan's own 累计培训知识产权工程师700名 (`ip-engineers-trained`) keeps counting trained people: the plan
says 培训, and a certificate of training is what it asks for. Recognition (评聘, "加快推进知识产权工程师评聘工作")
is a separate step the plan names without a figure, so its count stands beside the trained people as an
indicator without a target."""

from targets.plan import counted_indicator, ensure_indicator

RECOGNISED = "ip-engineers-recognised"

RECOGNITION = counted_indicator(
    RECOGNISED,
    "评聘知识产权工程师（人数）",
    "名",
    "services",
    # Quoted from the plan (its punctuation as published).
    "加快推进知识产权工程师评聘工作,引导社会资源向知识产权领域集聚",
    ("renshe-ju", "kejiju"),
    # Staff see it on the dashboard; publishing it on the public summary is their choice there.
    published=False,
)


def ensure_recognition_indicator(indicator_model, unit_model):
    return ensure_indicator(indicator_model, unit_model, RECOGNITION, sort_order=205)
