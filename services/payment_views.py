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
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from openpyxl import Workbook

from accounts.roles import VIEW_PAYMENTS
from core.spreadsheets import safe_row
from core.uploads import serve_private_file
from payments.models import Refund

from . import orders
from .forms import InvoiceIssueForm, InvoiceRequestForm, ReasonForm, RefundTransferForm, TransferForm
from .models import Actor, Invoice
from .views import _order_for, render_order


def _report(request, call, success):
    try:
        call()
    except orders.AlreadyDone as done:
        messages.info(request, str(done))
    except orders.OrderError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success)


def _submit(request, order, form_name, form, call, success):
    """Runs `call(cleaned_data)` for a valid form; a refused form comes back on the order page with what was
    typed and the reason beside it, so nothing is lost."""
    if form.is_valid():
        try:
            call(form.cleaned_data)
        except orders.AlreadyDone as done:
            messages.info(request, str(done))
            return redirect(order)
        except orders.OrderError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, success)
            return redirect(order)
    return render_order(request, order, {form_name: form}, status=400)


@login_required
@require_POST
def transfer_record(request, pk):
    order = _order_for(request, pk)
    return _submit(
        request,
        order,
        "transfer_form",
        TransferForm(request.POST, request.FILES),
        lambda data: orders.record_transfer(order, request.user, **data),
        _("转账已登记，机构核对到账后确认收款。"),
    )


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
    return _submit(
        request,
        order,
        "reject_form",
        ReasonForm(request.POST),
        lambda data: orders.reject_transfer(order, payment, request.user, data["reason"]),
        _("已告知企业未收到转账。"),
    )


def _order_with_private_files(request, pk):
    """The order, for its two parties and finance only: receipts and invoices are not for the platform's
    other staff."""
    order = _order_for(request, pk)
    parties = (Actor.ENTERPRISE, Actor.INSTITUTION)
    if order.actor_for(request.user) not in parties and not request.user.has_perm(VIEW_PAYMENTS):
        raise PermissionDenied
    return order


@login_required
def transfer_receipt(request, pk, payment_pk):
    order = _order_with_private_files(request, pk)
    return serve_private_file(_transfer(order, payment_pk).receipt)


@login_required
@require_POST
def refund_record(request, pk):
    order = _order_for(request, pk)
    return _submit(
        request,
        order,
        "refund_form",
        RefundTransferForm(request.POST, request.FILES),
        lambda data: orders.record_refund_transfer(order, request.user, **data),
        _("退款转账已登记，待企业确认收到。"),
    )


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
    order = _order_with_private_files(request, pk)
    return serve_private_file(_refund(order, refund_pk).receipt)


@login_required
@require_POST
def invoice_request(request, pk):
    order = _order_for(request, pk)
    return _submit(
        request,
        order,
        "invoice_form",
        InvoiceRequestForm(request.POST),
        lambda data: orders.request_invoice(order, request.user, **data),
        _("发票申请已提交。"),
    )


@login_required
@require_POST
def invoice_issue(request, pk):
    order = _order_for(request, pk)
    invoice = get_object_or_404(Invoice, order=order)
    return _submit(
        request,
        order,
        "issue_form",
        InvoiceIssueForm(request.POST, request.FILES),
        lambda data: orders.issue_invoice(invoice, request.user, **data),
        _("已登记开票，企业可下载发票。"),
    )


@login_required
def invoice_file(request, pk):
    order = _order_with_private_files(request, pk)
    invoice = get_object_or_404(Invoice, order=order)
    if not invoice.is_issued:
        raise Http404
    return serve_private_file(invoice.file)


INVOICE_COLUMNS = (
    ("order", gettext_lazy("订单号")),
    ("enterprise", gettext_lazy("下单企业")),
    ("institution", gettext_lazy("服务机构")),
    ("kind", gettext_lazy("发票类型")),
    ("title", gettext_lazy("发票抬头")),
    ("tax_number", gettext_lazy("纳税人识别号")),
    ("amount", gettext_lazy("开票金额")),
    ("status", gettext_lazy("状态")),
    ("requested_at", gettext_lazy("申请时间")),
    ("number", gettext_lazy("发票号码")),
    ("issued_on", gettext_lazy("开票日期")),
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
