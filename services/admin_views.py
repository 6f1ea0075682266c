"""Staff screens inside the Wagtail admin: institution applications, order disputes, review moderation.

The URLs are added under /admin/ by wagtail_hooks, so Wagtail's admin-access check applies; each view
also checks the named permission of `accounts.roles` it needs. Every action calls the same domain functions as the site.
"""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.roles import HANDLE_ORDER_DISPUTES, MODERATE_REVIEWS, REVIEW_INSTITUTIONS

from . import institutions, orders, reviews
from .models import Institution, Order, OrderStatus, Review


def staff_permission(permission):
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.has_perm(permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


@staff_permission(REVIEW_INSTITUTIONS)
def applications(request):
    status = request.GET.get("status") or Institution.Status.PENDING
    if status not in Institution.Status.values and status != "all":
        status = Institution.Status.PENDING
    queryset = Institution.objects.select_related("organisation", "district").order_by("-submitted_at", "-pk")
    if status != "all":
        queryset = queryset.filter(status=status)
    counts = dict(Institution.objects.values_list("status").annotate(n=Count("pk")).order_by())
    tabs = [(value, label, counts.get(value, 0)) for value, label in Institution.Status.choices]
    return render(
        request,
        "services/admin/applications.html",
        {
            "page_obj": Paginator(queryset, 30).get_page(request.GET.get("page")),
            "status": status,
            "tabs": tabs,
        },
    )


@staff_permission(REVIEW_INSTITUTIONS)
def application_detail(request, pk):
    institution = get_object_or_404(
        Institution.objects.select_related("organisation", "district").prefetch_related("categories"), pk=pk
    )
    return render(
        request,
        "services/admin/application_detail.html",
        {
            "institution": institution,
            "documents": institution.documents.all(),
            "events": institution.events.select_related("actor"),
            "members": institution.organisation.memberships.select_related("user"),
        },
    )


APPLICATION_ACTIONS = {
    "approve": (institutions.approve, gettext_lazy("已通过“%(name)s”的入驻申请。")),
    "reject": (institutions.reject, gettext_lazy("已驳回“%(name)s”的入驻申请。")),
    "suspend": (institutions.suspend, gettext_lazy("已暂停“%(name)s”的展示。")),
    "reinstate": (institutions.reinstate, gettext_lazy("已恢复“%(name)s”的展示。")),
    "house": (
        lambda institution, user, _reason: institutions.set_in_service_centre(institution, user, True),
        gettext_lazy("已将“%(name)s”设为入驻知识产权服务中心。"),
    ),
    "unhouse": (
        lambda institution, user, _reason: institutions.set_in_service_centre(institution, user, False),
        gettext_lazy("已取消“%(name)s”的服务中心入驻标记。"),
    ),
}


@staff_permission(REVIEW_INSTITUTIONS)
@require_POST
def application_action(request, pk, action):
    institution = get_object_or_404(Institution.objects.select_related("organisation"), pk=pk)
    if action not in APPLICATION_ACTIONS:
        raise Http404
    function, done = APPLICATION_ACTIONS[action]
    try:
        function(institution, request.user, request.POST.get("reason", ""))
    except institutions.AlreadyDone as done:
        messages.info(request, str(done))
    except institutions.InstitutionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, done % {"name": institution.name})
    return redirect("services_admin:application_detail", pk=institution.pk)


@staff_permission(HANDLE_ORDER_DISPUTES)
def disputes(request):
    status = request.GET.get("status") or OrderStatus.DISPUTED
    queryset = Order.objects.select_related("enterprise", "institution__organisation")
    if status in OrderStatus.values:
        queryset = queryset.filter(status=status)
    return render(
        request,
        "services/admin/disputes.html",
        {
            "page_obj": Paginator(queryset, 30).get_page(request.GET.get("page")),
            "status": status,
            "statuses": OrderStatus.choices,
        },
    )


@staff_permission(HANDLE_ORDER_DISPUTES)
def dispute_detail(request, pk):
    order = get_object_or_404(Order.objects.select_related("enterprise", "institution__organisation"), pk=pk)
    return render(
        request,
        "services/admin/dispute_detail.html",
        {"order": order, "events": order.events.select_related("user"), "payments": orders.payments_of(order)},
    )


@staff_permission(HANDLE_ORDER_DISPUTES)
@require_POST
def dispute_resolve(request, pk):
    order = get_object_or_404(Order, pk=pk)
    refund_enterprise = request.POST.get("outcome") == "refund"
    try:
        orders.resolve_dispute(
            order, request.user, refund_enterprise=refund_enterprise, note=request.POST.get("note", "")
        )
    except orders.OrderError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("争议已处理：订单%(outcome)s。") % {"outcome": _("已退款") if refund_enterprise else _("已完成")}
        )
    return redirect("services_admin:dispute_detail", pk=order.pk)


@staff_permission(MODERATE_REVIEWS)
def review_list(request):
    queryset = Review.objects.select_related("institution__organisation", "order__enterprise")
    if request.GET.get("hidden") == "1":
        queryset = queryset.filter(is_hidden=True)
    return render(
        request,
        "services/admin/reviews.html",
        {"page_obj": Paginator(queryset, 30).get_page(request.GET.get("page")), "hidden": request.GET.get("hidden")},
    )


@staff_permission(MODERATE_REVIEWS)
@require_POST
def review_moderate(request, pk):
    review = get_object_or_404(Review.objects.select_related("institution"), pk=pk)
    try:
        if request.POST.get("action") == "show":
            reviews.show_review(review, request.user)
            messages.success(request, _("评价已恢复显示。"))
        else:
            reviews.hide_review(review, request.user, request.POST.get("reason", ""))
            messages.success(request, _("评价已隐藏。"))
    except reviews.ReviewError as error:
        messages.error(request, str(error))
    return redirect("services_admin:reviews")
