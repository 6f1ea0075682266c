"""Pledge financing: a lender takes up an enterprise's need and both follow the loan through its stages.

The stages are recorded in order by the lender, each with its date; both sides may add documents. Recording
"loan granted" closes the need as a deal (lender, loan amount, pledged IP), which the statistics count. The
lender then records the loan's facts (`record_loan`: principal, rate, term, interest paid to a date) with the
contract and interest receipts: the borrower never types them, since special funds pay interest subsidies
computed from them.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.uploads import check_upload

from .matching import product_fits_need
from .models import FinancingCase, FinancingDocument, FinancingStep, Listing, LoanDocument, PledgeLoan
from .models.financing import STAGE_ORDER, Stage
from .postings import PostingError, close_as_deal, move_listing


def can_lend(organisation):
    """Lenders (banks, guarantee and micro-loan companies) register on the platform as service institutions."""
    return organisation is not None and organisation.is_institution


def take_up_refusal(need, user):
    """Why `user` may not take up this financing need for their lender (None: they may); `take_up_need` and
    the need's page (which offers 受理 only when this is None) both ask it."""
    lender = user.organisation if user.is_authenticated else None
    if not can_lend(lender):
        return _("只有登记为服务机构的金融机构可以受理融资需求。")
    if not need.is_financing_need or not need.is_public:
        return _("这条融资需求目前不能受理。")
    if need.organisation_id == lender.pk:
        return _("不能受理本单位的融资需求。")
    if FinancingCase.objects.filter(need=need, lender=lender).exists():
        return _("贵机构已受理这条融资需求。")
    return None


@transaction.atomic
def take_up_need(need, user, product=None, note=""):
    refusal = take_up_refusal(need, user)
    if refusal is not None:
        raise PostingError(refusal)
    lender = user.organisation
    if product is not None and (product.organisation_id != lender.pk or not product.is_financing_product):
        raise PostingError(_("只能选择本机构发布的金融产品。"))
    if product is not None and not product_fits_need(product, need):
        raise PostingError(_("所选金融产品不接受这条需求拟质押的知识产权类型。"))
    case = FinancingCase.objects.create(need=need, product=product, lender=lender, created_by=user)
    FinancingStep.objects.create(
        case=case, stage=Stage.APPLICATION, date=timezone.localdate(), note=note, recorded_by=user
    )
    if need.status == Listing.Status.PUBLISHED:
        move_listing(need, Listing.Status.NEGOTIATING, user, _("%(lender)s 已受理。") % {"lender": lender.name})
    return case


def _check_lender(case, user):
    if not (user.is_authenticated and user.organisation and user.organisation.pk == case.lender_id):
        raise PostingError(_("只有受理的金融机构可以登记办理环节。"))


def _check_party(case, user):
    organisation = user.organisation if user.is_authenticated else None
    if organisation is None or organisation.pk not in (case.lender_id, case.need.organisation_id):
        raise PostingError(_("只有融资双方可以上传办理文件。"))


@transaction.atomic
def record_step(case, user, stage, date, note="", loan_amount=None, pledged_ip=()):
    _check_lender(case, user)
    if case.status != FinancingCase.Status.ACTIVE and stage != Stage.POST_LOAN:
        raise PostingError(_("该融资办理已%(status)s。") % {"status": case.get_status_display()})
    if case.status == FinancingCase.Status.DECLINED:
        raise PostingError(_("该融资办理已终止。"))
    expected = case.next_stage
    if expected is None:
        raise PostingError(_("所有环节均已登记。"))
    if stage != expected:
        raise PostingError(_("下一个环节应为“%(stage)s”，请按顺序登记。") % {"stage": expected.label})
    if date > timezone.localdate():
        raise PostingError(_("环节日期不能晚于今天。"))
    last = case.steps.order_by("-date").first()
    if last and date < last.date:
        raise PostingError(_("环节日期不能早于上一个环节（%(date)s）。") % {"date": last.date})
    if stage == Stage.LOAN_GRANTED and (loan_amount is None or loan_amount <= 0):
        raise PostingError(_("请填写放款金额（大于零）。"))
    step = FinancingStep.objects.create(case=case, stage=stage, date=date, note=note, recorded_by=user)
    if stage == Stage.LOAN_GRANTED:
        need = case.need
        if need.is_open:
            close_as_deal(
                need,
                user,
                counterparty=case.lender,
                counterparty_name=case.lender.name,
                amount=loan_amount,
                deal_date=date,
                pledged_ip=pledged_ip,
                note=note,
                check_owner=False,
            )
        elif hasattr(need, "deal"):
            raise PostingError(_("这条融资需求已由其他机构放款成交。"))
        else:
            raise PostingError(_("这条融资需求已关闭，不能登记放款。"))
        case.status = FinancingCase.Status.GRANTED
        case.save(update_fields=["status"])
    return step


def decline_case(case, user, reason):
    _check_lender(case, user)
    reason = (reason or "").strip()
    if not reason:
        raise PostingError(_("请填写终止原因，企业会看到它。"))
    if case.status != FinancingCase.Status.ACTIVE:
        raise PostingError(_("只有办理中的融资可以终止。"))
    case.status = FinancingCase.Status.DECLINED
    case.decline_reason = reason
    case.save(update_fields=["status", "decline_reason"])
    return case


DOCUMENT_KINDS = ("pdf", "image")
DOCUMENT_MAX_BYTES = 10 * 1024 * 1024


def add_document(case, user, stage, title, uploaded):
    """Either side adds a document to a stage, checked by its content, kept privately."""
    _check_party(case, user)
    if stage not in STAGE_ORDER:
        raise PostingError(_("请选择文件所属的环节。"))
    content_type = check_upload(uploaded, DOCUMENT_KINDS, DOCUMENT_MAX_BYTES, refuse=PostingError)
    return FinancingDocument.attach(uploaded, content_type, user=user, title=title, case=case, stage=stage)


def loan_refusal(case, user):
    """Why `user` may not record the loan's facts of this case (None: they may). Only the lender knows them:
    the borrower, who would gain from a higher interest, never sets them; pages offer the form only when this
    is None."""
    organisation = user.organisation if user.is_authenticated else None
    if organisation is None or organisation.pk != case.lender_id:
        return _("贷款要素只能由放款的金融机构登记。")
    if case.status != FinancingCase.Status.GRANTED:
        return _("放款登记后方可填写贷款要素。")
    return None


def record_loan(case, user, *, principal, annual_rate, start_date, end_date, interest_paid_to=None):
    """The lender records (or corrects) the loan's facts; the subsidies computed from them follow at the
    applications' next check."""
    refusal = loan_refusal(case, user)
    if refusal is not None:
        raise PostingError(refusal)
    today = timezone.localdate()
    if principal is None or principal <= 0:
        raise PostingError(_("贷款本金须大于零。"))
    if annual_rate is None or not 0 < annual_rate <= 36:
        raise PostingError(_("年利率须大于 0 且不超过 36%。"))
    if end_date <= start_date:
        raise PostingError(_("到期日须晚于起息日。"))
    if start_date > today:
        raise PostingError(_("起息日不能晚于今天。"))
    if interest_paid_to is not None:
        if not start_date <= interest_paid_to <= end_date:
            raise PostingError(_("“利息已付至”须在起息日与到期日之间。"))
        if interest_paid_to > today:
            raise PostingError(_("“利息已付至”不能晚于今天。"))
    facts = {
        "principal": principal,
        "annual_rate": annual_rate,
        "start_date": start_date,
        "end_date": end_date,
        "interest_paid_to": interest_paid_to,
        "recorded_by": user,
    }
    with transaction.atomic():
        FinancingCase.objects.select_for_update().get(pk=case.pk)
        loan, _created = PledgeLoan.objects.update_or_create(case=case, defaults=facts)
    return loan


def add_loan_document(loan, user, kind, title, uploaded):
    """The lender attaches the contract or an interest receipt, checked by its content, kept privately."""
    refusal = loan_refusal(loan.case, user)
    if refusal is not None:
        raise PostingError(refusal)
    if kind not in LoanDocument.Kind.values:
        raise PostingError(_("请选择文件类别。"))
    content_type = check_upload(uploaded, DOCUMENT_KINDS, DOCUMENT_MAX_BYTES, refuse=PostingError)
    title = (title or "").strip() or str(LoanDocument.Kind(kind).label)
    return LoanDocument.attach(uploaded, content_type, user=user, title=title, loan=loan, kind=kind)
