"""The order page's payment part: bank transfer recorded and confirmed, refunds by transfer, invoices.

Each view fetches the order through `views._order_for` (403 for someone else's order), then the record of
the order its URL names (404 when the order has no such record), and calls one domain function of
`services.orders`, which decides who may act. `order_form`, `order_button` and `private_order_file` are
those steps, said once.
"""

from functools import partial, wraps

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
from payments.models import RECEIPT, Refund

from . import orders
from .forms import InvoiceIssueForm, InvoiceRequestForm, ReasonForm, RefundTransferForm, TransferForm
from .models import Actor, Invoice
from .views import _order_for, render_order, report_outcome


def _transfer(order, payment_pk):
    return get_object_or_404(orders.transfers_of(order), pk=payment_pk)


def _refund(order, refund_pk):
    return get_object_or_404(Refund.objects.filter(payment__in=orders.payments_of(order)), pk=refund_pk)


def _invoice(order):
    return get_object_or_404(Invoice, order=order)


def _issued_invoice(order):
    invoice = _invoice(order)
    if not invoice.is_issued:
        raise Http404
    return invoice


def _found(order, find, ids):
    """The order's record the URL names (`find(order, **ids)`), as the arguments it adds to the action."""
    return () if find is None else (find(order, **ids),)


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


def order_form(form_name, form_class, success, find=None):
    """The decorated `act(order, user[, found], cleaned_data)` becomes the view a form of the order page
    posts to; `form_name` is the form's name in the page's context, where a refused form is shown again."""

    def decorate(act):
        @wraps(act)
        @login_required
        @require_POST
        def view(request, pk, **ids):
            order = _order_for(request, pk)
            form = form_class(request.POST, request.FILES)
            call = partial(act, order, request.user, *_found(order, find, ids))
            return _submit(request, order, form_name, form, call, str(success))

        return view

    return decorate


def order_button(act, find, success):
    """The view a button of the order page posts to: `act(order, found, user)` on the order's record the URL
    names; the outcome is told in a message on the order page."""

    @login_required
    @require_POST
    def view(request, pk, **ids):
        order = _order_for(request, pk)
        report_outcome(request, partial(act, order, find(order, **ids), request.user), str(success))
        return redirect(order)

    return view


def private_order_file(find, fields):
    """The download of a private file (`fields`, a `core.attachments.FileFields`) of the order's record the URL
    names, under its original name, for the order's two parties and finance only: receipts and invoices are
    not for the platform's other staff."""

    @login_required
    def view(request, pk, **ids):
        order = _order_for(request, pk)
        parties = (Actor.ENTERPRISE, Actor.INSTITUTION)
        if order.actor_for(request.user) not in parties and not request.user.has_perm(VIEW_PAYMENTS):
            raise PermissionDenied
        return fields.download(find(order, **ids))

    return view


@order_form("transfer_form", TransferForm, gettext_lazy("转账已登记，机构核对到账后确认收款。"))
def transfer_record(order, user, data):
    orders.record_transfer(order, user, **data)


transfer_confirm = order_button(orders.confirm_transfer, _transfer, gettext_lazy("已确认收款，订单已付款。"))


@order_form("reject_form", ReasonForm, gettext_lazy("已告知企业未收到转账。"), find=_transfer)
def transfer_reject(order, user, payment, data):
    orders.reject_transfer(order, payment, user, data["reason"])


transfer_receipt = private_order_file(_transfer, RECEIPT)


@order_form("refund_form", RefundTransferForm, gettext_lazy("退款转账已登记，待企业确认收到。"))
def refund_record(order, user, data):
    orders.record_refund_transfer(order, user, **data)


refund_confirm = order_button(orders.confirm_refund, _refund, gettext_lazy("已确认收到退款。"))


refund_receipt = private_order_file(_refund, RECEIPT)


@order_form("invoice_form", InvoiceRequestForm, gettext_lazy("发票申请已提交。"))
def invoice_request(order, user, data):
    orders.request_invoice(order, user, **data)


@order_form("issue_form", InvoiceIssueForm, gettext_lazy("已登记开票，企业可下载发票。"), find=_invoice)
def invoice_issue(order, user, invoice, data):
    orders.issue_invoice(invoice, user, **data)


invoice_file = private_order_file(_issued_invoice, Invoice.FILE)


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
