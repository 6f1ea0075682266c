"""Demo users for each role and the two organisations the README's log-ins act for.

Other apps' demos find these organisations through their owners' log-ins (`organisation_of`), never by
credit code, and create the people of their own stories with `person` and `registered`.
"""

from dataclasses import dataclass

from allauth.account.models import EmailAddress

from reference.models import District

from . import roles
from .models import Membership, Organisation, User
from .organisations import create_organisation

REQUIRES = ("reference",)

DEMO_PASSWORD = "demo-ip-2014"
ENTERPRISE_EMAIL = "enterprise@demo.ip.lyg"
INSTITUTION_EMAIL = "institution@demo.ip.lyg"
OPERATOR_EMAIL = "operator@demo.ip.lyg"
ADMIN_EMAIL = "admin@demo.ip.lyg"


@dataclass(frozen=True)
class DemoOrganisation:
    credit_code: str
    kind: str
    name: str
    district: str
    address: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    description: str = ""


@dataclass(frozen=True)
class Login:
    label: str
    email: str
    name: str
    group: str | None = None  # staff: the role's group (None with `superuser`)
    superuser: bool = False
    organisation: str = ""  # the name of the organisation the person owns


ORGANISATIONS = [
    DemoOrganisation(
        credit_code="91320700MA1MBQ5X3R",
        kind=Organisation.Kind.ENTERPRISE,
        name="连云港恒瑞新材料科技有限公司",
        district="kaifaqu",
        address="连云港经济技术开发区黄河路38号",
        contact_name="王建华",
        contact_phone="0518-85661234",
        contact_email="ip@hengrui-materials.example",
        description="从事高性能碳纤维及复合材料研发生产的高新技术企业，拥有有效发明专利46件。",
    ),
    DemoOrganisation(
        credit_code="91320706MA1N2K7P8X",
        kind=Organisation.Kind.INSTITUTION,
        name="连云港港城专利代理事务所（普通合伙）",
        district="haizhou",
        address="连云港市海州区朝阳东路66号科技大厦12楼",
        contact_name="李明",
        contact_phone="0518-85512345",
        contact_email="service@gangcheng-patent.example",
        description="专业从事专利申请代理、专利检索分析、专利无效与维权的知识产权服务机构。",
    ),
]

# Platform staff: each role's group (accounts.roles), and one superuser. `is_staff` only opens the admin.
STAFF = [
    Login("Administrator 管理员 (superuser)", ADMIN_EMAIL, "平台管理员", superuser=True),
    Login("Platform operator 平台运营", OPERATOR_EMAIL, "赵敏", roles.PLATFORM_OPERATORS),
    Login("Content editor 编辑", "editor@demo.ip.lyg", "孙丽", roles.CONTENT_EDITORS),
    Login("Training manager 培训管理员", "training@demo.ip.lyg", "周强", roles.TRAINING_MANAGERS),
    Login("Target reporter 目标填报员", "targets@demo.ip.lyg", "吴刚", roles.TARGET_REPORTERS),
    Login("Finance 财务", "finance@demo.ip.lyg", "郑红", roles.FINANCE),
]

OWNERS = [
    Login("Enterprise owner 企业负责人", ENTERPRISE_EMAIL, "王建华", organisation="连云港恒瑞新材料科技有限公司"),
    Login(
        "Institution owner 机构负责人", INSTITUTION_EMAIL, "李明", organisation="连云港港城专利代理事务所（普通合伙）"
    ),
]


def person(email, name, **flags):
    """The demo user with this e-mail (verified), created with the demo password if missing."""
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=DEMO_PASSWORD, name=name, **flags)
    EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


def registered(email, name, data):
    """The person with this log-in, owner of the organisation of a `DemoOrganisation` record, which they
    registered through the function of the 登记组织 form."""
    user = person(email, name)
    found = Organisation.objects.filter(credit_code=data.credit_code).first()
    if found is None:
        create_organisation(
            user,
            kind=data.kind,
            name=data.name,
            credit_code=data.credit_code,
            district=District.objects.get(code=data.district),
            address=data.address,
            contact_name=data.contact_name,
            contact_phone=data.contact_phone,
            contact_email=data.contact_email,
            description=data.description,
        )
    else:
        Membership.objects.get_or_create(user=user, defaults={"organisation": found, "role": Membership.Role.OWNER})
    return user


def organisation_of(email):
    """The organisation the demo person with this log-in acts for."""
    return User.objects.get(email=email).organisation


def load(stdout):
    organisations = {data.name: data for data in ORGANISATIONS}
    groups = roles.ensure_roles()
    logins = []
    for login in STAFF:
        user = person(login.email, login.name, is_staff=True, is_superuser=login.superuser)
        if login.group is not None:
            user.groups.add(groups[login.group])
        logins.append((login.label, login.email, DEMO_PASSWORD))
    for login in OWNERS:
        registered(login.email, login.name, organisations[login.organisation])
        logins.append((login.label, login.email, DEMO_PASSWORD))
    return logins
