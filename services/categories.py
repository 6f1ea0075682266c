"""The service categories offered on the platform, seeded by migration so every deployment has them."""

from core.seeding import seed_row

CATEGORIES = [
    # code, name, sort order
    ("patent-filing", "专利申请代理", 10),
    ("patent-invalidation", "专利复审与无效", 20),
    ("trademark", "商标注册与代理", 30),
    ("copyright", "版权登记", 40),
    ("litigation", "知识产权诉讼与维权", 50),
    ("valuation", "知识产权价值评估", 60),
    ("pledge-financing", "知识产权质押融资服务", 70),
    ("custody", "知识产权托管", 80),
    ("early-warning", "预警与战略分析", 90),
    ("standardisation", "贯标辅导", 100),
    ("training", "知识产权培训", 110),
    ("search", "专利信息检索", 120),
    ("transfer", "知识产权转让与许可", 130),
]


def ensure_categories(model):
    for code, name, sort_order in CATEGORIES:
        seed_row(model, {"code": code}, {"name": name, "sort_order": sort_order})
