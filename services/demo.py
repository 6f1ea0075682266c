"""Demo marketplace: approved institutions of every type with offerings, completed orders and reviews,
one pending application and one suspended institution. Idempotent: natural keys are credit codes and titles."""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from accounts.credit_code import check_character
from accounts.demo import OPERATOR_EMAIL
from accounts.models import Membership, Organisation, User
from payments.models import BankAccount, Payment
from reference.models import District

from . import inbox, orders
from .models import (
    Actor,
    Inquiry,
    InquiryMessage,
    Institution,
    InstitutionEvent,
    Offering,
    Order,
    OrderEvent,
    OrderStatus,
    QualificationDocument,
    Review,
    ServiceCategory,
    Side,
)
from .scorecard import refresh_all

DEMO_INSTITUTION_CODE = "91320706MA1N2K7P8X"  # 连云港港城专利代理事务所, created by accounts.demo
DEMO_ENTERPRISE_CODE = "91320700MA1MBQ5X3R"  # 连云港恒瑞新材料科技有限公司


# A minimal valid PDF standing in for scanned licences.
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def credit_code(serial):
    body = f"91320700MA{serial:07d}"
    return body + check_character(body)


EXTRA_ENTERPRISES = [
    (9001, "连云港康缘生物医药有限公司", "kaifaqu", "新医药企业，从事中药创新药研发。"),
    (9002, "江苏东海晶华水晶制品有限公司", "donghai", "东海水晶深加工与工艺品设计企业。"),
    (9003, "连云港徐圩石化装备有限公司", "xuwei", "石化装备与高端装备制造企业。"),
]

# credit serial, name, type, district, licence, grade, year, categories, description, offerings
# offerings: (title, category, price type, price in fen or None, delivery days)
INSTITUTIONS = [
    (
        None,
        "连云港港城专利代理事务所（普通合伙）",
        "patent_agency",
        "haizhou",
        "32231",
        "A+",
        2024,
        ["patent-filing", "patent-invalidation", "search"],
        "专业从事专利申请代理、专利检索分析、专利无效与维权的知识产权服务机构，服务新医药、新材料企业十余年。",
        [
            ("发明专利申请代理", "patent-filing", "fixed", 480000, 30),
            ("实用新型专利申请代理", "patent-filing", "fixed", 180000, 15),
            ("专利无效宣告请求代理", "patent-invalidation", "from", 1500000, 60),
            ("专利查新检索报告", "search", "fixed", 80000, 7),
        ],
    ),
    (
        1001,
        "连云港海州知识产权代理有限公司",
        "patent_agency",
        "haizhou",
        "32245",
        "A",
        2024,
        ["patent-filing", "transfer"],
        "面向中小企业的专利申请与专利转让许可代理。",
        [
            ("外观设计专利申请代理", "patent-filing", "fixed", 120000, 10),
            ("专利转让与许可备案代理", "transfer", "fixed", 150000, 15),
        ],
    ),
    (
        1002,
        "江苏港城商标事务所有限公司",
        "trademark_agency",
        "lianyun",
        "",
        "",
        None,
        ["trademark"],
        "商标注册、续展、异议与驳回复审代理。",
        [
            ("商标注册申请（单类）", "trademark", "fixed", 80000, 5),
            ("商标驳回复审", "trademark", "fixed", 250000, 30),
        ],
    ),
    (
        1003,
        "江苏云台律师事务所知识产权部",
        "law_firm",
        "haizhou",
        "",
        "",
        None,
        ["litigation"],
        "知识产权诉讼、侵权警告与行政投诉代理，为港口与石化企业提供法律顾问服务。",
        [
            ("知识产权侵权诉讼代理", "litigation", "negotiable", None, 120),
            ("知识产权法律顾问（年度）", "litigation", "from", 3000000, 365),
        ],
    ),
    (
        1004,
        "连云港中衡资产评估有限公司",
        "valuation",
        "kaifaqu",
        "",
        "",
        None,
        ["valuation"],
        "专利、商标价值评估，出具质押融资和出资入股评估报告。",
        [("专利价值评估报告", "valuation", "from", 1200000, 20)],
    ),
    (
        1005,
        "连云港市科技融资担保有限公司",
        "pledge_financing",
        "haizhou",
        "",
        "",
        None,
        ["pledge-financing", "valuation"],
        "知识产权质押融资方案设计、担保与银行对接服务。",
        [("知识产权质押融资方案设计", "pledge-financing", "negotiable", None, 30)],
    ),
    (
        1006,
        "连云港高新区知识产权托管中心",
        "custody",
        "gaoxinqu",
        "",
        "",
        None,
        ["custody"],
        "为园区企业提供专利年费监控、档案管理与知识产权托管。",
        [("企业知识产权托管（年度）", "custody", "fixed", 600000, 365)],
    ),
    (
        1007,
        "江苏智库知识产权预警分析中心",
        "early_warning",
        "kaifaqu",
        "",
        "",
        None,
        ["early-warning", "search"],
        "重点产业专利导航、预警分析与企业知识产权战略规划。",
        [
            ("产品上市前专利风险预警分析", "early-warning", "from", 2000000, 45),
            ("新材料产业专利导航报告", "early-warning", "negotiable", None, 90),
        ],
    ),
    (
        1008,
        "连云港标准化知识产权咨询有限公司",
        "standardisation",
        "ganyu",
        "",
        "",
        None,
        ["standardisation"],
        "《企业知识产权管理规范》（GB/T 29490）贯标辅导与认证咨询。",
        [("知识产权贯标辅导", "standardisation", "fixed", 3500000, 120)],
    ),
    (
        1009,
        "连云港知识产权培训学院",
        "training",
        "haizhou",
        "",
        "",
        None,
        ["training"],
        "企业知识产权管理人员、专利工程师实务培训。",
        [("企业知识产权专员实务培训（2天）", "training", "fixed", 160000, 2)],
    ),
    (
        1010,
        "连云港专利信息服务中心",
        "information_search",
        "haizhou",
        "",
        "",
        None,
        ["search"],
        "专利信息检索、技术查新和专题数据库建设。",
        [
            ("专利技术查新检索", "search", "fixed", 60000, 5),
            ("企业专题专利数据库建设", "search", "negotiable", None, 60),
        ],
    ),
    (
        1011,
        "灌云县知识产权服务中心",
        "patent_agency",
        "guanyun",
        "32287",
        "B",
        2023,
        ["patent-filing", "trademark"],
        "服务灌云、灌南现代农业企业的专利和商标代理。",
        [("农业技术实用新型申请代理", "patent-filing", "fixed", 150000, 15)],
    ),
    (
        1012,
        "东海县水晶产业知识产权工作站",
        "trademark_agency",
        "donghai",
        "",
        "",
        None,
        ["trademark", "copyright"],
        "东海水晶地理标志、商标与工艺品版权登记服务。",
        [
            ("水晶工艺品版权登记代理", "copyright", "fixed", 50000, 10),
            ("集体商标与地理标志申请指导", "trademark", "negotiable", None, 60),
        ],
    ),
]

PENDING = (
    1013,
    "连云港新海知识产权代理有限公司",
    "patent_agency",
    "haizhou",
    "32299",
    "",
    None,
    ["patent-filing"],
    "新设立的专利代理机构，申请入驻平台。",
)
SUSPENDED = (
    1014,
    "连云港速达商标代理有限公司",
    "trademark_agency",
    "lianyun",
    "",
    "",
    None,
    ["trademark"],
    "商标代理。",
)

# Review texts by the category of the reviewed offering: a review speaks of the service that was ordered.
REVIEWS_BY_CATEGORY = {
    "patent-filing": [
        (5, "代理师专业负责，答复审查意见非常及时，最终顺利授权。"),
        (5, "技术交底沟通充分，申请文件撰写质量高。"),
    ],
    "patent-invalidation": [(5, "无效宣告请求理由充分，口审准备细致。")],
    "trademark": [(5, "商标查询和注册申请办得很快，顺利拿到受理通知书。")],
    "copyright": [(5, "登记材料一次通过，很快拿到登记证书。")],
    "litigation": [(5, "维权方案清楚，取证和诉讼全程跟进。")],
    "valuation": [(5, "评估报告依据充分，得到合作银行认可。")],
    "pledge-financing": [(5, "协助对接银行，质押登记和放款都很顺利。")],
    "custody": [(5, "托管台账清楚，年费缴纳提醒及时。")],
    "early-warning": [(5, "报告质量高，对我们的研发方向很有帮助。")],
    "search": [(5, "检索全面，分析报告对我们的研发方向很有帮助。")],
    "standardisation": [(5, "贯标辅导细致，体系文件一次通过认证审核。")],
    "training": [(5, "课程内容实用，讲师结合企业案例讲解。")],
    "transfer": [(5, "许可合同条款把关仔细，交易顺利完成。")],
}
# Fits any service.
GENERAL_REVIEWS = [(4, "沟通顺畅，价格透明，交付比约定略晚两天。")]


def _review_for(offering, position):
    reviews = REVIEWS_BY_CATEGORY.get(offering.category.code, []) + GENERAL_REVIEWS
    return reviews[position % len(reviews)]


def _organisation(serial, name, district, description, kind):
    organisation, _created = Organisation.objects.get_or_create(
        credit_code=credit_code(serial),
        defaults={
            "kind": kind,
            "name": name,
            "district": District.objects.get(code=district),
            "address": f"连云港市{District.objects.get(code=district).name}",
            "contact_name": "王丽",
            "contact_phone": "0518-8555" + f"{serial % 10000:04d}",
            "contact_email": f"contact{serial}@demo.ip.lyg",
            "description": description,
        },
    )
    return organisation


def _institution(organisation, row, status, admin):
    _serial, _name, kind, district, licence, grade, year, categories, description = row[:9]
    now = timezone.localtime()
    institution, created = Institution.objects.get_or_create(
        organisation=organisation,
        defaults={
            "institution_type": kind,
            "licence_number": licence,
            "credit_grade": grade,
            "credit_grade_year": year,
            "district": District.objects.get(code=district),
            "address": organisation.address or f"连云港市{District.objects.get(code=district).name}",
            "contact_name": organisation.contact_name,
            "contact_phone": organisation.contact_phone,
            "contact_email": organisation.contact_email or "service@demo.ip.lyg",
            "description": description,
            "status": status,
            "submitted_at": now - timedelta(days=120),
            "approved_at": now - timedelta(days=110) if status != Institution.Status.PENDING else None,
            "status_reason": "收到多起客户投诉，暂停展示整改。" if status == Institution.Status.SUSPENDED else "",
        },
    )
    if created:
        institution.categories.set(ServiceCategory.objects.filter(code__in=categories))
        document = QualificationDocument(institution=institution, title="营业执照（副本）")
        document.file.save("business-licence.pdf", ContentFile(DEMO_PDF), save=True)
        InstitutionEvent.objects.create(institution=institution, to_status=Institution.Status.PENDING)
        if status != Institution.Status.PENDING:
            InstitutionEvent.objects.create(
                institution=institution, from_status="pending", to_status="approved", actor=admin
            )
        if status == Institution.Status.SUSPENDED:
            InstitutionEvent.objects.create(
                institution=institution,
                from_status="approved",
                to_status="suspended",
                actor=admin,
                reason=institution.status_reason,
            )
    return institution


def _offerings(institution, rows):
    offerings = []
    for title, category, price_type, price, days in rows:
        offering, _created = Offering.objects.get_or_create(
            institution=institution,
            title=title,
            defaults={
                "category": ServiceCategory.objects.get(code=category),
                "description": f"{title}：需求沟通、方案制定、材料准备与递交、进度跟踪，全程专人负责。",
                "price_type": price_type,
                "price": price,
                "delivery_days": days,
                "status": Offering.Status.PUBLISHED,
            },
        )
        offerings.append(offering)
    return offerings


def _history(institution, offerings, enterprises, buyer, index):
    """Completed, reviewed orders and answered inquiries, once per institution."""
    if institution.orders.exists() or institution.inquiries.exists():
        return
    now = timezone.localtime()
    priced = [offering for offering in offerings if offering.price]
    for number, enterprise in enumerate(enterprises[: 1 + index % 3]):
        # The inquiry asks about the offering the order then buys.
        offering = priced[number % len(priced)] if priced else offerings[0]
        asked_at = now - timedelta(days=60 - number * 7, hours=index)
        inquiry = Inquiry.objects.create(
            enterprise=enterprise,
            institution=institution,
            offering=offering,
            subject=f"咨询：{offering.title}",
            created_by=buyer if enterprise.credit_code == DEMO_ENTERPRISE_CODE else None,
        )
        replied_at = asked_at + timedelta(hours=2 + (index + number) % 6)
        Inquiry.objects.filter(pk=inquiry.pk).update(
            created_at=asked_at, first_reply_at=replied_at, last_message_at=replied_at
        )
        InquiryMessage.objects.create(inquiry=inquiry, side=Side.ENTERPRISE, body="请介绍服务流程、费用和周期。")
        InquiryMessage.objects.create(
            inquiry=inquiry, side=Side.INSTITUTION, body="您好，流程和费用见服务项目说明，可随时来电沟通。"
        )
        if not priced:
            continue
        order = Order.objects.create(
            enterprise=enterprise,
            institution=institution,
            offering=offering,
            inquiry=inquiry,
            title=offering.title,
            unit_price=offering.price,
            quantity=1,
            amount=offering.price,
            status=OrderStatus.COMPLETED,
            created_by=buyer if enterprise.credit_code == DEMO_ENTERPRISE_CODE else None,
            paid_at=asked_at + timedelta(days=1),
            completed_at=asked_at + timedelta(days=20),
        )
        steps = [
            ("", "requested", Actor.ENTERPRISE),
            ("requested", "accepted", Actor.INSTITUTION),
            ("accepted", "paid", Actor.SYSTEM),
            ("paid", "delivered", Actor.INSTITUTION),
            ("delivered", "completed", Actor.ENTERPRISE),
        ]
        for from_status, to_status, actor in steps:
            OrderEvent.objects.create(order=order, from_status=from_status, to_status=to_status, actor=actor)
        rating, body = _review_for(offering, index + number)
        Review.objects.create(
            order=order,
            institution=institution,
            author=buyer if enterprise.credit_code == DEMO_ENTERPRISE_CODE else None,
            rating=rating,
            body=body,
            reply="感谢您的信任，我们会继续做好服务。" if number == 0 else "",
            replied_at=now if number == 0 else None,
        )
    refresh_all(institution)


def _bank_account(organisation, index):
    """Every demo institution receives bank transfers (对公转账) on an account of its own."""
    BankAccount.objects.get_or_create(
        organisation=organisation,
        defaults={
            "bank_name": ("中国银行", "中国工商银行", "江苏银行", "中国建设银行")[index % 4],
            "branch": "连云港分行营业部",
            "account_name": organisation.name,
            "account_number": f"62220700{index:04d}{organisation.pk:06d}",
        },
    )


def _transfer_paid_order(buyer):
    """The demo enterprise's order paid by bank transfer, through the domain functions a person would use:
    ordered, accepted, the transfer recorded with its receipt, confirmed by the institution, an invoice asked."""
    organisation = Organisation.objects.get(credit_code=DEMO_INSTITUTION_CODE)
    if buyer is None or Payment.objects.filter(method=Payment.Method.TRANSFER, payee=organisation).exists():
        return
    seller = organisation.memberships.get(role=Membership.Role.OWNER).user
    offering = organisation.institution.offerings.exclude(price=None).order_by("pk").first()
    order = orders.accept(
        orders.place_order(buyer, offering=offering, requirements="发明专利申请，对公转账付款。"), seller
    )
    transfer = orders.record_transfer(
        order,
        buyer,
        amount=order.amount,
        transfer_date=timezone.localdate(),
        payer_bank="江苏银行连云港分行",
        receipt=ContentFile(DEMO_PDF, name="转账回单.pdf"),
    )
    orders.confirm_transfer(order, transfer, seller)
    orders.request_invoice(
        order, buyer, send_to="finance@hengrui.example", **orders.invoice_defaults(order), kind="ordinary"
    )
    # Both sides have seen the order page since: the demo's inboxes start without these notices unread.
    inbox.mark_read(buyer, order=order)
    inbox.mark_read(seller, order=order)


def load(stdout):
    # Institutions are reviewed by the platform's operator, whose permission the review functions check.
    admin = User.objects.get(email=OPERATOR_EMAIL)
    buyer = User.objects.filter(email="enterprise@demo.ip.lyg").first()
    enterprises = [Organisation.objects.get(credit_code=DEMO_ENTERPRISE_CODE)]
    for serial, name, district, description in EXTRA_ENTERPRISES:
        enterprises.append(_organisation(serial, name, district, description, Organisation.Kind.ENTERPRISE))

    for index, row in enumerate(INSTITUTIONS):
        serial, name, _kind, district, *_rest = row
        description = row[8]
        if serial is None:
            organisation = Organisation.objects.get(credit_code=DEMO_INSTITUTION_CODE)
        else:
            organisation = _organisation(serial, name, district, description, Organisation.Kind.INSTITUTION)
        institution = _institution(organisation, row, Institution.Status.APPROVED, admin)
        offerings = _offerings(institution, row[9])
        _bank_account(organisation, index)
        _history(institution, offerings, enterprises, buyer, index)

    for row, status in ((PENDING, Institution.Status.PENDING), (SUSPENDED, Institution.Status.SUSPENDED)):
        serial, name, _kind, district, *_rest = row
        organisation = _organisation(serial, name, district, row[8], Organisation.Kind.INSTITUTION)
        _institution(organisation, row, status, admin)
    _transfer_paid_order(buyer)
    stdout.write(f"Services: {Institution.objects.public().count()} approved institutions.\n")
    return []
