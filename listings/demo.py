"""The postings' stories: enterprises offer and seek patents, trademarks and software, a bank and a
guarantee company offer pledge loans; the platform's operator approves or sends back what is submitted;
others express interest, postings go into negotiation, close as deals, are withdrawn or expire; the bank
takes up financing needs and follows them stage by stage to the loan.

Each posting is a record whose `story` lists its steps; every step calls the function the posting's page
or the moderation queue calls (`listings.postings`, `listings.financing`) at its moment (`core.scenarios`).
Idempotent: organisations are keyed by credit code, users by e-mail, postings by (organisation, title); a
posting's story is only played when the posting is created.
"""

from dataclasses import dataclass
from decimal import Decimal

from accounts.credit_code import check_character
from accounts.demo import (
    DEMO_PASSWORD,
    ENTERPRISE_EMAIL,
    INSTITUTION_EMAIL,
    OPERATOR_EMAIL,
    DemoOrganisation,
    registered,
)
from accounts.models import Organisation, User
from core.scenarios import When, at, day
from reference.models import District

from . import financing, postings
from .industries import ensure_industries
from .ip_numbers import patent_check_digit
from .models import Industry, Listing, ListingIP

REQUIRES = ("accounts",)


def _credit_code(body):
    return body + check_character(body)


def _patent(twelve_digits):
    return f"{twelve_digits}.{patent_check_digit(twelve_digits)}"


ORGANISATIONS = [
    DemoOrganisation(
        credit_code=_credit_code("91320700MA1P3K8D2"),
        kind=Organisation.Kind.ENTERPRISE,
        name="连云港康泰医药科技有限公司",
        district="kaifaqu",
        contact_name="陈晓燕",
        contact_phone="0518-81152233",
        contact_email="ip@kangtai-pharma.example",
        description="专注抗肿瘤和中药现代化的创新药企业，拥有发明专利30余件。",
    ),
    DemoOrganisation(
        credit_code=_credit_code("91320722MA1Q7N5T4"),
        kind=Organisation.Kind.ENTERPRISE,
        name="东海县晶华硅材料有限公司",
        district="donghai",
        contact_name="刘国强",
        contact_phone="0518-87221166",
        contact_email="sales@jinghua-quartz.example",
        description="高纯石英砂、硅微粉生产企业，东海水晶产业集群骨干企业。",
    ),
    DemoOrganisation(
        credit_code=_credit_code("91320721MA1R2W6H8"),
        kind=Organisation.Kind.ENTERPRISE,
        name="连云港海润现代农业科技有限公司",
        district="ganyu",
        contact_name="孙海燕",
        contact_phone="0518-86123377",
        contact_email="office@hairun-agri.example",
        description="紫菜、设施蔬菜育种与深加工企业，拥有“海润”系列注册商标。",
    ),
    DemoOrganisation(
        credit_code=_credit_code("91320700MA1T8X3L6"),
        kind=Organisation.Kind.INSTITUTION,
        name="江苏银行股份有限公司连云港分行",
        district="haizhou",
        contact_name="赵磊",
        contact_phone="0518-85889900",
        contact_email="kejidai@bank-lyg.example",
        description="开办科技型中小企业知识产权质押贷款业务的商业银行分行。",
    ),
    DemoOrganisation(
        credit_code=_credit_code("91320700MA1U4C9M2"),
        kind=Organisation.Kind.INSTITUTION,
        name="连云港市科技融资担保有限公司",
        district="gaoxinqu",
        contact_name="周敏",
        contact_phone="0518-85667788",
        contact_email="guarantee@lyg-kjdb.example",
        description="为科技型企业提供专利、商标质押融资担保服务。",
    ),
]

HENGRUI = "连云港恒瑞新材料科技有限公司"
KANGTAI = "连云港康泰医药科技有限公司"
JINGHUA = "东海县晶华硅材料有限公司"
HAIRUN = "连云港海润现代农业科技有限公司"
BANK = "江苏银行股份有限公司连云港分行"
GUARANTEE = "连云港市科技融资担保有限公司"
AGENCY = "连云港港城专利代理事务所（普通合伙）"
OPERATOR = "platform operator"

# Who acts for each organisation of the stories: (e-mail, name, log-in label or "" when not listed).
PEOPLE = {
    BANK: ("bank@demo.ip.lyg", "赵磊", "Lender 金融机构（江苏银行连云港分行）"),
    KANGTAI: ("pharma@demo.ip.lyg", "陈晓燕", "Enterprise member 企业（连云港康泰…）"),
    JINGHUA: ("quartz@demo.ip.lyg", "刘国强", "Enterprise member 企业（东海县晶华…）"),
    HAIRUN: ("hairun@demo.ip.lyg", "孙海燕", ""),
    GUARANTEE: ("guarantee@demo.ip.lyg", "周敏", ""),
}
# Made by the accounts demo: the README's enterprise and institution log-ins.
EXISTING_PEOPLE = {HENGRUI: ENTERPRISE_EMAIL, AGENCY: INSTITUTION_EMAIL, OPERATOR: OPERATOR_EMAIL}


@dataclass(frozen=True)
class Step:
    """One step of a posting's story: `action` is what the person clicks, `by` the organisation acting (the
    posting's own unless said)."""

    when: When
    action: str
    by: str = ""
    text: str = ""
    counterparty: str = ""
    amount: str = ""
    product: str = ""


def _transactions():
    return [
        {
            "org": HENGRUI,
            "title": "高强度碳纤维预浸料制备方法发明专利独占许可",
            "kind": "patent_licence_exclusive",
            "direction": "offer",
            "industry": "materials",
            "district": "kaifaqu",
            "ipc_class": "C08J 5/24",
            "price_kind": "fixed",
            "price_min": "120",
            "description": "本专利涉及一种高强度、低孔隙率碳纤维预浸料的连续化制备方法，已在本公司千吨级生产线验证，"
            "产品拉伸强度提高12%。现寻求风电叶片、压力容器领域企业独占许可实施，许可期5年，可提供技术指导。",
            "ip": [("patent", _patent("201410123456"), "一种碳纤维预浸料的制备方法", HENGRUI)],
            "show_phone": True,
            "story": [
                Step(day(-30), "submit"),
                Step(day(-29), "approve"),
                Step(
                    day(-20, 15),
                    "interest",
                    by=AGENCY,
                    text="我所代理的一家风电叶片企业有意独占许可，请提供技术交底书摘要。",
                ),
            ],
        },
        {
            "org": HENGRUI,
            "title": "碳纤维缠绕成型装置实用新型专利转让",
            "kind": "patent_transfer",
            "direction": "offer",
            "industry": "materials",
            "district": "kaifaqu",
            "price_kind": "range",
            "price_min": "15",
            "price_max": "25",
            "description": "一种适用于小口径压力容器的碳纤维湿法缠绕装置，结构简单、维护成本低。"
            "整体转让，可协助办理著录项目变更。",
            "ip": [("patent", _patent("201520345678"), "一种碳纤维缠绕成型装置", HENGRUI)],
            "story": [
                Step(day(-30, 11), "submit"),
                Step(day(-29, 11), "approve"),
                Step(day(-15), "interest", by=KANGTAI, text="我司关联企业拟采购该专利，可否18万元成交？"),
                Step(day(-14), "answer", by=KANGTAI, text="可以面谈，请来开发区黄河路38号详谈。"),
                Step(day(-14, 11), "negotiate"),
            ],
        },
        {
            "org": KANGTAI,
            "title": "抗肿瘤化合物及其制备方法发明专利转让",
            "kind": "patent_transfer",
            "direction": "offer",
            "industry": "medicine",
            "district": "kaifaqu",
            "ipc_class": "A61K 31/4745",
            "price_kind": "negotiable",
            "description": "一类新型喜树碱衍生物及其制备方法，已完成临床前药效学研究。"
            "适合具备新药研发能力的企业受让后继续开发。",
            "ip": [("patent", _patent("201310012345"), "喜树碱衍生物及其制备方法和用途", KANGTAI)],
            "show_email": True,
            "story": [Step(day(-30), "submit"), Step(day(-29), "approve")],
        },
        {
            "org": KANGTAI,
            "title": "中药注射剂质量控制方法专利普通许可",
            "kind": "patent_licence_ordinary",
            "direction": "offer",
            "industry": "medicine",
            "district": "kaifaqu",
            "ipc_class": "G01N 30/02",
            "price_kind": "fixed",
            "price_min": "30",
            "description": "基于指纹图谱的中药注射剂质量控制方法，已用于本公司三个品种的质量标准提升。",
            "ip": [("patent", _patent("201610234561"), "一种中药注射剂指纹图谱检测方法", KANGTAI)],
            "story": [
                Step(day(-120), "submit"),
                Step(day(-119), "approve"),
                Step(day(-40, 16), "deal", counterparty="连云港中天药业有限公司", amount="30"),
            ],
        },
        {
            "org": JINGHUA,
            "title": "高纯石英砂提纯工艺发明专利转让",
            "kind": "patent_transfer",
            "direction": "offer",
            "industry": "crystal",
            "district": "donghai",
            "ipc_class": "C01B 33/12",
            "price_kind": "fixed",
            "price_min": "260",
            "description": "采用酸浸—高温氯化联合工艺，SiO₂纯度达99.998%，适用于光伏坩埚和半导体石英制品原料。",
            "ip": [("patent", _patent("201510234567"), "一种高纯石英砂的提纯方法", JINGHUA)],
            "story": [
                Step(day(-120), "submit"),
                Step(day(-119), "approve"),
                Step(day(-90, 16), "deal", counterparty="江苏太平洋石英股份有限公司", amount="260"),
            ],
        },
        {
            "org": JINGHUA,
            "title": "求购：球形硅微粉制备技术",
            "kind": "tech_cooperation",
            "direction": "demand",
            "industry": "crystal",
            "district": "donghai",
            "ipc_class": "C01B 33/18",
            "price_kind": "range",
            "price_min": "50",
            "price_max": "150",
            "description": "我公司拟扩建电子封装用球形硅微粉生产线，寻求火焰法或等离子法球化技术的专利许可或技术合作。",
            "ip": [],
            "show_phone": True,
            "show_email": True,
            "story": [Step(day(-30, 14), "submit"), Step(day(-29, 14), "approve")],
        },
        {
            "org": HAIRUN,
            "title": "“海润”紫菜系列注册商标许可使用",
            "kind": "trademark_licence",
            "direction": "offer",
            "industry": "agriculture",
            "district": "ganyu",
            "price_kind": "negotiable",
            "description": "“海润”商标为江苏省著名商标，核定使用商品为第29类紫菜、海苔。"
            "现面向赣榆、连云区紫菜加工企业许可使用。",
            "ip": [("trademark", "8123456", "海润", HAIRUN), ("trademark", "12345678", "海润HAIRUN", HAIRUN)],
            "story": [Step(day(-30), "submit"), Step(day(-29), "approve")],
        },
        {
            "org": HAIRUN,
            "title": "设施蔬菜智能灌溉控制软件著作权转让",
            "kind": "copyright_transfer",
            "direction": "offer",
            "industry": "agriculture",
            "district": "ganyu",
            "price_kind": "fixed",
            "price_min": "8",
            "description": "基于土壤墒情的温室自动灌溉控制软件V2.0，已在赣榆200亩大棚应用。",
            "ip": [("copyright", "2016SR123456", "设施蔬菜智能灌溉控制软件V2.0", HAIRUN)],
            "story": [Step(day(-2, 9), "submit")],
        },
        {
            "org": HENGRUI,
            "title": "碳纤维复合材料回收技术合作",
            "kind": "tech_cooperation",
            "direction": "demand",
            "industry": "materials",
            "district": "kaifaqu",
            "price_kind": "negotiable",
            "description": "寻求高校、科研院所合作开发热固性碳纤维复合材料边角料的回收再利用技术。",
            "ip": [],
            # Saved as a draft, not yet sent to review.
            "story": [],
        },
        {
            "org": JINGHUA,
            "title": "水晶工艺品外观设计专利转让",
            "kind": "patent_transfer",
            "direction": "offer",
            "industry": "crystal",
            "district": "donghai",
            "price_kind": "fixed",
            "price_min": "3",
            "description": "东海水晶摆件系列外观设计专利12件打包转让。",
            "ip": [("patent", _patent("201530456789"), "水晶摆件（龙）", JINGHUA)],
            "story": [
                Step(day(-10), "submit"),
                Step(
                    day(-9),
                    "reject",
                    by=OPERATOR,
                    text="仅登记了1件专利，与“12件打包转让”不符，请补全全部专利号后重新提交。",
                ),
            ],
        },
        {
            "org": KANGTAI,
            "title": "缓释微丸制剂技术合作（已停止）",
            "kind": "tech_cooperation",
            "direction": "offer",
            "industry": "medicine",
            "district": "kaifaqu",
            "price_kind": "negotiable",
            "description": "公司战略调整，本项合作暂停。",
            "ip": [],
            "story": [
                Step(day(-60), "submit"),
                Step(day(-59), "approve"),
                Step(day(-5), "withdraw", text="公司战略调整，本项合作暂停。"),
            ],
        },
        {
            "org": HAIRUN,
            "title": "紫菜烘干设备实用新型专利许可（2015年发布）",
            "kind": "patent_licence_sole",
            "direction": "offer",
            "industry": "agriculture",
            "district": "ganyu",
            "price_kind": "fixed",
            "price_min": "5",
            "description": "一种紫菜连续烘干装置，排他许可。",
            "ip": [("patent", _patent("201420123456"), "一种紫菜连续烘干装置", HAIRUN)],
            "valid": (-420, -20),
            "story": [Step(day(-420), "submit"), Step(day(-419), "approve"), Step(day(-19, 2), "expire")],
        },
    ]


def _needs():
    return [
        {
            "org": HENGRUI,
            "title": "以碳纤维发明专利质押融资500万元",
            "industry": "materials",
            "district": "kaifaqu",
            "amount": "500",
            "term_months": 12,
            "purpose": "购置预浸料生产线关键设备、补充流动资金。",
            "description": "公司为高新技术企业，2015年销售收入1.2亿元，拟以3件核心发明专利质押向银行申请贷款。",
            "ip": [
                ("patent", _patent("201410123456"), "一种碳纤维预浸料的制备方法", HENGRUI),
                ("patent", _patent("201210123456"), "一种碳纤维表面处理方法", HENGRUI),
            ],
            "story": [
                Step(day(-45), "submit"),
                Step(day(-44), "approve"),
                Step(
                    day(-30),
                    "take_up",
                    by=BANK,
                    text="企业提交贷款申请及专利证书复印件。",
                    product="苏科贷·知识产权质押贷款",
                ),
                Step(day(-20), "valuation", by=BANK, text="委托评估机构出具专利价值评估报告。"),
                Step(day(-10), "due_diligence", by=BANK, text="客户经理实地走访，核查财务和专利实施情况。"),
            ],
        },
        {
            "org": KANGTAI,
            "title": "创新药研发专利质押融资800万元",
            "industry": "medicine",
            "district": "kaifaqu",
            "amount": "800",
            "term_months": 24,
            "purpose": "抗肿瘤新药临床前研究及中试。",
            "description": "以喜树碱衍生物系列发明专利质押，可追加股东担保。",
            "ip": [("patent", _patent("201310012345"), "喜树碱衍生物及其制备方法和用途", KANGTAI)],
            "story": [
                Step(day(-70), "submit"),
                Step(day(-69), "approve"),
                Step(
                    day(-60),
                    "take_up",
                    by=BANK,
                    text="企业提交贷款申请及专利证书复印件。",
                    product="苏科贷·知识产权质押贷款",
                ),
                Step(day(-50), "valuation", by=BANK, text="委托评估机构出具专利价值评估报告。"),
                Step(day(-40), "due_diligence", by=BANK, text="客户经理实地走访，核查财务和专利实施情况。"),
                Step(day(-30), "pledge_registration", by=BANK, text="已在国家知识产权局办理专利权质押登记。"),
                Step(day(-20), "loan_granted", by=BANK, text="贷款发放，市科技局贴息50%。", amount="700"),
                Step(day(-10), "post_loan", by=BANK, text="按季度回访，专利维持年费已缴纳。"),
            ],
        },
        {
            "org": HAIRUN,
            "title": "“海润”商标质押融资200万元",
            "industry": "agriculture",
            "district": "ganyu",
            "amount": "200",
            "term_months": 12,
            "purpose": "紫菜收购季节性流动资金。",
            "description": "以“海润”系列注册商标专用权质押，企业连续三年盈利。",
            "ip": [("trademark", "8123456", "海润", HAIRUN)],
            "story": [Step(day(-20), "submit"), Step(day(-19), "approve")],
        },
        {
            "org": JINGHUA,
            "title": "石英砂提纯专利质押融资300万元",
            "industry": "crystal",
            "district": "donghai",
            "amount": "300",
            "term_months": 18,
            "purpose": "新建氯化提纯车间。",
            "description": "以实用新型和发明专利组合质押。",
            "ip": [("patent", _patent("201620345678"), "一种石英砂氯化提纯炉", JINGHUA)],
            "story": [Step(day(-1, 9), "submit")],
        },
    ]


def _products():
    return [
        {
            "org": BANK,
            "title": "苏科贷·知识产权质押贷款",
            "industry": None,
            "district": "haizhou",
            "amount_min": "100",
            "amount_max": "1000",
            "rate_min": "4.35",
            "rate_max": "5.66",
            "term_min_months": 6,
            "term_max_months": 36,
            "accepts": ("patent", "trademark"),
            "conditions": "1. 在连云港市注册的科技型中小企业；2. 质押专利处于有效状态且剩余保护期不少于5年；"
            "3. 经认可的评估机构出具价值评估报告；4. 企业及实际控制人信用记录良好。",
            "description": "面向科技型中小企业的专利权、商标专用权质押贷款，市科技局贷款贴息，审批周期约15个工作日。",
            "show_phone": True,
            "story": [Step(day(-90), "submit"), Step(day(-89), "approve")],
        },
        {
            "org": BANK,
            "title": "商标专用权质押快贷",
            "industry": "agriculture",
            "district": "haizhou",
            "amount_min": "50",
            "amount_max": "300",
            "rate_min": "4.75",
            "rate_max": "6.00",
            "term_min_months": 6,
            "term_max_months": 12,
            "accepts": ("trademark",),
            "conditions": "持有有效注册商标且使用满3年的企业，重点支持农产品品牌企业。",
            "description": "以注册商标专用权单独质押，免抵押物。",
            "story": [Step(day(-90, 11), "submit"), Step(day(-89, 11), "approve")],
        },
        {
            "org": GUARANTEE,
            "title": "科技担保·专利质押融资担保",
            "industry": None,
            "district": "gaoxinqu",
            "amount_min": "200",
            "amount_max": "2000",
            "rate_min": "5.00",
            "rate_max": "7.50",
            "term_min_months": 12,
            "term_max_months": 36,
            "accepts": ("patent", "copyright"),
            "conditions": "高新区、开发区科技型企业；担保费率1.5%/年。",
            "description": "与合作银行共同开展的专利、软件著作权质押融资担保。",
            "story": [Step(day(-1, 15), "submit")],
        },
    ]


def _people():
    """Who acts for each organisation of the stories, by name; the new organisations are registered by them."""
    records = {data.name: data for data in ORGANISATIONS}
    users = {name: User.objects.get(email=email) for name, email in EXISTING_PEOPLE.items()}
    with at(day(-500)):
        for org_name, (email, name, _label) in PEOPLE.items():
            users[org_name] = registered(email, name, records[org_name])
    return users


FIELDS = (
    "kind",
    "direction",
    "ipc_class",
    "price_kind",
    "amount",
    "term_months",
    "purpose",
    "amount_min",
    "amount_max",
    "rate_min",
    "rate_max",
    "term_min_months",
    "term_max_months",
    "conditions",
)


def _draft(section, data, organisation, owner, drafted):
    """The posting as its owner's form saves it: a draft with its IP records."""
    valid_from, valid_until = data.get("valid", (drafted.day, 300))
    fields = {
        "section": section,
        "title": data["title"],
        "description": data["description"],
        "industry": Industry.objects.get(code=data["industry"]) if data.get("industry") else None,
        "district": District.objects.get(code=data["district"]),
        "valid_from": day(valid_from).date(),
        "valid_until": day(valid_until).date(),
        "contact_name": organisation.contact_name,
        "contact_phone": organisation.contact_phone,
        "contact_email": organisation.contact_email,
        "show_phone": data.get("show_phone", False),
        "show_email": data.get("show_email", False),
        "contact_login_required": True,
    }
    fields.update({key: data[key] for key in FIELDS if key in data})
    for key in ("price_min", "price_max"):
        if key in data:
            fields[key] = Decimal(data[key])
    if data.get("price_kind") == "fixed":
        fields["price_max"] = fields["price_min"]
    for ip_type in data.get("accepts", ()):
        fields[f"accepts_{ip_type}"] = True
    records = [
        ListingIP(ip_type=ip_type, number=number, title=title, owner_name=owner_name)
        for ip_type, number, title, owner_name in data.get("ip", [])
    ]
    with at(drafted):
        return postings.save_listing(Listing(**fields), owner, ip_records=records)


def _play(listing, step, users):
    owner = users[listing.organisation.name]
    actor = users[step.by] if step.by else owner
    if step.action == "submit":
        return postings.submit_listing(listing, actor)
    if step.action == "approve":
        return postings.approve_listing(listing, users[OPERATOR])
    if step.action == "reject":
        return postings.reject_listing(listing, actor, step.text)
    if step.action == "interest":
        return postings.express_interest(listing, actor, step.text)
    if step.action == "answer":
        return postings.answer_interest(listing.interests.get(user=actor), owner, step.text)
    if step.action == "negotiate":
        return postings.mark_negotiating(listing, actor)
    if step.action == "withdraw":
        return postings.withdraw_listing(listing, actor, step.text)
    if step.action == "deal":
        return postings.close_as_deal(
            listing,
            actor,
            counterparty_name=step.counterparty,
            amount=Decimal(step.amount),
            deal_date=step.when.date(),
        )
    if step.action == "expire":
        # The nightly task that closes postings whose validity has ended.
        return postings.expire_overdue()
    if step.action == "take_up":
        product = Listing.objects.financing_products().get(organisation=actor.organisation, title=step.product)
        return financing.take_up_need(listing, actor, product=product, note=step.text)
    # Any other action is the next stage of the financing case the acting lender follows.
    case = listing.cases.get(lender=actor.organisation)
    pledged = list(listing.ip_records.all()) if step.amount else ()
    return financing.record_step(
        case,
        actor,
        step.action,
        step.when.date(),
        note=step.text,
        loan_amount=Decimal(step.amount) if step.amount else None,
        pledged_ip=pledged,
    )


def _posting(section, data, organisations, users):
    organisation = organisations[data["org"]]
    if Listing.objects.filter(organisation=organisation, title=data["title"]).exists():
        return
    story = data["story"]
    drafted = story[0].when.later(hours=-1) if story else day(-6)
    listing = _draft(section, data, organisation, users[data["org"]], drafted)
    for step in story:
        with at(step.when):
            _play(Listing.objects.get(pk=listing.pk), step, users)


def load(stdout):
    # Seeded by migration; re-asserted so the demo is complete after a flush (as reference.demo does).
    ensure_industries(Industry)
    users = _people()
    organisations = {name: user.organisation for name, user in users.items() if name != OPERATOR}
    for data in _transactions():
        _posting(Listing.Section.TRANSACTION, data, organisations, users)
    # The lenders' products come before the needs: a need is taken up on a published product.
    for data in _products():
        _posting(Listing.Section.FINANCING_PRODUCT, data, organisations, users)
    for data in _needs():
        _posting(Listing.Section.FINANCING_NEED, data, organisations, users)
    return [(label, email, DEMO_PASSWORD) for email, _name, label in PEOPLE.values() if label]
