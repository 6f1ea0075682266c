"""The special-funds demo: last year's patent funding, applied for, reviewed (初审 and 复核 by two
reviewers), publicised and paid; this year's patent programme prepared by staff and not yet published (the
browser journey publishes it); and this year's pledge-loan interest subsidy (贴息) programme, open, with the
loan 江苏银行 granted 康泰医药 on the platform (the listings demo) given its facts by the bank: principal,
rate, term, interest paid so far, the contract and an interest receipt (the loan journey applies for it).

The demo enterprise's patents come into the register through the register's own import (the file a data
manager uploads), tied to the enterprise by its credit code; every step of the story calls the function
the matching click calls, at the moment the story says.
"""

from datetime import timedelta
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from accounts.demo import ADMIN_EMAIL, ENTERPRISE_EMAIL, person
from accounts.models import User
from cms.models import PolicyPage
from core.scenarios import at, day, load_day
from listings import financing
from listings.demo import BANK, KANGTAI
from listings.models import FinancingCase
from register import imports as register_imports
from register.numbers import patent_check_digit

from . import applications
from .models import BudgetYear, ItemType, Programme, ProgrammeRule
from .roles import ensure_funding_roles

REQUIRES = ("accounts", "cms", "listings", "register", "targets")

MANAGER_EMAIL = "funding@demo.ip.lyg"
REVIEWER_EMAIL = "funding-review@demo.ip.lyg"
# 复核 is taken by another reviewer than the one who took 初审 (four eyes).
CHECKER_EMAIL = "funding-check@demo.ip.lyg"
FINANCE_EMAIL = "finance@demo.ip.lyg"
BORROWER_EMAIL = "pharma@demo.ip.lyg"
BANK_EMAIL = "bank@demo.ip.lyg"
POLICY_TITLE = "连云港市专利资助办法"
THIS_YEAR = "专利资助（本年度）"
LAST_YEAR = "专利资助（上年度）"
LOAN_PROGRAMME = "知识产权质押融资贴息（本年度）"
# The need the bank granted in the listings demo (700万元 on day -20).
LOAN_NEED = "创新药研发专利质押融资800万元"
LOAN_PERCENTAGE, LOAN_CAP = Decimal("50"), Decimal("200000")

RULES = {
    ItemType.INVENTION_GRANT: Decimal("5000"),
    ItemType.PCT_FILING: Decimal("10000"),
    ItemType.UTILITY_MODEL: Decimal("1000"),
    ItemType.CERTIFICATION: Decimal("50000"),
}

# (serial, title, days since grant): the demo enterprise's patents the stories claim.
PATENTS = [
    (9100001, "一种碳纤维预浸料的连续浸渍装置及方法", 400),
    (9100002, "一种耐高温树脂基复合材料及其制备方法", 380),
    (9100003, "一种高模量碳纤维表面改性方法", 60),
    (9100004, "一种复合材料层合板的自动铺放方法", 100),
    (9100005, "一种预浸料收卷张力控制方法", 900),
]


def _number(serial, granted_days_ago):
    year = (load_day() - timedelta(days=granted_days_ago + 700)).year
    digits = f"{year}1{serial:07d}"
    return f"{digits}.{patent_check_digit(digits)}"


def patent_numbers():
    return {serial: _number(serial, days) for serial, _title, days in PATENTS}


def _import_patents(enterprise, admin, granted_between):
    """Import the enterprise's patents granted between (oldest, newest) days ago, as the file a data
    manager uploads some time after the grants."""
    oldest, newest = granted_between
    rows = ["申请号,申请日,发明名称,申请（专利权）人,统一社会信用代码,授权公告日"]
    for serial, title, days in PATENTS:
        if not newest <= days <= oldest:
            continue
        granted = load_day() - timedelta(days=days)
        filed = granted - timedelta(days=700)
        rows.append(
            f"CN{_number(serial, days)},{filed.isoformat()},{title},{enterprise.name},{enterprise.credit_code},"
            f"{granted.isoformat()}"
        )
    batch = register_imports.preview_file(
        SimpleUploadedFile(f"hengrui-patents-{newest}.csv", ("\r\n".join(rows) + "\r\n").encode()),
        record_kind="patent",
        source_kind="cnipa",
        user=admin,
    )
    register_imports.start_import(batch)
    register_imports.run_import(batch.pk)


def _programme(title, policy, *, opens, closes, covers_from, covers_to, year, status, reviewer):
    programme = Programme.objects.create(
        title=title,
        policy=policy,
        description="对本市企业获得授权的发明专利、实用新型专利和 PCT 国际专利申请给予资助。",
        year=year,
        opens_on=opens,
        closes_on=closes,
        covers_from=covers_from,
        covers_to=covers_to,
        budget=Decimal("500000"),
        cap_per_applicant=Decimal("30000"),
        objection_days=7,
        status=status,
    )
    for item_type, amount in RULES.items():
        ProgrammeRule.objects.create(programme=programme, item_type=item_type, amount=amount)
    programme.reviewers.add(reviewer)
    return programme


def load(stdout):
    if Programme.objects.filter(title=LAST_YEAR).exists():
        return []
    groups = ensure_funding_roles()
    manager = person(MANAGER_EMAIL, "陈静", is_staff=True)
    manager.groups.add(groups["专项资金管理员"])
    reviewer = person(REVIEWER_EMAIL, "刘洋（市科技局）", is_staff=True)
    reviewer.groups.add(groups["专项资金审核人员"])
    checker = person(CHECKER_EMAIL, "王敏（市知识产权局）", is_staff=True)
    checker.groups.add(groups["专项资金审核人员"])
    finance = User.objects.get(email=FINANCE_EMAIL)
    admin = User.objects.get(email=ADMIN_EMAIL)
    owner = User.objects.get(email=ENTERPRISE_EMAIL)
    enterprise = owner.organisation
    policy = PolicyPage.objects.filter(title=POLICY_TITLE).first() or PolicyPage.objects.first()
    today = load_day()
    with transaction.atomic():
        with at(day(-370)):
            _import_patents(enterprise, admin, granted_between=(1000, 371))
        numbers = patent_numbers()
        with at(day(-220)):
            last_year = _programme(
                LAST_YEAR,
                policy,
                opens=today - timedelta(days=220),
                closes=today - timedelta(days=170),
                covers_from=today - timedelta(days=700),
                covers_to=today - timedelta(days=221),
                year=(today - timedelta(days=220)).year,
                status=Programme.Status.DRAFT,
                reviewer=reviewer,
            )
            last_year.reviewers.add(checker)
            last_year = applications.open_programme(last_year, manager)
        _paid_application(last_year, owner, (reviewer, checker), finance, [numbers[9100001], numbers[9100002]])
        with at(day(-50)):
            _import_patents(enterprise, admin, granted_between=(370, 51))
        with at(day(-5)):
            this_year = _programme(
                THIS_YEAR,
                policy,
                opens=today - timedelta(days=5),
                closes=today + timedelta(days=60),
                covers_from=today - timedelta(days=365),
                covers_to=today,
                year=today.year,
                status=Programme.Status.DRAFT,
                reviewer=reviewer,
            )
            this_year.reviewers.add(checker)
            _loan_programme(policy, manager, (reviewer, checker))
        _loan_facts()
        BudgetYear.objects.get_or_create(
            year=(today - timedelta(days=220)).year,
            defaults={
                "general_expenditure": Decimal("9800000000"),
                "source_note": "市财政局决算（演示数据）",
                "entered_by": manager,
            },
        )
    return [
        ("Funding manager 专项资金管理员", MANAGER_EMAIL, "demo-ip-2014"),
        ("Funding reviewer 专项资金审核人员", REVIEWER_EMAIL, "demo-ip-2014"),
        ("Funding reviewer (复核) 专项资金审核人员", CHECKER_EMAIL, "demo-ip-2014"),
    ]


def _loan_programme(policy, manager, reviewers):
    """This year's interest subsidy: half the pledge-loan interest paid in the last year, up to 200,000 yuan
    a loan, published by the manager."""
    today = load_day()
    programme = Programme.objects.create(
        title=LOAN_PROGRAMME,
        policy=policy,
        description="对本市企业以知识产权质押取得的银行贷款，按受理期内实际支付利息的50%给予贴息。",
        year=today.year,
        opens_on=today - timedelta(days=5),
        closes_on=today + timedelta(days=60),
        covers_from=today - timedelta(days=365),
        covers_to=today,
        budget=Decimal("1000000"),
        cap_per_applicant=Decimal("200000"),
        objection_days=7,
    )
    ProgrammeRule.objects.create(
        programme=programme, item_type=ItemType.LOAN_INTEREST, percentage=LOAN_PERCENTAGE, cap_per_item=LOAN_CAP
    )
    programme.reviewers.add(*reviewers)
    return applications.open_programme(programme, manager)


def _demo_pdf(name, text):
    body = f"%PDF-1.4\n% {text}\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    return SimpleUploadedFile(name, body.encode(), content_type="application/pdf")


def loan_case():
    return FinancingCase.objects.get(need__title=LOAN_NEED, need__organisation__name=KANGTAI, lender__name=BANK)


def _loan_facts():
    """The bank records the loan it granted on day -20 (700万元, two years, 4.35%) with the contract the next
    day, and on day -2 the interest settled so far with its receipt."""
    bank = User.objects.get(email=BANK_EMAIL)
    case = loan_case()
    granted = case.need.deal.deal_date
    facts = {
        "principal": case.need.deal.amount * 10000,
        "annual_rate": Decimal("4.35"),
        "start_date": granted,
        "end_date": granted + timedelta(days=730),
    }
    with at(day(-19)):
        loan = financing.record_loan(case, bank, **facts)
        financing.add_loan_document(loan, bank, "contract", "借款合同", _demo_pdf("contract.pdf", "loan contract"))
    with at(day(-2)):
        loan = financing.record_loan(case, bank, **facts, interest_paid_to=day(-2).date())
        financing.add_loan_document(
            loan, bank, "interest_receipt", "利息回单", _demo_pdf("interest-receipt.pdf", "interest receipt")
        )
    return loan


def _paid_application(programme, owner, reviewers, finance, numbers):
    reviewer, checker = reviewers
    from register.models import Patent

    with at(day(-210)):
        application = applications.start_application(programme, owner)
        applications.save_details(
            application,
            owner,
            bank_account_name=owner.organisation.name,
            bank_name="中国工商银行连云港开发区支行",
            bank_account="1107 0200 0920 0012 345",
            declaration=True,
        )
        for number in numbers:
            applications.add_item(
                application, owner, ItemType.INVENTION_GRANT, patent=Patent.objects.get(application_number=number)
            )
        applications.submit(application, owner)
    with at(day(-200)):
        applications.accept(application, reviewer)
    with at(day(-195)):
        applications.pass_first_review(application, reviewer, "材料齐全，专利权属与授权日期经登记簿核对无误。")
    with at(day(-190)):
        application = applications.approve(application, checker)
    with at(day(-185)):
        applications.publicise(programme, [application], reviewer, title="上年度专利资助拟资助名单公示")
    with at(day(-170)):
        applications.record_payment(application, finance, amount=application.approved_amount, paid_on=day(-170).date())
    return application
