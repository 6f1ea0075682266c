"""Where an applicant comes from, as far as the register says: of the city (the import matched its
address to one of the city's districts), elsewhere in China, or abroad.

The national exports give an address, not a country: an address naming a province-level division of
China (or China itself) is domestic; an address naming none of them is foreign; no address at all says
nothing, and such a party is not counted as foreign.
"""

from .models import PartyKind

PROVINCES = (
    "中国", "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽",
    "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃",
    "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门",
)  # fmt: skip


def is_foreign(party):
    address = party.address.strip()
    if party.district_id or not address:
        return False
    return not any(name in address for name in PROVINCES)


def is_city_enterprise(party):
    return bool(party.district_id) and party.kind == PartyKind.ENTERPRISE
