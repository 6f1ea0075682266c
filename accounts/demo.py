"""Demo users for each role and the organisations they act for."""

from allauth.account.models import EmailAddress

from reference.models import District

from . import roles
from .models import Membership, Organisation, User

DEMO_PASSWORD = "demo-ip-2014"

ORGANISATIONS = [
    {
        "credit_code": "91320700MA1MBQ5X3R",
        "kind": Organisation.Kind.ENTERPRISE,
        "name": "连云港恒瑞新材料科技有限公司",
        "district": "kaifaqu",
        "address": "连云港经济技术开发区黄河路38号",
        "contact_name": "王建华",
        "contact_phone": "0518-85661234",
        "contact_email": "ip@hengrui-materials.example",
        "description": "从事高性能碳纤维及复合材料研发生产的高新技术企业，拥有有效发明专利46件。",
    },
    {
        "credit_code": "91320706MA1N2K7P8X",
        "kind": Organisation.Kind.INSTITUTION,
        "name": "连云港港城专利代理事务所（普通合伙）",
        "district": "haizhou",
        "address": "连云港市海州区朝阳东路66号科技大厦12楼",
        "contact_name": "李明",
        "contact_phone": "0518-85512345",
        "contact_email": "service@gangcheng-patent.example",
        "description": "专业从事专利申请代理、专利检索分析、专利无效与维权的知识产权服务机构。",
    },
]

# Platform staff: each role's group (accounts.roles), and one superuser. `is_staff` only opens the admin.
STAFF = [
    # role label, e-mail, name, group (None: superuser)
    ("Administrator 管理员 (superuser)", "admin@demo.ip.lyg", "平台管理员", None),
    ("Platform operator 平台运营", "operator@demo.ip.lyg", "赵敏", roles.PLATFORM_OPERATORS),
    ("Content editor 编辑", "editor@demo.ip.lyg", "孙丽", roles.CONTENT_EDITORS),
    ("Training manager 培训管理员", "training@demo.ip.lyg", "周强", roles.TRAINING_MANAGERS),
    ("Target reporter 目标填报员", "targets@demo.ip.lyg", "吴刚", roles.TARGET_REPORTERS),
    ("Finance 财务", "finance@demo.ip.lyg", "郑红", roles.FINANCE),
]
OPERATOR_EMAIL = "operator@demo.ip.lyg"

USERS = [
    # role label, e-mail, name, organisation credit code, membership role
    ("Enterprise owner 企业负责人", "enterprise@demo.ip.lyg", "王建华", "91320700MA1MBQ5X3R", "owner"),
    ("Institution owner 机构负责人", "institution@demo.ip.lyg", "李明", "91320706MA1N2K7P8X", "owner"),
]


def _user(email, name, **flags):
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=DEMO_PASSWORD, name=name, **flags)
    EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


def load(stdout):
    organisations = {}
    for data in ORGANISATIONS:
        fields = {**data, "district": District.objects.get(code=data["district"])}
        organisation, _created = Organisation.objects.get_or_create(credit_code=data["credit_code"], defaults=fields)
        organisations[organisation.credit_code] = organisation

    groups = roles.ensure_roles()
    logins = []
    for role_label, email, name, group in STAFF:
        user = _user(email, name, is_staff=True, is_superuser=group is None)
        if group is not None:
            user.groups.add(groups[group])
        logins.append((role_label, email, DEMO_PASSWORD))
    for role_label, email, name, credit_code, role in USERS:
        user = _user(email, name)
        Membership.objects.get_or_create(user=user, defaults={"organisation": organisations[credit_code], "role": role})
        logins.append((role_label, email, DEMO_PASSWORD))
    return logins
