"""The city's leading industries (主导产业), the reference list postings are filed under."""

from core.seeding import seed_row

INDUSTRIES = [
    ("medicine", "新医药"),
    ("materials", "新材料"),
    ("energy", "新能源"),
    ("equipment", "高端装备制造"),
    ("petrochemical", "石化产业"),
    ("agriculture", "现代农业"),
    ("electronics", "电子信息"),
    ("logistics", "港口物流"),
    ("crystal", "东海水晶/硅材料"),
    ("steel", "精品钢"),
    ("culture", "文化创意"),
    ("other", "其他"),
]


def ensure_industries(industry_model):
    """Create or update every industry; safe to run any number of times."""
    for order, (code, name) in enumerate(INDUSTRIES):
        seed_row(industry_model, {"code": code}, {"name": name, "sort_order": order})
