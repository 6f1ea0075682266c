"""Finance screens in the Wagtail admin: the payments and refunds report with its XLSX export, and a
Stripe refund (in full or in part) by holders of `payments.refund_payment`."""

from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.roles import REFUND_PAYMENTS, VIEW_PAYMENTS

from . import finance
from .checkout import PaymentError, refund_as_finance
from .models import Payment
from .money import format_amount


def _require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


def report(request):
    _require(request, VIEW_PAYMENTS)
    form = finance.FinanceFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    result = finance.report(**{k: v for k, v in filters.items() if v})
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        response["Content-Disposition"] = f'attachment; filename="payments-{timezone.localdate():%Y%m%d}.xlsx"'
        finance.workbook(result).save(response)
        return response
    return render(
        request,
        "payments/admin/finance.html",
        {
            "form": form,
            "result": result,
            "paid_total": format_amount(result.paid_total),
            "refunded_total": format_amount(result.refunded_total),
            "net_total": format_amount(result.net_total),
            "may_refund": request.user.has_perm(REFUND_PAYMENTS),
            "querystring": request.GET.urlencode(),
        },
    )


@require_POST
def refund(request, pk):
    _require(request, REFUND_PAYMENTS)
    payment = get_object_or_404(Payment, pk=pk)
    try:
        amount = int((Decimal(request.POST.get("amount", "")) * 100).to_integral_value())
    except InvalidOperation:
        messages.error(request, _("请填写退款金额。"))
        return redirect("payments_admin:report")
    try:
        refund_as_finance(payment, request.user, amount=amount, reason=request.POST.get("reason", ""))
    except PaymentError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("退款已通过 Stripe 提交。"))
    return redirect("payments_admin:report")
