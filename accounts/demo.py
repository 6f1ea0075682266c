"""Demo users for each role and the organisations they act for."""

from allauth.account.models import EmailAddress

from reference.models import District

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

USERS = [
    # role label, e-mail, name, staff, organisation credit code, membership role
    ("Administrator 管理员", "admin@demo.ip.lyg", "平台管理员", True, None, None),
    ("Enterprise owner 企业负责人", "enterprise@demo.ip.lyg", "王建华", False, "91320700MA1MBQ5X3R", "owner"),
    ("Institution owner 机构负责人", "institution@demo.ip.lyg", "李明", False, "91320706MA1N2K7P8X", "owner"),
]


def load(stdout):
    organisations = {}
    for data in ORGANISATIONS:
        fields = {**data, "district": District.objects.get(code=data["district"])}
        organisation, _created = Organisation.objects.get_or_create(credit_code=data["credit_code"], defaults=fields)
        organisations[organisation.credit_code] = organisation

    logins = []
    for role_label, email, name, is_staff, credit_code, role in USERS:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(
                email=email, password=DEMO_PASSWORD, name=name, is_staff=is_staff, is_superuser=is_staff
            )
        EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
        if credit_code:
            Membership.objects.get_or_create(
                user=user, defaults={"organisation": organisations[credit_code], "role": role}
            )
        logins.append((role_label, email, DEMO_PASSWORD))
    return logins
