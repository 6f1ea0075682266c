"""The indicator customs recordal adds to the targets: rights with a valid customs recordal (live rule
"customs-recordals", `register.statistics.customs_recordals`). The plan asks for 知识产权海关备案 without a
figure, so the indicator counts without a target."""

from targets.plan import counted_indicator, ensure_indicator

CUSTOMS_RECORDALS = "customs-recordals"

RECORDALS = counted_indicator(
    CUSTOMS_RECORDALS,
    "知识产权海关备案（有效备案的专利与商标）",
    "件",
    "protection",
    "引导外向型企业进行知识产权海关备案,用好知识产权海关保护制度,加强知识产权边境保护",
    ("haiguan", "kejiju", "gongshangju"),
    # Staff see it on the dashboard; publishing it on the public summary is their choice there.
    published=False,
)


def ensure_customs_indicator(indicator_model, unit_model):
    return ensure_indicator(indicator_model, unit_model, RECORDALS, sort_order=210)
