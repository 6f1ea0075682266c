from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.actions import form_went_through, tell_outcome
from core.submissions import AlreadySubmitted, show_first_result, submitted_once
from search.listing import DeferredListing, page_number

from . import financing as financing_domain
from . import lists, postings
from .forms import (
    FORMS_BY_SECTION,
    DealForm,
    DocumentForm,
    InterestForm,
    LoanDocumentForm,
    LoanForm,
    ReasonForm,
    ReplyForm,
    StepForm,
    TakeUpForm,
    WithdrawForm,
    ip_formset,
)
from .matching import needs_for_product, products_for_need
from .models import Deal, FinancingCase, Interest, Listing, PledgeLoan
from .postings import PostingError
from .statistics import public_figures

Section = Listing.Section


def index(request):
    public = lists.with_card_data(Listing.objects.public()).order_by("-published_at")
    return render(
        request,
        "listings/index.html",
        {
            "figures": public_figures(),
            "transactions": public.filter(section=Section.TRANSACTION)[:6],
            "needs": public.filter(section=Section.FINANCING_NEED)[:4],
            "products": public.filter(section=Section.FINANCING_PRODUCT)[:4],
            "sections": postings.allowed_sections(request.user.organisation) if request.user.is_authenticated else [],
        },
    )


def transactions(request):
    return _search_list(request, "transactions", "listings/transaction_list.html")


def financing(request):
    return _search_list(request, "financing", "listings/financing_list.html")


def _search_list(request, name, template):
    """A public list filtered, ordered and counted by the search (`listings.lists`, as its feed is)."""

    def search():
        form, _query, page_obj = lists.filtered(name, request.GET, page=page_number(request.GET.get("page")))
        return form, page_obj

    # Searched only when the page's public fragment is not kept (core.pagecache.public_fragment).
    listing = DeferredListing(search)
    return render(request, template, {"listing": listing, "query": _query_without_page(request)})


def _query_without_page(request):
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def _is_owner(request, listing):
    organisation = request.user.organisation if request.user.is_authenticated else None
    return organisation is not None and organisation.pk == listing.organisation_id


def detail(request, pk):
    listing = get_object_or_404(
        Listing.objects.visible_to(request.user).select_related("organisation", "industry", "district"), pk=pk
    )
    is_owner = _is_owner(request, listing)
    user_organisation = request.user.organisation if request.user.is_authenticated else None
    context = {
        "listing": listing,
        "ip_records": listing.ip_records.select_related("register_check"),
        "is_owner": is_owner,
        "contact": listing.contact_for(request.user),
        "similar": _similar(listing) if listing.is_public else [],
    }
    if listing.is_financing_need:
        context["matches"] = products_for_need(listing)
    elif listing.is_financing_product:
        context["matches"] = needs_for_product(listing)
    if request.user.is_authenticated and not is_owner:
        context["my_interest"] = listing.interests.filter(user=request.user).first()
        if listing.may_express_interest(request.user):
            context["interest_form"] = InterestForm()
    if is_owner:
        context["events"] = listing.events.select_related("actor")[:20]
        context["interests"] = listing.interests.select_related("user", "organisation")
        context["deal"] = Deal.objects.filter(listing=listing).first()
    if listing.is_financing_need:
        cases = FinancingCase.objects.visible_to(request.user).filter(need=listing).select_related("lender")
        context["cases"] = cases
        if financing_domain.take_up_refusal(listing, request.user) is None:
            context["take_up_form"] = TakeUpForm(lender=user_organisation)
    return render(request, "listings/detail.html", context)


def _similar(listing, limit=4):
    """Other public postings of the same section that share the industry, or else the transaction kind."""
    query = Q(industry_id=listing.industry_id) if listing.industry_id else Q()
    if listing.kind:
        query |= Q(kind=listing.kind)
    return (
        Listing.objects.public()
        .filter(query, section=listing.section)
        .exclude(pk=listing.pk)
        .select_related("organisation", "district", "industry")
        .order_by("-published_at")[:limit]
    )


def _section_or_404(section):
    try:
        return Section(section)
    except ValueError as error:
        raise Http404 from error


@login_required
def create(request, section):
    section = _section_or_404(section)
    organisation = request.user.organisation
    if section not in postings.allowed_sections(organisation):
        if organisation is None:
            messages.info(request, _("发布信息前，请先登记您的单位。"))
            return redirect("accounts:dashboard")
        raise PermissionDenied(_("贵单位不能发布这类信息。"))
    listing = Listing(section=section, organisation=organisation)
    return _edit_form(request, listing, organisation)


@login_required
def edit(request, pk):
    listing = get_object_or_404(Listing.objects.editable_by(request.user), pk=pk)
    if not listing.is_editable:
        messages.error(request, _("已关闭的信息不能修改。"))
        return redirect(listing)
    return _edit_form(request, listing, request.user.organisation)


def _edit_form(request, listing, organisation):
    form_class = FORMS_BY_SECTION[listing.section]
    data = request.POST if request.method == "POST" else None
    form = form_class(data, instance=listing, organisation=organisation)
    # A lender's product names no IP of its own; the other postings list the IP they concern.
    formset = (
        None if listing.section == Section.FINANCING_PRODUCT else ip_formset(data, listing if listing.pk else None)
    )
    if request.method == "POST" and form.is_valid() and (formset is None or formset.is_valid()):
        was_public = listing.is_public
        try:
            with submitted_once(form, request.user) as receipt:
                listing = receipt.done(
                    postings.save_listing(
                        form.save(commit=False),
                        request.user,
                        formset.records() if formset else None,
                        changed_fields=[name for name in form.changed_data if name != "submission_key"],
                    )
                )
        except AlreadySubmitted as repeat:
            return show_first_result(request, repeat, reverse("listings:dashboard"))
        except PostingError as error:
            form.add_error(None, str(error))
        else:
            if "submit" in request.POST and listing.status in (
                Listing.Status.DRAFT,
                Listing.Status.REJECTED,
                Listing.Status.EXPIRED,
            ):
                try:
                    postings.submit_listing(listing, request.user)
                except PostingError as error:
                    messages.error(request, _("信息已保存为草稿，但未能提交审核：%(error)s") % {"error": error})
                    return redirect(listing)
                messages.success(request, _("信息已提交审核，审核通过后公开发布。"))
            elif was_public and listing.status == Listing.Status.SUBMITTED:
                messages.warning(request, _("您修改了已发布信息的内容，信息已转入重新审核，审核通过前不公开。"))
            else:
                messages.success(request, _("信息已保存。"))
            return redirect(listing)
    return render(
        request,
        "listings/listing_form.html",
        {"form": form, "formset": formset, "listing": listing, "section": Section(listing.section)},
        status=400 if request.method == "POST" else 200,
    )


def _owned(request, pk):
    return get_object_or_404(Listing.objects.editable_by(request.user), pk=pk)


def _run(request, action, success_message, *args):
    try:
        action(*args)
    except PostingError as error:
        messages.error(request, str(error))
        return False
    messages.success(request, success_message)
    return True


@login_required
@require_POST
def submit(request, pk):
    listing = _owned(request, pk)
    _run(request, postings.submit_listing, _("信息已提交审核。"), listing, request.user)
    return redirect(listing)


@login_required
@require_POST
def withdraw(request, pk):
    listing = _owned(request, pk)
    form = WithdrawForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    _run(request, postings.withdraw_listing, _("信息已撤回。"), listing, request.user, reason)
    return redirect(listing)


@login_required
@require_POST
def negotiating(request, pk):
    listing = _owned(request, pk)
    if listing.status == Listing.Status.NEGOTIATING:
        _run(request, postings.reopen_listing, _("信息已恢复为可洽谈。"), listing, request.user)
    else:
        _run(request, postings.mark_negotiating, _("信息已标记为洽谈中。"), listing, request.user)
    return redirect(listing)


@login_required
def close(request, pk):
    listing = _owned(request, pk)
    form = DealForm(request.POST or None, listing=listing)
    if request.method == "POST" and form.is_valid():
        try:
            postings.close_as_deal(
                listing,
                request.user,
                counterparty_name=form.cleaned_data["counterparty_name"],
                amount=form.cleaned_data["amount"],
                deal_date=form.cleaned_data["deal_date"],
                pledged_ip=form.cleaned_data.get("pledged_ip") or (),
                note=form.cleaned_data["note"],
            )
        except PostingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("已登记成交，信息已关闭。"))
            return redirect(listing)
    return render(
        request,
        "listings/close_form.html",
        {"form": form, "listing": listing},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def express_interest(request, pk):
    listing = get_object_or_404(Listing.objects.visible_to(request.user), pk=pk)
    tell_outcome(
        request,
        InterestForm(request.POST),
        lambda data: postings.express_interest(listing, request.user, data["message"]),
        PostingError,
        _("您的意向已发送给发布单位。"),
        _("请填写留言，说明您的意向。"),
    )
    return redirect(listing)


@login_required
@require_POST
def reply(request, pk):
    interest = get_object_or_404(Interest.objects.received_by(request.user.organisation), pk=pk)
    form = ReplyForm(request.POST)
    if form.is_valid():
        _run(request, postings.answer_interest, _("回复已发送。"), interest, request.user, form.cleaned_data["reply"])
    else:
        messages.error(request, _("请填写回复内容。"))
    return redirect("listings:dashboard") if request.POST.get("next") == "dashboard" else redirect(interest.listing)


@login_required
def dashboard(request):
    organisation = request.user.organisation
    own = Listing.objects.owned_by(organisation).select_related("industry", "district")
    received = (
        Interest.objects.received_by(organisation)
        .select_related("listing", "user", "organisation")
        .order_by("replied_at", "-created_at")
    )
    deals = Deal.objects.filter(listing__organisation=organisation) if organisation else Deal.objects.none()
    deal_figures = deals.aggregate(count=Count("pk"), amount=Sum("amount"))
    cases = (
        FinancingCase.objects.visible_to(request.user).select_related("need", "need__organisation", "lender")
        if organisation
        else []
    )
    status_counts = dict(own.values_list("status").annotate(n=Count("pk")).order_by())
    return render(
        request,
        "listings/dashboard.html",
        {
            "organisation": organisation,
            "listings": own.order_by("-updated_at"),
            "received": received,
            "sent": Interest.objects.sent_by(request.user).select_related("listing", "listing__organisation"),
            "deal_figures": deal_figures,
            "deals": deals.select_related("listing")[:10],
            "cases": cases,
            "status_counts": status_counts,
            "sections": postings.allowed_sections(organisation),
            "reply_form": ReplyForm(),
        },
    )


@login_required
@require_POST
def take_up(request, pk):
    need = get_object_or_404(Listing.objects.public().financing_needs(), pk=pk)
    form = TakeUpForm(request.POST, lender=request.user.organisation)
    if form.is_valid():
        try:
            case = financing_domain.take_up_need(
                need, request.user, product=form.cleaned_data["product"], note=form.cleaned_data["note"]
            )
        except PostingError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("已受理该融资需求，请按环节登记办理进度。"))
            return redirect("listings:case", case.pk)
    else:
        messages.error(request, _("请选择贵机构自己的金融产品。"))
    return redirect(need)


def _case_for(request, pk):
    return get_object_or_404(
        FinancingCase.objects.visible_to(request.user).select_related(
            "need", "need__organisation", "lender", "product"
        ),
        pk=pk,
    )


def _case_context(request, case, step_form=None, document_form=None, decline_form=None, loan_form=None):
    is_lender = request.user.organisation and request.user.organisation.pk == case.lender_id
    active = case.status != FinancingCase.Status.DECLINED and case.next_stage is not None
    loan = PledgeLoan.objects.filter(case=case).prefetch_related("documents").first()
    may_record_loan = financing_domain.loan_refusal(case, request.user) is None
    if loan_form is None and may_record_loan:
        facts = ("principal", "annual_rate", "start_date", "end_date", "interest_paid_to")
        loan_form = LoanForm(initial={name: getattr(loan, name) for name in facts} if loan else None)
    return {
        # The loan's facts are the two parties' (operators who read every case do not read them).
        "loan": loan if loan is not None and loan.is_party(request.user) else None,
        "loan_form": loan_form if may_record_loan else None,
        "loan_document_form": LoanDocumentForm() if may_record_loan and loan is not None else None,
        "case": case,
        "stage_rows": case.stage_rows(),
        "documents": case.documents.select_related("uploaded_by"),
        "is_lender": is_lender,
        "step_form": (step_form or StepForm(case=case)) if is_lender and active else None,
        "document_form": document_form or DocumentForm(initial={"stage": case.current_stage}),
        "decline_form": (decline_form or ReasonForm())
        if is_lender and case.status == FinancingCase.Status.ACTIVE
        else None,
        "deal": Deal.objects.filter(listing=case.need).first(),
    }


@login_required
def case_detail(request, pk):
    case = _case_for(request, pk)
    return render(request, "listings/case_detail.html", _case_context(request, case))


@login_required
@require_POST
def case_step(request, pk):
    case = _case_for(request, pk)
    form = StepForm(request.POST, case=case)

    def record(data):
        financing_domain.record_step(
            case,
            request.user,
            case.next_stage,
            data["date"],
            data["note"],
            loan_amount=data.get("loan_amount"),
            pledged_ip=data.get("pledged_ip") or (),
        )

    if form_went_through(request, form, record, PostingError, _("办理环节已登记。")):
        return redirect("listings:case", case.pk)
    return render(request, "listings/case_detail.html", _case_context(request, case, step_form=form), status=400)


@login_required
@require_POST
def case_decline(request, pk):
    case = _case_for(request, pk)
    form = ReasonForm(request.POST)

    def decline(data):
        financing_domain.decline_case(case, request.user, data["reason"])

    if form_went_through(request, form, decline, PostingError, _("已终止该融资办理。")):
        return redirect("listings:case", case.pk)
    return render(request, "listings/case_detail.html", _case_context(request, case, decline_form=form), status=400)


@login_required
@require_POST
def case_document_upload(request, pk):
    case = _case_for(request, pk)
    form = DocumentForm(request.POST, request.FILES)

    def upload(data):
        financing_domain.add_document(case, request.user, data["stage"], data["title"], data["file"])

    if form_went_through(request, form, upload, PostingError, _("文件已上传。")):
        return redirect("listings:case", case.pk)
    return render(request, "listings/case_detail.html", _case_context(request, case, document_form=form), status=400)


@login_required
@require_POST
def case_loan(request, pk):
    case = _case_for(request, pk)
    form = LoanForm(request.POST)

    def record(data):
        financing_domain.record_loan(case, request.user, **data)

    if form_went_through(request, form, record, PostingError, _("贷款要素已登记。")):
        return redirect("listings:case", case.pk)
    return render(request, "listings/case_detail.html", _case_context(request, case, loan_form=form), status=400)


def _loan_for(request, case):
    loan = get_object_or_404(PledgeLoan.objects.select_related("case__need"), case=case)
    if not loan.is_party(request.user):
        raise Http404
    return loan


@login_required
@require_POST
def case_loan_document_upload(request, pk):
    case = _case_for(request, pk)
    loan = _loan_for(request, case)
    form = LoanDocumentForm(request.POST, request.FILES)
    tell_outcome(
        request,
        form,
        lambda data: financing_domain.add_loan_document(loan, request.user, data["kind"], data["title"], data["file"]),
        PostingError,
        _("文件已上传。"),
        _("请选择文件类别并上传 PDF 或图片（10 MB 以内）。"),
    )
    return redirect("listings:case", case.pk)


@login_required
def case_loan_document(request, pk, document_pk):
    case = _case_for(request, pk)
    loan = _loan_for(request, case)
    return get_object_or_404(loan.documents, pk=document_pk).download()


@login_required
def case_document(request, pk, document_pk):
    case = _case_for(request, pk)
    return get_object_or_404(case.documents, pk=document_pk).download()
