"""Districts and responsible units: seeded by migration, re-asserted here so demo data is complete; and the
published statistics the plan's indicators divide by (resident population, R&D spending), as staff
enter them in the admin. The statistics are illustrative (演示数据), not official."""

from decimal import Decimal

from .data import ensure_reference_data
from .models import District, RdSpending, ResidentPopulation, ResponsibleUnit

REQUIRES = ()
DEMO_NOTE = "连云港统计年鉴（演示数据）"
YEARS = (2013, 2014, 2015, 2016)
# 万人 at the end of 2013; each later year adds the growth given.
POPULATION = {
    "haizhou": ("93.10", "0.60"),
    "lianyun": ("22.40", "0.15"),
    "ganyu": ("100.20", "0.40"),
    "donghai": ("95.30", "0.20"),
    "guanyun": ("81.50", "0.10"),
    "guannan": ("62.40", "0.10"),
    "kaifaqu": ("10.20", "0.50"),
    "xuwei": ("3.10", "0.30"),
    "gaoxinqu": ("8.40", "0.40"),
    "yuntaishan": ("2.10", "0.02"),
}
RD_SPENDING = {2013: "280000", 2014: "310000", 2015: "345000", 2016: "380000"}  # 万元


def load(stdout):
    ensure_reference_data(District, ResponsibleUnit)
    districts = {district.code: district for district in District.objects.all()}
    for code, (start, growth) in POPULATION.items():
        for offset, year in enumerate(YEARS):
            ResidentPopulation.objects.get_or_create(
                district=districts[code],
                year=year,
                defaults={"residents": Decimal(start) + offset * Decimal(growth), "source_note": DEMO_NOTE},
            )
    for year, amount in RD_SPENDING.items():
        RdSpending.objects.get_or_create(year=year, defaults={"amount": Decimal(amount), "source_note": DEMO_NOTE})
    return []
