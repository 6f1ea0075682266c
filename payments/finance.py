"""Finance's view of the money: every payment and refund by method and status, filtered by period, payee
(institution) and method, with totals; the XLSX export writes the same rows through `core.spreadsheets`."""

from dataclasses import dataclass
from datetime import datetime, time

from django import forms
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook

from accounts.models import Organisation
from core.forms import StyledFormMixin
from core.spreadsheets import safe_row

from .models import Method, Payment, Refund


class FinanceFilterForm(StyledFormMixin, forms.Form):
    optional_empty_label = _("全部")

    start = forms.DateField(label=_("起始日期"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("截止日期"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    payee = forms.ModelChoiceField(
        label=_("收款机构"), required=False, queryset=Organisation.objects.filter(kind=Organisation.Kind.INSTITUTION)
    )
    method = forms.ChoiceField(label=_("付款方式"), required=False, choices=[("", _("全部")), *Method.choices])


@dataclass
class Report:
    payments: list
    refunds: list
    paid_total: int
    refunded_total: int

    @property
    def net_total(self):
        return self.paid_total - self.refunded_total


# A payment counts as received once paid (a refunded one was received, then went back as its refunds).
RECEIVED = (Payment.Status.PAID, Payment.Status.REFUNDED)


def _bounds(start, end):
    zone = timezone.get_current_timezone()
    low = timezone.make_aware(datetime.combine(start, time.min), zone) if start else None
    high = timezone.make_aware(datetime.combine(end, time.max), zone) if end else None
    return low, high


def report(*, start=None, end=None, payee=None, method=None):
    """Payments received in the period (by `paid_at`) and refunds made in it (by `created_at`)."""
    low, high = _bounds(start, end)
    payments = Payment.objects.select_related("organisation", "payee", "user").order_by("paid_at", "pk")
    refunds = Refund.objects.select_related("payment__organisation", "payment__payee", "created_by")
    if low:
        payments, refunds = payments.filter(paid_at__gte=low), refunds.filter(created_at__gte=low)
    if high:
        payments, refunds = payments.filter(paid_at__lte=high), refunds.filter(created_at__lte=high)
    if payee:
        payments, refunds = payments.filter(payee=payee), refunds.filter(payment__payee=payee)
    if method:
        payments, refunds = payments.filter(method=method), refunds.filter(payment__method=method)
    received = payments.filter(status__in=RECEIVED)
    return Report(
        payments=list(payments.exclude(paid_at=None)),
        refunds=list(refunds.order_by("created_at", "pk")),
        paid_total=received.aggregate(total=Sum("amount"))["total"] or 0,
        refunded_total=refunds.aggregate(total=Sum("amount"))["total"] or 0,
    )


def _when(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def workbook(result):
    book = Workbook()
    sheet = book.active
    sheet.title = str(_("收款"))
    sheet.append(
        safe_row(
            [str(x) for x in (_("付款时间"), _("说明"), _("付款组织"), _("收款组织"), _("付款方式"), _("状态"))]
            + [str(_("金额")), str(_("币种")), str(_("付款附言"))]
        )
    )
    for payment in result.payments:
        sheet.append(
            safe_row(
                [
                    _when(payment.paid_at),
                    payment.description,
                    str(payment.organisation or ""),
                    str(payment.payee or ""),
                    payment.get_method_display(),
                    payment.get_status_display(),
                    payment.amount / 100,
                    payment.currency.upper(),
                    payment.reference,
                ]
            )
        )
    sheet.append(safe_row([str(_("合计")), "", "", "", "", "", result.paid_total / 100]))
    refunds = book.create_sheet(str(_("退款")))
    refunds.append(
        safe_row([str(x) for x in (_("退款时间"), _("说明"), _("付款组织"), _("收款组织"), _("付款方式"))])
        + safe_row([str(x) for x in (_("状态"), _("金额"), _("退款原因"), _("经办人"), _("确认收到时间"))])
    )
    for refund in result.refunds:
        refunds.append(
            safe_row(
                [
                    _when(refund.created_at),
                    refund.payment.description,
                    str(refund.payment.organisation or ""),
                    str(refund.payment.payee or ""),
                    refund.payment.get_method_display(),
                    refund.get_status_display(),
                    refund.amount / 100,
                    refund.reason,
                    str(refund.created_by or ""),
                    _when(refund.confirmed_at),
                ]
            )
        )
    refunds.append(safe_row([str(_("合计")), "", "", "", "", "", result.refunded_total / 100]))
    summary = book.create_sheet(str(_("汇总")))
    for label, value in ((_("收款合计"), result.paid_total), (_("退款合计"), result.refunded_total)):
        summary.append(safe_row([str(label), value / 100]))
    summary.append(safe_row([str(_("净收款")), result.net_total / 100]))
    return book
