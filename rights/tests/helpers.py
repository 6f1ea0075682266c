import secrets
import time

from django.core import signing

from reference.models import District
from rights.forms import FORM_STARTED_SALT


def started(seconds_ago=60):
    """The signed time a report form was shown, `seconds_ago` seconds back, and the form's own key."""
    return signing.dumps([time.time() - seconds_ago, secrets.token_hex(16)], salt=FORM_STARTED_SALT)


def report_data(**overrides):
    data = {
        "category": "trademark",
        "ip_right": "“汤沟”注册商标",
        "infringer": "海州区新浦某烟酒商行",
        "infringer_details": "海州区解放中路",
        "place": "海州区新浦步行街",
        "district": District.objects.get(code="haizhou").pk,
        "occurred_on": "2024-05-01",
        "description": "该商行销售假冒“汤沟”白酒，瓶盖防伪标识与正品不同。",
        "contact_name": "",
        "contact_phone": "",
        "contact_email": "",
        "website": "",
        "started": started(),
    }
    return {**data, **overrides}


def assistance_data(**overrides):
    data = {
        "category": "patent",
        "ip_right": "发明专利 ZL201810654321.0",
        "infringer": "江苏某复合材料有限公司",
        "infringer_details": "",
        "help_wanted": "litigation",
        "deadline": "2030-06-18",
        "deadline_note": "市中级人民法院开庭",
        "description": "对方生产的碳纤维板材落入我司专利保护范围，法院已立案。",
        "contact_name": "王建华",
        "contact_phone": "0518-85661234",
        "contact_email": "ip@example.com",
    }
    return {**data, **overrides}
