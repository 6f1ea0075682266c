"""The rights-protection stories: handlers of three responsible units and a rights administrator; the public
reports infringements and the demo enterprise asks for assistance; the administrator routes each case to a
unit, whose handler accepts, works on and closes it (or the administrator declines a report too thin to check).

Every step calls `rights.cases` at its moment (`core.scenarios`): a case submitted `days_ago` days ago gets its
steps `gap_days` apart. Idempotent: a case is keyed by the infringer it names.
"""

from django.contrib.auth.models import Group, Permission

from accounts.demo import DEMO_PASSWORD, ENTERPRISE_EMAIL, person
from accounts.models import User
from accounts.roles import ensure_roles
from core.scenarios import at, day
from reference.models import District, ResponsibleUnit

from . import cases
from .models import Case, Handler, Notification, Outcome
from .roles import ensure_groups

REQUIRES = ("accounts", "reference")

STAFF = [
    # role label, e-mail, name, unit code (None: rights administrator)
    ("Rights administrator 维权管理员", "rights-admin@demo.ip.lyg", "周维权", None),
    ("Handler 连云港工商局", "trademark@demo.ip.lyg", "刘晓燕", "gongshangju"),
    ("Handler 市科技局", "patent@demo.ip.lyg", "陈志刚", "kejiju"),
    ("Handler 连云港海关", "customs@demo.ip.lyg", "孙海涛", "haiguan"),
]

# Each case: how it was submitted, then the steps it went through, `days_ago` being its submission.
CASES = [
    {
        "kind": Case.Kind.REPORT,
        "days_ago": 46,
        "fields": {
            "category": "trademark",
            "ip_right": "“东海水晶”地理标志证明商标（第3456789号）",
            "infringer": "东海县某水晶工艺品商行",
            "infringer_details": "东海县水晶城二期B区",
            "place": "东海县中国东海水晶城",
            "district": "donghai",
            "description": "该商行销售的玻璃仿制饰品标注“东海水晶”字样及证明商标，以假充真，面向外地游客销售。",
            "contact_name": "",
            "contact_email": "",
        },
        "steps": [
            ("assign", {"unit": "gongshangju", "handler": "trademark@demo.ip.lyg"}),
            ("accept", {}),
            ("start", {"public_message": "执法人员已赴现场检查。"}),
            (
                "close",
                {
                    "outcome": Outcome.PENALISED,
                    "summary": "经查属实，当事人销售侵犯注册商标专用权的商品，已没收侵权商品并处罚款。",
                },
            ),
        ],
    },
    {
        "kind": Case.Kind.REPORT,
        "days_ago": 75,
        "fields": {
            "category": "patent",
            "ip_right": "发明专利 ZL201610123456.7（一种碳纤维复合材料的制备方法）",
            "infringer": "连云港某新材料制品厂",
            "place": "连云港经济技术开发区",
            "district": "kaifaqu",
            "description": "该厂在展会上展示并销售的碳纤维板材，其工艺与我司专利相同。",
            "contact_name": "王建华",
            "contact_phone": "0518-85661234",
        },
        "steps": [
            ("assign", {"unit": "kejiju", "handler": "patent@demo.ip.lyg"}),
            ("accept", {}),
            ("start", {}),
            (
                "close",
                {
                    "outcome": Outcome.ORDERED_TO_STOP,
                    "summary": "经技术比对认定构成侵权，已责令对方停止制造、销售侵权产品。",
                },
            ),
        ],
    },
    {
        "kind": Case.Kind.REPORT,
        "days_ago": 12,
        "fields": {
            "category": "customs",
            "ip_right": "“SKF”注册商标",
            "infringer": "连云港某进出口贸易有限公司",
            "place": "连云港港口岸",
            "district": "lianyun",
            "description": "该公司报关出口的一批轴承疑似假冒国际知名品牌。",
        },
        "steps": [
            ("assign", {"unit": "haiguan", "handler": "customs@demo.ip.lyg"}),
            ("accept", {}),
            ("start", {"public_message": "已对涉嫌货物实施查验。"}),
        ],
        # No step since: this case is flagged as stale in the queue.
        "gap_days": 1,
    },
    {
        "kind": Case.Kind.REPORT,
        "days_ago": 6,
        "fields": {
            "category": "copyright",
            "ip_right": "多部院线电影",
            "infringer": "赣榆区某网吧",
            "place": "赣榆区青口镇",
            "district": "ganyu",
            "description": "该网吧电脑内置影视点播系统，提供大量未经授权的院线电影。",
        },
        "steps": [("assign", {"unit": "wenguangxinju"}), ("accept", {})],
    },
    {
        "kind": Case.Kind.REPORT,
        "days_ago": 2,
        "fields": {
            "category": "online",
            "ip_right": "“恒瑞碳纤”注册商标",
            "infringer": "某电商平台“碳纤骑行专营店”",
            "infringer_details": "https://shop.example.com/carbon-bike",
            "description": "网店销售仿冒我司品牌的碳纤维自行车架，使用我司产品图片。",
            "contact_email": "report@example.com",
        },
        "steps": [],
    },
    {
        "kind": Case.Kind.REPORT,
        "days_ago": 20,
        "fields": {
            "category": "trademark",
            "infringer": "海州区某超市",
            "district": "haizhou",
            "description": "卖假货。",
        },
        "steps": [("decline", {"reason": "举报内容过于简略，无法核查。请补充具体商品、商标和证据后重新举报。"})],
    },
    {
        "kind": Case.Kind.ASSISTANCE,
        "days_ago": 4,
        "fields": {
            "category": "patent",
            "ip_right": "发明专利 ZL201810654321.0",
            "infringer": "江苏某复合材料有限公司",
            "help_wanted": "litigation",
            "deadline_days": 24,
            "deadline_note": "连云港市中级人民法院开庭",
            "description": "我司起诉对方侵犯发明专利权，法院已立案，需要侵权比对和诉讼策略方面的援助。",
            "contact_name": "王建华",
            "contact_phone": "0518-85661234",
            "contact_email": "ip@hengrui-materials.example",
        },
        "steps": [("assign", {"unit": "kejiju", "handler": "patent@demo.ip.lyg"}), ("accept", {})],
        "gap_days": 1,
    },
]


def _staff(stdout):
    ensure_roles()
    admin_group, handler_group = ensure_groups(Group, Permission)
    logins = []
    for role_label, email, name, unit_code in STAFF:
        user = person(email, name, is_staff=True)
        if unit_code is None:
            user.groups.add(admin_group)
        else:
            user.groups.add(handler_group)
            Handler.objects.get_or_create(user=user, defaults={"unit": ResponsibleUnit.objects.get(code=unit_code)})
        logins.append((role_label, email, DEMO_PASSWORD))
    return logins


def load(stdout):
    logins = _staff(stdout)
    rights_admin = User.objects.get(email=STAFF[0][1])
    enterprise_user = User.objects.get(email=ENTERPRISE_EMAIL)
    for spec in CASES:
        if Case.objects.filter(infringer=spec["fields"]["infringer"]).exists():
            continue
        fields = dict(spec["fields"])
        if "district" in fields:
            fields["district"] = District.objects.get(code=fields["district"])
        if "deadline_days" in fields:
            fields["deadline"] = day(fields.pop("deadline_days")).date()
        submitted = day(-spec["days_ago"], 9)
        with at(submitted):
            if spec["kind"] == Case.Kind.ASSISTANCE:
                case = cases.submit_assistance(enterprise_user, fields)
            else:
                case, _secret = cases.submit_report(fields)
        gap = spec.get("gap_days", 2)
        for number, (action, options) in enumerate(spec["steps"], start=1):
            with at(submitted.later(days=gap * number)):
                case = _apply(case, action, options, rights_admin)
    # The demo's history happened in the past: the e-mails its steps queued are not sent now.
    Notification.objects.filter(case__infringer__in=[spec["fields"]["infringer"] for spec in CASES]).delete()
    return logins


def _apply(case, action, options, rights_admin):
    if action == "assign":
        unit = ResponsibleUnit.objects.get(code=options["unit"])
        handler = User.objects.get(email=options["handler"]) if options.get("handler") else None
        return cases.assign(case, rights_admin, unit, handler)
    if action == "decline":
        return cases.decline(case, rights_admin, options["reason"])
    actor = case.handler or rights_admin
    if action == "accept":
        return cases.accept(case, actor)
    if action == "start":
        return cases.start(case, actor, options.get("public_message", ""))
    return cases.close(case, actor, options["outcome"], options["summary"])
