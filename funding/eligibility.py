"""Whether an item may be funded, and why not, asked of the register and the programme's rules.

One function, `check`, answers for the apply page (at once, as an item is added), for submission and for
approval: the holder is the applicant organisation, the item's date is in the programme's window, the
right was never claimed by another application under any programme, and the patent is still valid. A
pledge loan's interest subsidy (贴息) is owed when the applicant is the borrower, the lender confirmed the deal
by recording the loan as granted, interest paid on days inside the programme's window, and no application
under any programme claimed the loan before; its amount is computed by `funding.interest` from the facts the
lender recorded.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from listings.models import FinancingCase
from register.terms import IN_FORCE, LegalStatus, PatentType

from . import interest
from .models import PATENT_ITEMS, ApplicationItem, ItemType

ZERO = Decimal("0.00")
# A PCT filing is funded while its application is pending or once granted, not after it lapsed.
PCT_ALIVE = IN_FORCE | {LegalStatus.PENDING}


@dataclass
class Verdict:
    reasons: list = field(default_factory=list)
    amount: Decimal = ZERO
    basis: dict = field(default_factory=dict)

    @property
    def eligible(self):
        return not self.reasons


def _claimed_elsewhere(application, **record):
    return ApplicationItem.objects.filter(holds_claim=True, **record).exclude(application=application).exists()


def _date_in_window(programme, day, label):
    if day is None:
        return _("没有%(label)s，无法判断是否在受理期内。") % {"label": label}
    if not programme.covers_from <= day <= programme.covers_to:
        return _("%(label)s %(day)s 不在本项目受理的 %(start)s 至 %(end)s 之间。") % {
            "label": label,
            "day": day.isoformat(),
            "start": programme.covers_from.isoformat(),
            "end": programme.covers_to.isoformat(),
        }
    return None


def _patent_reasons(application, item_type, patent):
    reasons = []
    if item_type == ItemType.INVENTION_GRANT and patent.patent_type != PatentType.INVENTION:
        reasons.append(_("该专利不是发明专利。"))
    if item_type == ItemType.UTILITY_MODEL and patent.patent_type != PatentType.UTILITY_MODEL:
        reasons.append(_("该专利不是实用新型专利。"))
    if item_type == ItemType.PCT_FILING and not patent.pct_marked:
        reasons.append(_("该专利不是 PCT 国际申请进入中国国家阶段的申请。"))
    if not patent.parties.filter(organisation=application.organisation, match_confirmed=True).exists():
        reasons.append(_("登记簿中该专利的申请（专利权）人不是申请单位。"))
    if item_type == ItemType.PCT_FILING:
        problem = _date_in_window(application.programme, patent.filing_date, _("申请日"))
        alive = patent.status in PCT_ALIVE
    else:
        problem = _date_in_window(application.programme, patent.grant_date, _("授权公告日"))
        alive = patent.status in IN_FORCE
    if problem:
        reasons.append(problem)
    if _claimed_elsewhere(application, patent=patent):
        reasons.append(_("该专利已在其他申请中申报或已获资助（任一专利只资助一次）。"))
    if not alive:
        reasons.append(_("登记簿显示该专利当前为“%(status)s”，已不再有效。") % {"status": patent.get_status_display()})
    return reasons


def _certification_reasons(application, certification):
    reasons = []
    if certification.enterprise_id != application.organisation_id:
        reasons.append(_("该认定记录不属于申请单位。"))
    problem = _date_in_window(application.programme, certification.certified_on, _("认定日期"))
    if problem:
        reasons.append(problem)
    if certification.revoked_on is not None:
        reasons.append(_("该认定已于 %(day)s 撤销。") % {"day": certification.revoked_on.isoformat()})
    if _claimed_elsewhere(application, certification=certification):
        reasons.append(_("该认定已在其他申请中申报或已获资助。"))
    return reasons


def _loan_verdict(application, rule, loan):
    reasons = []
    programme = application.programme
    case = loan.case
    if case.need.organisation_id != application.organisation_id:
        reasons.append(_("申请单位不是该笔贷款的借款人。"))
    deal = getattr(case.need, "deal", None)
    if case.status != FinancingCase.Status.GRANTED or deal is None or deal.counterparty_id != case.lender_id:
        reasons.append(_("该笔贷款未经放款机构在平台登记放款确认。"))
    computed = interest.subsidy(loan, programme.covers_from, programme.covers_to, rule.percentage, rule.cap_per_item)
    if loan.interest_paid_to is None:
        reasons.append(_("放款机构尚未登记已付利息的日期。"))
    elif not computed.days:
        reasons.append(
            _("贷款已付息的期间（%(start)s 至 %(paid)s 前）不在本项目受理的 %(from)s 至 %(to)s 之内。")
            % {
                "start": loan.start_date.isoformat(),
                "paid": min(loan.end_date, loan.interest_paid_to).isoformat(),
                "from": programme.covers_from.isoformat(),
                "to": programme.covers_to.isoformat(),
            }
        )
    if _claimed_elsewhere(application, loan=loan):
        reasons.append(_("该笔贷款已在其他申请中申报或已获贴息（每笔贷款只贴息一次）。"))
    return Verdict(reasons, ZERO if reasons else computed.amount, computed.basis() if computed.days else {})


def check(application, item_type, *, patent=None, certification=None, loan=None):
    """The verdict on one item of `application`: the reasons it cannot be funded, or its amount."""
    rule = application.programme.rule_for(item_type)
    if rule is None:
        return Verdict([_("本项目不资助“%(type)s”。") % {"type": ItemType(item_type).label}])
    if item_type == ItemType.LOAN_INTEREST:
        if loan is None:
            return Verdict([_("请选择一笔质押贷款。")])
        return _loan_verdict(application, rule, loan)
    if item_type in PATENT_ITEMS:
        if patent is None:
            return Verdict([_("请选择一件专利。")])
        reasons = _patent_reasons(application, item_type, patent)
    else:
        if certification is None:
            return Verdict([_("请选择一条认定记录。")])
        reasons = _certification_reasons(application, certification)
    return Verdict(reasons, ZERO if reasons else rule.amount)


def applicant_reasons(programme, organisation):
    """Why this organisation may not apply to the programme at all (an empty list: it may)."""
    reasons = []
    if organisation is None or not organisation.is_enterprise:
        reasons.append(_("只有在平台登记的企业可以申请专项资金。"))
    elif not programme.takes_district(organisation.district_id):
        reasons.append(
            _("本项目不受理%(district)s的企业申请。") % {"district": organisation.district.name},
        )
    return reasons
