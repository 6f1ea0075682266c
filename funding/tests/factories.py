"""Programmes, register patents and people for the special-funds tests."""

import itertools
from datetime import date
from decimal import Decimal

from django.utils import timezone
from wagtail.models import Site

from accounts.models import Organisation
from accounts.roles import FINANCE, FUNDING_MANAGERS, FUNDING_REVIEWERS
from cms.demo import issuing_agencies
from cms.models import PolicyIndexPage, PolicyPage
from cms.site_tree import ensure_home_page
from funding.models import ItemType, Programme, ProgrammeRule
from listings import financing
from listings.models.financing import Stage
from listings.tests.factories import FinancingNeedFactory, ListingIPFactory
from register.models import ImportSource, Patent, PatentParty
from register.numbers import patent_check_digit
from register.terms import LegalStatus, PatentType
from tests.factories import MembershipFactory, OrganisationFactory, staff_in

_serial = itertools.count(1)

RULES = {
    ItemType.INVENTION_GRANT: Decimal("5000.00"),
    ItemType.PCT_FILING: Decimal("10000.00"),
    ItemType.UTILITY_MODEL: Decimal("1000.00"),
    ItemType.CERTIFICATION: Decimal("50000.00"),
}
# 贴息: half the interest paid inside the window, at most 100,000 yuan a loan.
LOAN_PERCENTAGE, LOAN_CAP = Decimal("50.00"), Decimal("100000.00")


def _site_root():
    """The default site's root page, whatever it is; a tree without a site gets the platform's home page.
    (Asking for the home page where tests built their pages under Wagtail's welcome page would replace
    that page, and every page under it.)"""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None and site.root_page.depth > 1:
        return site.root_page
    return ensure_home_page()


def make_policy():
    library = PolicyIndexPage.objects.first()
    if library is None:
        library = PolicyIndexPage(title="政策法规", slug="policies", intro="政策文件")
        _site_root().add_child(instance=library)
        library.save_revision().publish()
    n = next(_serial)
    page = PolicyPage(
        title=f"连云港市知识产权专项资金管理办法{n}",
        slug=f"funding-policy-{n}",
        issuing_agency=issuing_agencies()["连云港市科学技术局"],
        issue_date=date(2015, 1, 1),
        summary="专项资金管理办法。",
    )
    library.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_programme(*, budget="100000", cap="30000", reviewers=(), status=Programme.Status.OPEN, **fields):
    today = timezone.localdate()
    defaults = {
        "title": f"专利资助{next(_serial)}",
        "policy": make_policy(),
        "year": today.year,
        "opens_on": today.replace(month=1, day=1),
        "closes_on": today.replace(month=12, day=31),
        "covers_from": date(today.year - 1, 1, 1),
        "covers_to": today,
        "budget": Decimal(budget),
        "cap_per_applicant": Decimal(cap),
        "status": status,
    }
    programme = Programme.objects.create(**{**defaults, **fields})
    for item_type, amount in RULES.items():
        ProgrammeRule.objects.create(programme=programme, item_type=item_type, amount=amount)
    ProgrammeRule.objects.create(
        programme=programme, item_type=ItemType.LOAN_INTEREST, percentage=LOAN_PERCENTAGE, cap_per_item=LOAN_CAP
    )
    programme.reviewers.set(reviewers)
    return programme


def make_patent(
    holder,
    *,
    patent_type=PatentType.INVENTION,
    granted=None,
    status=LegalStatus.VALID,
    is_pct=False,
    confirmed=True,
):
    """A register patent held by `holder` (an organisation), granted on `granted` (default: 30 days ago)."""
    n = next(_serial)
    digits = f"{2020 + n % 5}{'1' if patent_type == PatentType.INVENTION else '2'}{n:07d}"
    today = timezone.localdate()
    granted = granted or (today - timezone.timedelta(days=30))
    patent = Patent.objects.create(
        source=ImportSource.for_kind(ImportSource.Kind.DEMO),
        application_number=f"{digits}.{patent_check_digit(digits)}",
        patent_type=patent_type,
        is_pct=is_pct,
        filing_date=granted - timezone.timedelta(days=400),
        grant_date=granted,
        title=f"一种测试装置{n}",
        status=status,
        term_ends=date(2040, 1, 1),
        status_checked_at=timezone.now(),
    )
    PatentParty.objects.create(
        patent=patent, name=holder.name, kind="enterprise", organisation=holder, match_confirmed=confirmed
    )
    return patent


def applicant(**organisation):
    """An enterprise owner (the membership's user)."""
    membership = MembershipFactory(**{f"organisation__{k}": v for k, v in organisation.items()})
    return membership.user


def reviewer():
    return staff_in(FUNDING_REVIEWERS)


def manager():
    return staff_in(FUNDING_MANAGERS)


def finance():
    return staff_in(FINANCE)


def lender():
    """The owner of a bank registered on the platform as a service institution."""
    bank = OrganisationFactory(kind=Organisation.Kind.INSTITUTION, name=f"江苏银行测试支行{next(_serial)}")
    return MembershipFactory(organisation=bank).user


def granted_case(borrower, bank_user):
    """A financing need of `borrower` taken up by the bank and granted today: the deal the bank confirmed."""
    need = FinancingNeedFactory(organisation=borrower)
    pledged = ListingIPFactory(listing=need)
    case = financing.take_up_need(need, bank_user)
    today = timezone.localdate()
    for stage in (Stage.VALUATION, Stage.DUE_DILIGENCE, Stage.PLEDGE_REGISTRATION):
        financing.record_step(case, bank_user, stage, today)
    financing.record_step(case, bank_user, Stage.LOAN_GRANTED, today, loan_amount=Decimal("100"), pledged_ip=[pledged])
    case.refresh_from_db()
    return case


def make_loan(borrower, *, bank_user=None, principal="1000000", rate="4.35", start, end, paid_to):
    """A granted pledge loan of `borrower` whose facts its lender recorded."""
    bank_user = bank_user or lender()
    case = granted_case(borrower, bank_user)
    return financing.record_loan(
        case,
        bank_user,
        principal=Decimal(principal),
        annual_rate=Decimal(rate),
        start_date=start,
        end_date=end,
        interest_paid_to=paid_to,
    )
