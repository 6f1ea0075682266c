"""Views of the service marketplace. Each fetches through a permission-aware queryset and calls a domain function."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.actions import tell_outcome
from core.submissions import AlreadySubmitted, show_first_result, submitted_once
from payments.models import Payment
from search.listing import DeferredListing, listing_page, page_number

from . import comparison as comparison_rules
from . import inbox, institutions, offerings, orders, reviews
from .directory import directory_page, offering_query, valid_values
from .forms import (
    ApplicationForm,
    InquiryForm,
    ListingForm,
    MessageForm,
    NoteForm,
    OfferingFilterForm,
    OfferingForm,
    OrderForm,
    ReasonForm,
    ReplyForm,
    ReviewForm,
)
from .inquiries import InquiryError, post_message, start_inquiry
from .models import (
    OPEN_STATUSES,
    Actor,
    Inquiry,
    InquiryMessage,
    Institution,
    Notification,
    Offering,
    Order,
    OrderStatus,
    QualificationDocument,
    Review,
    ServiceCategory,
    Side,
)
from .payment_panel import payment_context

PAGE_SIZE = 12


def _page(request, queryset, size=PAGE_SIZE):
    return Paginator(queryset, size).get_page(request.GET.get("page"))


def _my_institution(user):
    organisation = user.organisation if user.is_authenticated else None
    if organisation is None or not organisation.is_institution:
        return None
    return Institution.objects.filter(organisation=organisation).select_related("organisation", "district").first()


def _require_my_institution(request):
    institution = _my_institution(request.user)
    if institution is None:
        raise Http404(_("您的组织还没有服务机构资料。"))
    return institution


def _form_page(request, template, form, **context):
    """A page with a form, answered 400 when the form was refused, so that a client sees it did not go through."""
    return render(request, template, {"form": form, **context}, status=400 if form.errors else 200)


def _querystring_without(request, *names):
    params = request.GET.copy()
    for name in names:
        params.pop(name, None)
    return params.urlencode()


def _querystring_without_page(request):
    return _querystring_without(request, "page")


# --- Public: directory, institution page, offerings -----------------------------------------------


def directory(request):
    # Searched only when the page's public fragment is not kept (core.pagecache.public_fragment).
    listing = DeferredListing(lambda: directory_page(request.GET, page_number(request.GET.get("page"))))
    return render(
        request,
        "services/directory.html",
        {
            "listing": listing,
            "querystring": _querystring_without_page(request),
            "may_apply": institutions.may_apply(request.user),
        },
    )


def compare(request):
    """Up to four public institutions side by side; the selection is the URL's `ids`, so it can be shared."""
    try:
        comparison = comparison_rules.compare(comparison_rules.parse_ids(request.GET.get("ids")))
    except comparison_rules.ComparisonError as error:
        messages.error(request, str(error))
        return render(request, "services/compare.html", {"comparison": None}, status=400)
    if comparison.unavailable:
        messages.info(
            request, _("所选机构中有 %(count)s 家目前未在平台公开，未列入比较。") % {"count": comparison.unavailable}
        )
    return render(
        request,
        "services/compare.html",
        {"comparison": comparison, "max_compared": comparison_rules.MAX_COMPARED},
    )


def institution_detail(request, pk):
    institution = get_object_or_404(
        Institution.objects.select_related("organisation", "district").prefetch_related("categories"), pk=pk
    )
    if not institution.may_view(request.user):
        raise Http404
    is_member = institution.is_member(request.user)
    visible_offerings = institution.offerings.select_related("category")
    if not is_member:
        visible_offerings = visible_offerings.filter(status=Offering.Status.PUBLISHED)
    review_page = _page(
        request,
        institution.reviews.visible().select_related("order__enterprise").order_by("-created_at"),
        size=10,
    )
    return render(
        request,
        "services/institution_detail.html",
        {
            "institution": institution,
            "offerings": visible_offerings,
            "review_page": review_page,
            "is_member": is_member,
            "engage_refusal": institution.engage_refusal(request.user),
        },
    )


def offering_list(request):
    categories = list(ServiceCategory.objects.all())
    form = OfferingFilterForm(request.GET, categories=categories)
    page = listing_page(
        offering_query(form, page_number(request.GET.get("page"))),
        {"offering": Offering.objects.public().select_related("institution__organisation", "category")},
    )
    counts = page.search_results.facets["category"]
    return render(
        request,
        "services/offering_list.html",
        {
            "form": form,
            "page_obj": page,
            "categories": [(category, counts.get(category.name, 0)) for category in categories],
            "category": valid_values(form).get("category"),
            "keyword": page.search_results.query.text,
            "category_querystring": _querystring_without(request, "page", "category"),
            "querystring": _querystring_without_page(request),
        },
    )


def offering_detail(request, pk):
    offering = get_object_or_404(
        Offering.objects.select_related("institution__organisation", "institution__district", "category"), pk=pk
    )
    if not offering.may_view(request.user):
        raise Http404
    return render(
        request,
        "services/offering_detail.html",
        {
            "offering": offering,
            "institution": offering.institution,
            "is_member": offering.institution.is_member(request.user),
            "engage_refusal": offering.engage_refusal(request.user),
        },
    )


# --- Institution: application, listing, documents, offerings -------------------------------------


@login_required
def apply(request):
    organisation = request.user.organisation
    if organisation is None:
        messages.info(request, _("请先登记服务机构的组织信息，再申请入驻。"))
        return redirect(reverse("accounts:organisation_create") + "?kind=institution")
    if not organisation.is_institution:
        raise PermissionDenied(_("只有服务机构可以申请入驻，企业用户可直接浏览和咨询服务机构。"))
    if not organisation.can_manage(request.user):
        raise PermissionDenied(_("只有组织负责人可以提交入驻申请。"))
    institution = Institution.objects.filter(organisation=organisation).first()
    if not institutions.may_apply(request.user):
        return redirect("services:my_institution")
    initial = {}
    if institution is None:
        initial = {
            "district": organisation.district_id,
            "address": organisation.address,
            "contact_name": organisation.contact_name,
            "contact_phone": organisation.contact_phone,
            "contact_email": organisation.contact_email,
            "description": organisation.description,
        }
    form = ApplicationForm(
        request.POST or None,
        request.FILES or None,
        instance=institution,
        initial=initial,
        has_documents=bool(institution and institution.documents.exists()),
        organisation=organisation,
    )
    if request.method == "POST" and form.is_valid():
        try:
            institutions.submit_application(
                request.user,
                organisation,
                listing=form.listing(),
                categories=form.cleaned_data["categories"],
                documents=form.documents(),
            )
        except institutions.InstitutionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("入驻申请已提交，平台将在 3 个工作日内完成审核，结果会通过邮件和站内消息通知您。")
            )
            return redirect("services:my_institution")
    return _form_page(request, "services/apply.html", form, institution=institution)


@login_required
def my_institution(request):
    institution = _my_institution(request.user)
    if institution is None:
        return redirect("services:apply")
    return render(
        request,
        "services/my_institution.html",
        {
            "institution": institution,
            "events": institution.events.select_related("actor"),
            "documents": institution.documents.all(),
            "offerings": institution.offerings.select_related("category"),
            "may_apply": institutions.may_apply(request.user),
        },
    )


@login_required
def listing_edit(request):
    institution = _require_my_institution(request)
    refusal = institution.manage_listing_refusal(request.user)
    if refusal is not None:
        raise PermissionDenied(refusal)
    form = ListingForm(request.POST or None, request.FILES or None, instance=institution)
    if request.method == "POST" and form.is_valid():
        institutions.update_listing(
            institution, request.user, listing=form.listing(), categories=form.cleaned_data["categories"]
        )
        messages.success(request, _("机构信息已保存。"))
        return redirect("services:my_institution")
    return render(request, "services/listing_form.html", {"form": form, "institution": institution})


@login_required
@require_POST
def listing_toggle(request):
    institution = _require_my_institution(request)
    try:
        institutions.set_listing_active(institution, request.user, not institution.is_active)
    except institutions.InstitutionError as error:
        raise PermissionDenied(str(error)) from error
    messages.success(request, _("已恢复对外展示。") if institution.is_active else _("已暂停对外展示。"))
    return redirect("services:my_institution")


@login_required
def qualification_document(request, pk):
    document = get_object_or_404(QualificationDocument.objects.select_related("institution__organisation"), pk=pk)
    if not document.institution.may_view_documents(request.user):
        raise Http404
    return document.download()


@login_required
def offering_create(request):
    institution = _require_my_institution(request)
    return _offering_form(request, Offering(institution=institution))


@login_required
def offering_edit(request, pk):
    offering = get_object_or_404(Offering.objects.editable_by(request.user).select_related("institution"), pk=pk)
    return _offering_form(request, offering)


def _offering_form(request, offering):
    form = OfferingForm(request.POST or None, instance=offering)
    if request.method == "POST" and form.is_valid():
        try:
            offerings.save_offering(form.instance, request.user)
        except offerings.OfferingError as error:
            raise PermissionDenied(str(error)) from error
        messages.success(request, _("服务项目“%(title)s”已保存。") % {"title": form.instance.title})
        return redirect("services:my_institution")
    return _form_page(request, "services/offering_form.html", form, offering=offering)


@login_required
@require_POST
def offering_status(request, pk):
    offering = get_object_or_404(Offering.objects.editable_by(request.user), pk=pk)
    try:
        offerings.set_status(offering, request.user, request.POST.get("status"))
    except offerings.OfferingError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("“%(title)s”现为%(status)s。") % {"title": offering.title, "status": offering.get_status_display()},
        )
    return redirect("services:my_institution")


# --- Inquiries ----------------------------------------------------------------------------------


@login_required
def inquiry_create(request, pk):
    institution = get_object_or_404(Institution.objects.public().select_related("organisation"), pk=pk)
    initial = {}
    offering = institution.offerings.filter(
        pk=request.GET.get("offering") or 0, status=Offering.Status.PUBLISHED
    ).first()
    if offering:
        initial = {"offering": offering.pk, "subject": _("咨询：%(title)s") % {"title": offering.title}}
    form = InquiryForm(request.POST or None, institution=institution, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            with submitted_once(form, request.user) as receipt:
                inquiry = receipt.done(
                    start_inquiry(
                        request.user,
                        institution,
                        subject=form.cleaned_data["subject"],
                        body=form.cleaned_data["body"],
                        offering=form.cleaned_data["offering"],
                    )
                )
        except AlreadySubmitted as repeat:
            return show_first_result(request, repeat, reverse("services:inquiry_list"))
        except InquiryError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("咨询已发送，机构回复后会通知您。"))
            return redirect(inquiry)
    return _form_page(request, "services/inquiry_form.html", form, institution=institution)


@login_required
def inquiry_list(request):
    inquiries = (
        Inquiry.objects.visible_to(request.user)
        .select_related("enterprise", "institution__organisation", "offering")
        .annotate(
            unread=Count(
                "notifications",
                filter=Q(notifications__read_at__isnull=True, notifications__organisation=request.user.organisation),
            )
        )
        .order_by("-last_message_at", "-pk")
    )
    return render(request, "services/inquiry_list.html", {"page_obj": _page(request, inquiries, size=20)})


@login_required
def inquiry_detail(request, pk):
    inquiry = get_object_or_404(
        Inquiry.objects.visible_to(request.user).select_related("enterprise", "institution__organisation", "offering"),
        pk=pk,
    )
    side = inquiry.side_of(request.user)
    form = MessageForm(request.POST or None, can_quote=side == Side.INSTITUTION)
    if request.method == "POST" and form.is_valid():
        thread_end = reverse("services:inquiry_detail", args=[inquiry.pk]) + "#latest"
        try:
            with submitted_once(form, request.user) as receipt:
                post_message(
                    inquiry,
                    request.user,
                    body=form.cleaned_data["body"],
                    quote_amount=form.cleaned_data.get("quote_yuan"),
                )
                receipt.done(inquiry, url=thread_end)
        except AlreadySubmitted as repeat:
            return show_first_result(request, repeat, thread_end)
        except InquiryError as error:
            form.add_error(None, str(error))
        else:
            return redirect(thread_end)
    inbox.mark_read(request.user, inquiry=inquiry)
    thread = list(inquiry.messages.select_related("sender"))
    return _form_page(
        request,
        "services/inquiry_detail.html",
        form,
        inquiry=inquiry,
        thread=thread,
        side=side,
        orders=inquiry.orders.all(),
    )


# --- Orders -------------------------------------------------------------------------------------


@login_required
def order_create(request, pk):
    offering = get_object_or_404(Offering.objects.public().select_related("institution__organisation"), pk=pk)
    form = OrderForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with submitted_once(form, request.user) as receipt:
                order = receipt.done(
                    orders.place_order(
                        request.user,
                        offering=offering,
                        quantity=form.cleaned_data["quantity"],
                        requirements=form.cleaned_data["requirements"],
                    )
                )
        except AlreadySubmitted as repeat:
            return show_first_result(request, repeat, reverse("services:order_list"))
        except orders.OrderError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("订单已提交，等待机构确认。"))
            return redirect(order)
    return _form_page(request, "services/order_form.html", form, offering=offering, institution=offering.institution)


@login_required
def order_from_quote(request, pk):
    quote = get_object_or_404(
        InquiryMessage.objects.filter(inquiry__in=Inquiry.objects.visible_to(request.user)).select_related(
            "inquiry__institution__organisation", "inquiry__offering"
        ),
        pk=pk,
        quote_amount__isnull=False,
    )
    form = OrderForm(request.POST or None, fixed_quantity=True)
    if request.method == "POST" and form.is_valid():
        try:
            order = orders.place_order(request.user, quote=quote, requirements=form.cleaned_data["requirements"])
        except orders.AlreadyDone as done:
            messages.info(request, str(done))
            return redirect(done.order)
        except orders.OrderError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("订单已按报价提交，等待机构确认。"))
            return redirect(order)
    return _form_page(request, "services/order_form.html", form, quote=quote, institution=quote.inquiry.institution)


@login_required
def order_list(request):
    orders_qs = Order.objects.visible_to(request.user).select_related("enterprise", "institution__organisation")
    status = request.GET.get("status")
    if status in OrderStatus.values:
        orders_qs = orders_qs.filter(status=status)
    elif status == "open":
        orders_qs = orders_qs.filter(status__in=OPEN_STATUSES)
    return render(
        request,
        "services/order_list.html",
        {
            "page_obj": _page(request, orders_qs, size=20),
            "status": status,
            "statuses": OrderStatus.choices,
            "querystring": _querystring_without_page(request),
        },
    )


def _order_for(request, pk):
    """The order if the user may see it; 403 otherwise (order numbers are sequential, so they hide nothing)."""
    order = get_object_or_404(
        Order.objects.select_related("enterprise", "institution__organisation", "offering", "inquiry", "created_by"),
        pk=pk,
    )
    if not order.may_view(request.user):
        raise PermissionDenied(_("您无权查看该订单。"))
    return order


@login_required
def order_detail(request, pk):
    order = _order_for(request, pk)
    inbox.mark_read(request.user, order=order)
    return render_order(request, order)


def render_order(request, order, refused_form=None, status=200):
    """The order page; `refused_form` ({context name: bound form}) shows a refused form with what was typed."""
    actor = order.actor_for(request.user)
    actions = _actions_for(order, actor)
    review = Review.objects.filter(order=order).first()
    return render(
        request,
        "services/order_detail.html",
        {
            "order": order,
            "actor": actor,
            "actions": actions,
            "events": order.events.select_related("user"),
            "review": review,
            "review_form": ReviewForm() if order.may_review(request.user) else None,
            "reply_form": ReplyForm() if review and review.may_reply(request.user) else None,
            "reason_form": ReasonForm(),
            "note_form": NoteForm(),
            "payment_returned": request.GET.get("payment"),
            **payment_context(request, order, actor),
            **(refused_form or {}),
        },
        status=status,
    )


def report_outcome(request, call, success):
    """Runs `call()`, an action on an order, and tells how it went in a message: done now, done before (a
    repeated press), or refused with the domain's reason."""
    try:
        call()
    except orders.AlreadyDone as done:
        messages.info(request, str(done))
    except orders.OrderError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success)


# target status → (action name in the URL, button label, button style); labels lazy: made at import,
# shown in the reader's language
ACTION_BUTTONS = {
    OrderStatus.ACCEPTED: ("accept", gettext_lazy("接单"), "primary"),
    OrderStatus.DECLINED: ("decline", gettext_lazy("拒绝订单"), "outline-danger"),
    OrderStatus.DELIVERED: ("deliver", gettext_lazy("标记为已交付"), "primary"),
    OrderStatus.COMPLETED: ("complete", gettext_lazy("确认完成"), "success"),
    OrderStatus.DISPUTED: ("dispute", gettext_lazy("对交付提出异议"), "outline-danger"),
    OrderStatus.CANCELLED: ("cancel", gettext_lazy("取消订单"), "outline-secondary"),
}


def _actions_for(order, actor):
    """The buttons the user's side may press on the order page (staff resolve disputes in the admin)."""
    if actor not in (Actor.ENTERPRISE, Actor.INSTITUTION):
        return []
    actions = []
    for target in order.allowed_targets(actor):
        name, label, style = ACTION_BUTTONS[target]
        if order.refunds_on(target):
            label = _("取消订单并全额退款")
        actions.append({"name": name, "label": label, "style": style, "needs_reason": ORDER_ACTIONS[name][1]})
    return actions


ORDER_ACTIONS = {
    # action → (domain function, needs a reason, message)
    "accept": (orders.accept, False, gettext_lazy("已接单，等待企业付款。")),
    "decline": (orders.decline, True, gettext_lazy("已拒绝该订单。")),
    "cancel": (orders.cancel, True, gettext_lazy("订单已取消。")),
    "deliver": (orders.deliver, False, gettext_lazy("已标记为交付，等待企业确认。")),
    "complete": (orders.complete, False, gettext_lazy("订单已完成，欢迎评价本次服务。")),
    "dispute": (orders.dispute, True, gettext_lazy("已提交异议，平台将介入处理。")),
}


@login_required
@require_POST
def order_action(request, pk, action):
    order = _order_for(request, pk)
    if action not in ORDER_ACTIONS:
        raise Http404
    function, needs_reason, done = ORDER_ACTIONS[action]
    form = ReasonForm(request.POST) if needs_reason else NoteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请填写说明后再提交。"))
        return redirect(order)
    text = form.cleaned_data.get("reason") if needs_reason else form.cleaned_data.get("note")
    report_outcome(request, lambda: function(order, request.user, text or ""), str(done))
    return redirect(order)


@login_required
@require_POST
def order_pay(request, pk):
    order = _order_for(request, pk)
    base = request.build_absolute_uri(order.get_absolute_url())
    try:
        payment = orders.start_payment(
            order, request.user, success_url=f"{base}?payment=success", cancel_url=f"{base}?payment=cancelled"
        )
    except orders.AlreadyDone as done:
        messages.info(request, str(done))
        return redirect(order)
    except orders.OrderError as error:
        messages.error(request, str(error))
        return redirect(order)
    if not payment.checkout_url.startswith(("https://", "http://")):
        messages.error(request, _("支付服务返回了无效的付款地址，请稍后再试。"))
        return redirect(order)
    return redirect(payment.checkout_url)


@login_required
@require_POST
def review_create(request, pk):
    order = _order_for(request, pk)
    tell_outcome(
        request,
        ReviewForm(request.POST),
        lambda data: reviews.leave_review(order, request.user, rating=data["rating"], body=data["body"]),
        reviews.ReviewError,
        _("感谢您的评价。"),
        _("请选择评分并填写评价内容。"),
    )
    return redirect(order)


@login_required
@require_POST
def review_reply(request, pk):
    review = get_object_or_404(Review.objects.filter(order__in=Order.objects.visible_to(request.user)), pk=pk)
    tell_outcome(
        request,
        ReplyForm(request.POST),
        lambda data: reviews.reply_to_review(review, request.user, data["reply"]),
        reviews.ReviewError,
        _("回复已发布。"),
        _("回复内容不能为空。"),
    )
    return redirect(review.order)


# --- Inbox and dashboard ------------------------------------------------------------------------


@login_required
def inbox_list(request):
    entries = Notification.objects.for_user(request.user)
    return render(request, "services/inbox.html", {"page_obj": _page(request, entries, size=30)})


@login_required
def notification_open(request, pk):
    notification = get_object_or_404(Notification.objects.for_user(request.user), pk=pk)
    inbox.mark_read(request.user, notification_ids=[notification.pk])
    if notification.url and url_has_allowed_host_and_scheme(notification.url, allowed_hosts={request.get_host()}):
        return redirect(notification.url)
    return redirect("services:inbox")


@login_required
@require_POST
def inbox_read_all(request):
    inbox.mark_all_read(request.user)
    messages.success(request, _("全部消息已标为已读。"))
    return redirect("services:inbox")


@login_required
def dashboard(request):
    organisation = request.user.organisation
    if organisation is None:
        return render(request, "services/dashboard.html", {"organisation": None})
    institution = _my_institution(request.user)
    if organisation.is_institution:
        order_scope = Order.objects.filter(institution__organisation=organisation)
        inquiry_scope = Inquiry.objects.filter(institution__organisation=organisation)
        pending_statuses = [OrderStatus.REQUESTED, OrderStatus.PAID]
    else:
        order_scope = Order.objects.filter(enterprise=organisation)
        inquiry_scope = Inquiry.objects.filter(enterprise=organisation)
        pending_statuses = [OrderStatus.ACCEPTED, OrderStatus.DELIVERED]
    counts = order_scope.aggregate(
        open=Count("pk", filter=Q(status__in=OPEN_STATUSES)),
        pending=Count("pk", filter=Q(status__in=pending_statuses)),
        completed=Count("pk", filter=Q(status=OrderStatus.COMPLETED)),
    )
    unread = Notification.objects.filter(organisation=organisation, read_at__isnull=True)
    context = {
        "organisation": organisation,
        "institution": institution,
        "may_apply": institutions.may_apply(request.user),
        "counts": counts,
        "unread_count": unread.count(),
        "unread_inquiries": unread.filter(inquiry__isnull=False).values("inquiry").distinct().count(),
        "recent_orders": order_scope.select_related("enterprise", "institution__organisation")[:8],
        "recent_inquiries": inquiry_scope.select_related("enterprise", "institution__organisation")[:8],
        "notifications": Notification.objects.filter(organisation=organisation)[:8],
        "payments": None,
    }
    if organisation.is_enterprise:
        context["payments"] = Payment.objects.filter(organisation=organisation)[:8]
    if institution is not None:
        context["offering_counts"] = institution.offerings.aggregate(
            published=Count("pk", filter=Q(status=Offering.Status.PUBLISHED)),
            draft=Count("pk", filter=Q(status=Offering.Status.DRAFT)),
        )
        context["recent_reviews"] = institution.reviews.select_related("order__enterprise")[:5]
        context["unreplied_reviews"] = institution.reviews.visible().filter(reply="").count()
    return render(request, "services/dashboard.html", context)
