"""The marketplace's stories: institutions of every type apply, the platform's operator approves them and
they publish their offerings and receiving accounts; enterprises ask, order, pay by bank transfer, receive
the service and review it; one application waits for review and one institution was suspended.

Every step calls the function the page's button calls (`services.institutions`, `offerings`,
`inquiries`, `orders`, `reviews`, `payments.transfers`), at the moment of the story (`core.scenarios`).
Idempotent: organisations are keyed by credit code, a story is played only when its first record is missing.
"""

from dataclasses import dataclass, field

from django.core.files.base import ContentFile

from accounts.credit_code import check_character
from accounts.demo import (
    ENTERPRISE_EMAIL,
    INSTITUTION_EMAIL,
    OPERATOR_EMAIL,
    DemoOrganisation,
    organisation_of,
    registered,
)
from accounts.models import Organisation, User
from core.scenarios import When, at, day
from payments.forms import BankAccountForm
from payments.transfers import set_bank_account
from reference.models import District

from . import inbox, inquiries, institutions, offerings, orders, reviews
from .models import Inquiry, Institution, Offering, Order, ServiceCategory

REQUIRES = ("accounts",)

# A minimal valid PDF standing in for scanned licences and bank receipts.
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def credit_code(serial):
    body = f"91320700MA{serial:07d}"
    return body + check_character(body)


@dataclass(frozen=True)
class Offer:
    title: str
    category: str
    price_type: str  # fixed / from / negotiable
    price: int | None  # fen
    delivery_days: int
    quote: int | None = None  # fen: what the institution usually quotes for a negotiable offering


@dataclass(frozen=True)
class Applicant:
    """An institution's application and what became of it. `serial` makes its organisation's credit code;
    None is the institution of the README's institution log-in, which already exists."""

    serial: int | None
    name: str
    institution_type: str
    district: str
    categories: tuple
    description: str
    licence: str = ""
    credit_grade: str = ""
    grade_year: int | None = None
    offers: tuple = ()
    applied: When = field(default_factory=lambda: day(-130))
    approved: When | None = field(default_factory=lambda: day(-128))
    suspended: tuple | None = None  # (When, reason)

    @property
    def owner_email(self):
        return INSTITUTION_EMAIL if self.serial is None else f"contact{self.serial}@demo.ip.lyg"


@dataclass(frozen=True)
class Buyer:
    serial: int
    name: str
    district: str
    description: str

    @property
    def owner_email(self):
        return f"contact{self.serial}@demo.ip.lyg"


BUYERS = [
    Buyer(9001, "连云港康缘生物医药有限公司", "kaifaqu", "新医药企业，从事中药创新药研发。"),
    Buyer(9002, "江苏东海晶华水晶制品有限公司", "donghai", "东海水晶深加工与工艺品设计企业。"),
    Buyer(9003, "连云港徐圩石化装备有限公司", "xuwei", "石化装备与高端装备制造企业。"),
]

LISTED = [
    Applicant(
        None,
        "连云港港城专利代理事务所（普通合伙）",
        "patent_agency",
        "haizhou",
        ("patent-filing", "patent-invalidation", "search"),
        "专业从事专利申请代理、专利检索分析、专利无效与维权的知识产权服务机构，服务新医药、新材料企业十余年。",
        licence="32231",
        credit_grade="A+",
        grade_year=2024,
        offers=(
            Offer("发明专利申请代理", "patent-filing", "fixed", 480000, 30),
            Offer("实用新型专利申请代理", "patent-filing", "fixed", 180000, 15),
            Offer("专利无效宣告请求代理", "patent-invalidation", "from", 1500000, 60),
            Offer("专利查新检索报告", "search", "fixed", 80000, 7),
        ),
    ),
    Applicant(
        1001,
        "连云港海州知识产权代理有限公司",
        "patent_agency",
        "haizhou",
        ("patent-filing", "transfer"),
        "面向中小企业的专利申请与专利转让许可代理。",
        licence="32245",
        credit_grade="A",
        grade_year=2024,
        offers=(
            Offer("外观设计专利申请代理", "patent-filing", "fixed", 120000, 10),
            Offer("专利转让与许可备案代理", "transfer", "fixed", 150000, 15),
        ),
    ),
    Applicant(
        1002,
        "江苏港城商标事务所有限公司",
        "trademark_agency",
        "lianyun",
        ("trademark",),
        "商标注册、续展、异议与驳回复审代理。",
        offers=(
            Offer("商标注册申请（单类）", "trademark", "fixed", 80000, 5),
            Offer("商标驳回复审", "trademark", "fixed", 250000, 30),
        ),
    ),
    Applicant(
        1003,
        "江苏云台律师事务所知识产权部",
        "law_firm",
        "haizhou",
        ("litigation",),
        "知识产权诉讼、侵权警告与行政投诉代理，为港口与石化企业提供法律顾问服务。",
        offers=(
            Offer("知识产权侵权诉讼代理", "litigation", "negotiable", None, 120),
            Offer("知识产权法律顾问（年度）", "litigation", "from", 3000000, 365),
        ),
    ),
    Applicant(
        1004,
        "连云港中衡资产评估有限公司",
        "valuation",
        "kaifaqu",
        ("valuation",),
        "专利、商标价值评估，出具质押融资和出资入股评估报告。",
        offers=(Offer("专利价值评估报告", "valuation", "from", 1200000, 20),),
    ),
    Applicant(
        1005,
        "连云港市科技融资担保有限公司",
        "pledge_financing",
        "haizhou",
        ("pledge-financing", "valuation"),
        "知识产权质押融资方案设计、担保与银行对接服务。",
        offers=(Offer("知识产权质押融资方案设计", "pledge-financing", "negotiable", None, 30, quote=2000000),),
    ),
    Applicant(
        1006,
        "连云港高新区知识产权托管中心",
        "custody",
        "gaoxinqu",
        ("custody",),
        "为园区企业提供专利年费监控、档案管理与知识产权托管。",
        offers=(Offer("企业知识产权托管（年度）", "custody", "fixed", 600000, 365),),
    ),
    Applicant(
        1007,
        "江苏智库知识产权预警分析中心",
        "early_warning",
        "kaifaqu",
        ("early-warning", "search", "ip-evaluation"),
        "重点产业专利导航、预警分析与企业知识产权战略规划。",
        offers=(
            Offer("产品上市前专利风险预警分析", "early-warning", "from", 2000000, 45),
            Offer("重大经济科技活动知识产权评议", "ip-evaluation", "negotiable", None, 30),
            Offer("新材料产业专利导航报告", "early-warning", "negotiable", None, 90),
        ),
    ),
    Applicant(
        1008,
        "连云港标准化知识产权咨询有限公司",
        "standardisation",
        "ganyu",
        ("standardisation",),
        "《企业知识产权管理规范》（GB/T 29490）贯标辅导与认证咨询。",
        offers=(Offer("知识产权贯标辅导", "standardisation", "fixed", 3500000, 120),),
    ),
    Applicant(
        1009,
        "连云港知识产权培训学院",
        "training",
        "haizhou",
        ("training",),
        "企业知识产权管理人员、专利工程师实务培训。",
        offers=(Offer("企业知识产权专员实务培训（2天）", "training", "fixed", 160000, 2),),
    ),
    Applicant(
        1010,
        "连云港专利信息服务中心",
        "information_search",
        "haizhou",
        ("search",),
        "专利信息检索、技术查新和专题数据库建设。",
        offers=(
            Offer("专利技术查新检索", "search", "fixed", 60000, 5),
            Offer("企业专题专利数据库建设", "search", "negotiable", None, 60),
        ),
    ),
    Applicant(
        1011,
        "灌云县知识产权服务中心",
        "patent_agency",
        "guanyun",
        ("patent-filing", "trademark"),
        "服务灌云、灌南现代农业企业的专利和商标代理。",
        licence="32287",
        credit_grade="B",
        grade_year=2023,
        offers=(Offer("农业技术实用新型申请代理", "patent-filing", "fixed", 150000, 15),),
    ),
    Applicant(
        1012,
        "东海县水晶产业知识产权工作站",
        "trademark_agency",
        "donghai",
        ("trademark", "copyright"),
        "东海水晶地理标志、商标与工艺品版权登记服务。",
        offers=(
            Offer("水晶工艺品版权登记代理", "copyright", "fixed", 50000, 10),
            Offer("集体商标与地理标志申请指导", "trademark", "negotiable", None, 60),
        ),
    ),
]

# A new agency applied three days ago and waits for the operator's review.
PENDING = Applicant(
    1013,
    "连云港新海知识产权代理有限公司",
    "patent_agency",
    "haizhou",
    ("patent-filing",),
    "新设立的专利代理机构，申请入驻平台。",
    licence="32299",
    applied=day(-3, 15),
    approved=None,
)
# Listed for half a year, then suspended after complaints.
SUSPENDED = Applicant(
    1014,
    "连云港速达商标代理有限公司",
    "trademark_agency",
    "lianyun",
    ("trademark",),
    "商标代理。",
    applied=day(-200),
    approved=day(-198),
    suspended=(day(-20, 16), "收到多起客户投诉，暂停展示整改。"),
)

# What the enterprises ask before ordering, what the institution answers, and how the buyer reviews the
# service: a review speaks of the service that was ordered.
QUESTION = "请介绍服务流程、费用和周期。"
ANSWER = "您好，流程和费用见服务项目说明，可随时来电沟通。"
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
THANKS = "感谢您的信任，我们会继续做好服务。"
BANKS = ("中国银行", "中国工商银行", "江苏银行", "中国建设银行")


@dataclass(frozen=True)
class Purchase:
    """An enterprise asks an institution about an offering, the institution answers with a quote at the
    listed price, the enterprise orders the quote, pays by transfer, receives the service and reviews it;
    the institution thanks the first reviewer."""

    buyer_email: str
    institution: str
    offering: str
    price: int  # fen, the quote
    asked: When
    rating: int
    review: str
    thanked: bool


def purchases():
    """Each listed institution has served one to three of the demo's enterprises, a week apart, each order
    about a priced offering of its own."""
    buyers = [ENTERPRISE_EMAIL, *(buyer.owner_email for buyer in BUYERS)]
    stories = []
    for index, applicant in enumerate(LISTED):
        priced = [offer for offer in applicant.offers if offer.price or offer.quote]
        for number, buyer_email in enumerate(buyers[: 1 + index % 3]):
            offer = priced[number % len(priced)]
            reviews_for = REVIEWS_BY_CATEGORY.get(offer.category, []) + GENERAL_REVIEWS
            rating, text = reviews_for[(index + number) % len(reviews_for)]
            asked = day(-60 + number * 7, 9 + index % 8)
            stories.append(
                Purchase(
                    buyer_email=buyer_email,
                    institution=applicant.name,
                    offering=offer.title,
                    price=offer.price or offer.quote,
                    asked=asked,
                    rating=rating,
                    review=text,
                    thanked=number == 0,
                )
            )
    return stories


# --- Playing the stories ------------------------------------------------------------------------------


def _organisation(serial, name, district, description, kind):
    """The organisation record of a demo institution or enterprise, registered by its owner `contact<serial>`."""
    return DemoOrganisation(
        credit_code=credit_code(serial),
        kind=kind,
        name=name,
        district=district,
        address=f"连云港市{District.objects.get(code=district).name}",
        contact_name="王丽",
        contact_phone="0518-8555" + f"{serial % 10000:04d}",
        contact_email=f"contact{serial}@demo.ip.lyg",
        description=description,
    )


def _owner_of(applicant):
    if applicant.serial is None:
        return User.objects.get(email=INSTITUTION_EMAIL)
    data = _organisation(
        applicant.serial, applicant.name, applicant.district, applicant.description, Organisation.Kind.INSTITUTION
    )
    with at(applicant.applied.later(days=-1)):
        return registered(applicant.owner_email, data.contact_name, data)


def _apply(applicant, operator, index):
    """The application as the 申请入驻 form sends it, then the operator's decisions, then (once listed) the
    offerings and the receiving account the owner enters."""
    owner = _owner_of(applicant)
    organisation = owner.organisation
    institution = Institution.objects.filter(organisation=organisation).first()
    if institution is not None:
        return institution
    place = District.objects.get(code=applicant.district)
    listing = {
        "institution_type": applicant.institution_type,
        "licence_number": applicant.licence,
        "credit_grade": applicant.credit_grade,
        "credit_grade_year": applicant.grade_year,
        "district": place,
        "address": organisation.address or f"连云港市{place.name}",
        "contact_name": organisation.contact_name,
        "contact_phone": organisation.contact_phone,
        "contact_email": organisation.contact_email or "service@demo.ip.lyg",
        "description": applicant.description,
    }
    with at(applicant.applied):
        institution = institutions.submit_application(
            owner,
            organisation,
            listing=listing,
            categories=ServiceCategory.objects.filter(code__in=applicant.categories),
            documents=[("营业执照（副本）", ContentFile(DEMO_PDF, name="business-licence.pdf"))],
        )
    if applicant.approved is None:
        return institution
    with at(applicant.approved):
        institution = institutions.approve(institution, operator)
    with at(applicant.approved.later(hours=3)):
        for offer in applicant.offers:
            offering = offerings.save_offering(
                Offering(
                    institution=institution,
                    title=offer.title,
                    category=ServiceCategory.objects.get(code=offer.category),
                    description=f"{offer.title}：需求沟通、方案制定、材料准备与递交、进度跟踪，全程专人负责。",
                    price_type=offer.price_type,
                    price=offer.price,
                    delivery_days=offer.delivery_days,
                ),
                owner,
            )
            offerings.set_status(offering, owner, Offering.Status.PUBLISHED)
        account = BankAccountForm(
            {
                "bank_name": BANKS[index % len(BANKS)],
                "branch": "连云港分行营业部",
                "account_name": organisation.name,
                "account_number": f"62220700{index:04d}{organisation.pk:06d}",
            }
        )
        if not account.is_valid():
            raise ValueError(account.errors)
        set_bank_account(organisation, owner, account)
    if applicant.suspended is not None:
        when, reason = applicant.suspended
        with at(when):
            institution = institutions.suspend(institution, operator, reason)
    return institution


def _pay_by_transfer(order, buyer, seller, when):
    with at(when):
        transfer = orders.record_transfer(
            order,
            buyer,
            amount=order.amount,
            transfer_date=when.date(),
            payer_bank="江苏银行连云港分行",
            receipt=ContentFile(DEMO_PDF, name="转账回单.pdf"),
        )
    with at(when.later(hours=4)):
        return orders.confirm_transfer(order, transfer, seller)


def _purchase(story):
    buyer = User.objects.get(email=story.buyer_email)
    institution = Institution.objects.get(organisation__name=story.institution)
    offering = institution.offerings.get(title=story.offering)
    if Inquiry.objects.filter(enterprise=buyer.organisation, offering=offering).exists():
        return
    seller = User.objects.get(email=LISTED_OWNERS[story.institution])
    with at(story.asked):
        inquiry = inquiries.start_inquiry(
            buyer, institution, subject=f"咨询：{offering.title}", body=QUESTION, offering=offering
        )
    with at(story.asked.later(hours=2 + story.asked.hour % 6)):
        quote = inquiries.post_message(inquiry, seller, body=ANSWER, quote_amount=story.price)
    with at(story.asked.later(days=1)):
        order = orders.place_order(buyer, quote=quote, requirements=f"按报价下单：{offering.title}。")
    with at(story.asked.later(days=1, hours=3)):
        order = orders.accept(order, seller)
    order = _pay_by_transfer(order, buyer, seller, story.asked.later(days=2))
    with at(story.asked.later(days=18)):
        order = orders.deliver(order, seller, "服务成果已交付，请查收。")
    with at(story.asked.later(days=20)):
        order = orders.complete(order, buyer)
        review = reviews.leave_review(order, buyer, rating=story.rating, body=story.review)
    if story.thanked:
        with at(story.asked.later(days=21)):
            reviews.reply_to_review(review, seller, THANKS)


def _transfer_paid_order():
    """The demo enterprise's latest order: paid by bank transfer four days ago, an invoice asked for; the
    service is under way."""
    buyer = User.objects.get(email=ENTERPRISE_EMAIL)
    seller = User.objects.get(email=INSTITUTION_EMAIL)
    offering = seller.organisation.institution.offerings.get(title="发明专利申请代理")
    requirements = "发明专利申请，对公转账付款。"
    if Order.objects.filter(offering=offering, requirements=requirements).exists():
        return
    with at(day(-5, 9, 30)):
        order = orders.place_order(buyer, offering=offering, requirements=requirements)
    with at(day(-5, 14)):
        order = orders.accept(order, seller)
    order = _pay_by_transfer(order, buyer, seller, day(-4, 10))
    with at(day(-4, 16)):
        orders.request_invoice(
            order, buyer, send_to="finance@hengrui.example", **orders.invoice_defaults(order), kind="ordinary"
        )


LISTED_OWNERS = {applicant.name: applicant.owner_email for applicant in LISTED}
# The institutions with a desk in the city's IP service centre (the centre's page lists them).
HOUSED = ("连云港港城专利代理事务所（普通合伙）", "江苏智库知识产权预警分析中心")


def load(stdout):
    # Institutions are reviewed by the platform's operator, whose permission the review functions check.
    operator = User.objects.get(email=OPERATOR_EMAIL)
    people = [User.objects.get(email=ENTERPRISE_EMAIL), User.objects.get(email=INSTITUTION_EMAIL)]
    for buyer in BUYERS:
        data = _organisation(buyer.serial, buyer.name, buyer.district, buyer.description, Organisation.Kind.ENTERPRISE)
        with at(day(-250)):
            people.append(registered(buyer.owner_email, data.contact_name, data))
    for index, applicant in enumerate([*LISTED, PENDING, SUSPENDED]):
        _apply(applicant, operator, index)
        people.append(User.objects.get(email=applicant.owner_email))
    for story in purchases():
        _purchase(story)
    _transfer_paid_order()
    with at(day(-60)):
        for institution in Institution.objects.filter(organisation__name__in=HOUSED, in_service_centre=False):
            institutions.set_in_service_centre(institution, operator, True)
    # Everyone has read the notices of the past since: the demo's inboxes start with nothing unread.
    for person in people:
        inbox.mark_all_read(person)
    home = organisation_of(INSTITUTION_EMAIL).institution
    stdout.write(f"Services: {Institution.objects.public().count()} approved institutions, {home.name} among them.\n")
    return []
