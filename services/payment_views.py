"""The order page's payment part: bank transfer recorded and confirmed, refunds by transfer, invoices.

Each view fetches the order through `views._order_for` (403 for someone else's order) and calls one
domain function of `services.orders`, which decides who may act.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from openpyxl import Workbook

from accounts.roles import VIEW_PAYMENTS
from core.spreadsheets import safe_row
from core.uploads import serve_private_file
from payments.models import Refund

from . import orders
from .forms import InvoiceIssueForm, InvoiceRequestForm, ReasonForm, RefundTransferForm, TransferForm
from .models import Actor, Invoice
from .views import _order_for


def _report(request, call, success):
    try:
        call()
    except orders.AlreadyDone as done:
        messages.info(request, str(done))
    except orders.OrderError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success)


def _form_errors(request, form):
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)


@login_required
@require_POST
def transfer_record(request, pk):
    order = _order_for(request, pk)
    form = TransferForm(request.POST, request.FILES)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect(order)
    data = form.cleaned_data
    _report(
        request,
        lambda: orders.record_transfer(
            order,
            request.user,
            amount=data["amount"],
            transfer_date=data["transfer_date"],
            payer_bank=data["payer_bank"],
            receipt=data["receipt"],
        ),
        _("转账已登记，机构核对到账后确认收款。"),
    )
    return redirect(order)


def _transfer(order, payment_pk):
    return get_object_or_404(orders.transfers_of(order), pk=payment_pk)


@login_required
@require_POST
def transfer_confirm(request, pk, payment_pk):
    order = _order_for(request, pk)
    payment = _transfer(order, payment_pk)
    _report(request, lambda: orders.confirm_transfer(order, payment, request.user), _("已确认收款，订单已付款。"))
    return redirect(order)


@login_required
@require_POST
def transfer_reject(request, pk, payment_pk):
    order = _order_for(request, pk)
    payment = _transfer(order, payment_pk)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请说明未收到款项的情况。"))
        return redirect(order)
    _report(
        request,
        lambda: orders.reject_transfer(order, payment, request.user, form.cleaned_data["reason"]),
        _("已告知企业未收到转账。"),
    )
    return redirect(order)


def _may_read_private(request, order):
    return order.actor_for(request.user) in (Actor.ENTERPRISE, Actor.INSTITUTION) or request.user.has_perm(
        VIEW_PAYMENTS
    )


@login_required
def transfer_receipt(request, pk, payment_pk):
    order = _order_for(request, pk)
    if not _may_read_private(request, order):
        raise PermissionDenied
    return serve_private_file(_transfer(order, payment_pk).receipt)


@login_required
@require_POST
def refund_record(request, pk):
    order = _order_for(request, pk)
    form = RefundTransferForm(request.POST, request.FILES)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect(order)
    data = form.cleaned_data
    _report(
        request,
        lambda: orders.record_refund_transfer(
            order,
            request.user,
            amount=data["amount"],
            reason=data["reason"],
            transfer_date=data["transfer_date"],
            receipt=data["receipt"],
        ),
        _("退款转账已登记，待企业确认收到。"),
    )
    return redirect(order)


def _refund(order, refund_pk):
    return get_object_or_404(Refund.objects.filter(payment__in=orders.payments_of(order)), pk=refund_pk)


@login_required
@require_POST
def refund_confirm(request, pk, refund_pk):
    order = _order_for(request, pk)
    refund_row = _refund(order, refund_pk)
    _report(request, lambda: orders.confirm_refund(order, refund_row, request.user), _("已确认收到退款。"))
    return redirect(order)


@login_required
def refund_receipt(request, pk, refund_pk):
    order = _order_for(request, pk)
    if not _may_read_private(request, order):
        raise PermissionDenied
    return serve_private_file(_refund(order, refund_pk).receipt)


@login_required
@require_POST
def invoice_request(request, pk):
    order = _order_for(request, pk)
    form = InvoiceRequestForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect(order)
    _report(request, lambda: orders.request_invoice(order, request.user, **form.cleaned_data), _("发票申请已提交。"))
    return redirect(order)


@login_required
@require_POST
def invoice_issue(request, pk):
    order = _order_for(request, pk)
    invoice = get_object_or_404(Invoice, order=order)
    form = InvoiceIssueForm(request.POST, request.FILES)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect(order)
    _report(
        request,
        lambda: orders.issue_invoice(invoice, request.user, **form.cleaned_data),
        _("已登记开票，企业可下载发票。"),
    )
    return redirect(order)


@login_required
def invoice_file(request, pk):
    order = _order_for(request, pk)
    if not _may_read_private(request, order):
        raise PermissionDenied
    invoice = get_object_or_404(Invoice, order=order)
    if not invoice.is_issued:
        raise Http404
    return serve_private_file(invoice.file)


INVOICE_COLUMNS = (
    ("order", _("订单号")),
    ("enterprise", _("下单企业")),
    ("institution", _("服务机构")),
    ("kind", _("发票类型")),
    ("title", _("发票抬头")),
    ("tax_number", _("纳税人识别号")),
    ("amount", _("开票金额")),
    ("status", _("状态")),
    ("requested_at", _("申请时间")),
    ("number", _("发票号码")),
    ("issued_on", _("开票日期")),
)


def _invoice_row(invoice):
    return [
        invoice.order.number,
        invoice.order.enterprise.name,
        invoice.order.institution.name,
        invoice.get_kind_display(),
        invoice.title,
        invoice.tax_number,
        invoice.amount / 100,
        invoice.get_status_display(),
        timezone.localtime(invoice.requested_at).strftime("%Y-%m-%d %H:%M"),
        invoice.number,
        invoice.issued_on.isoformat() if invoice.issued_on else "",
    ]


@login_required
def invoice_list(request):
    """The invoices of the user's organisation, as requester or issuer (every one for finance); XLSX export."""
    invoices = Invoice.objects.visible_to(request.user).select_related(
        "order__enterprise", "order__institution__organisation"
    )
    status = request.GET.get("status")
    if status in Invoice.Status.values:
        invoices = invoices.filter(status=status)
    if request.GET.get("format") == "xlsx":
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = str(_("发票"))
        sheet.append(safe_row([str(label) for _name, label in INVOICE_COLUMNS]))
        for invoice in invoices:
            sheet.append(safe_row(_invoice_row(invoice)))
        response = HttpResponse(content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        response["Content-Disposition"] = f'attachment; filename="invoices-{timezone.localdate():%Y%m%d}.xlsx"'
        workbook.save(response)
        return response
    return render(
        request,
        "services/invoice_list.html",
        {"invoices": invoices, "status": status, "statuses": Invoice.Status.choices},
    )
