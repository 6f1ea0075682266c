"""The city's leading industries (主导产业), the reference list postings are filed under."""

from core.seeding import seed_row, with_english_name

INDUSTRIES = [
    ("medicine", "新医药", "New medicine"),
    ("materials", "新材料", "New materials"),
    ("energy", "新能源", "New energy"),
    ("equipment", "高端装备制造", "High-end equipment manufacturing"),
    ("petrochemical", "石化产业", "Petrochemicals"),
    ("agriculture", "现代农业", "Modern agriculture"),
    ("electronics", "电子信息", "Electronic information"),
    ("logistics", "港口物流", "Port logistics"),
    ("crystal", "东海水晶/硅材料", "Donghai crystal / silicon materials"),
    ("steel", "精品钢", "Quality steel"),
    ("culture", "文化创意", "Culture and creative industries"),
    ("other", "其他", "Other"),
]


def ensure_industries(industry_model):
    """Create or update every industry; safe to run any number of times."""
    for order, (code, name, name_en) in enumerate(INDUSTRIES):
        values = {"name": name, "sort_order": order}
        seed_row(industry_model, {"code": code}, with_english_name(industry_model, values, name_en))
