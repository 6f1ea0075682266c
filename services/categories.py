"""The service categories offered on the platform, seeded by migration so every deployment has them."""

from core.seeding import seed_row, with_english_name

CATEGORIES = [
    # code, name, English name, sort order
    ("patent-filing", "专利申请代理", "Patent application agency", 10),
    ("patent-invalidation", "专利复审与无效", "Patent reexamination and invalidation", 20),
    ("trademark", "商标注册与代理", "Trademark registration and agency", 30),
    ("copyright", "版权登记", "Copyright registration", 40),
    ("litigation", "知识产权诉讼与维权", "IP litigation and enforcement", 50),
    ("valuation", "知识产权价值评估", "IP valuation", 60),
    ("pledge-financing", "知识产权质押融资服务", "IP pledge financing services", 70),
    ("custody", "知识产权托管", "IP custody", 80),
    ("early-warning", "预警与战略分析", "Early warning and strategic analysis", 90),
    ("standardisation", "贯标辅导", "IP management standard coaching", 100),
    ("training", "知识产权培训", "IP training", 110),
    ("search", "专利信息检索", "Patent information search", 120),
    ("transfer", "知识产权转让与许可", "IP transfer and licensing", 130),
    # The plan's 知识产权评议: institutions in this category take evaluation requests (`evaluations`).
    ("ip-evaluation", "知识产权评议", "IP evaluation of major projects", 140),
]


def ensure_categories(model):
    for code, name, name_en, sort_order in CATEGORIES:
        seed_row(model, {"code": code}, with_english_name(model, {"name": name, "sort_order": sort_order}, name_en))
