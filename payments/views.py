import json
import logging

import stripe
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .checkout import handle_event
from .forms import BankAccountForm
from .models import BankAccount, Payment
from .transfers import set_bank_account

logger = logging.getLogger(__name__)


@csrf_exempt
@require_POST
def stripe_webhook(request):
    """Stripe calls this; only a correctly signed event changes anything."""
    if not settings.STRIPE_WEBHOOK_SECRET:
        return JsonResponse({"error": "webhook secret is not configured"}, status=503)
    signature = request.headers.get("Stripe-Signature")
    if not signature:
        return JsonResponse({"error": "missing Stripe-Signature header"}, status=400)
    try:
        stripe.WebhookSignature.verify_header(
            request.body.decode("utf-8"), signature, settings.STRIPE_WEBHOOK_SECRET, tolerance=300
        )
        event = json.loads(request.body)
    except stripe.SignatureVerificationError:
        return JsonResponse({"error": "invalid signature"}, status=400)
    except (UnicodeDecodeError, ValueError):
        return JsonResponse({"error": "payload is not JSON"}, status=400)
    if not isinstance(event, dict) or not {"id", "type", "data"} <= event.keys():
        return JsonResponse({"error": "payload is not a Stripe event"}, status=400)
    outcome = handle_event(event)
    logger.info("Stripe event %s (%s): %s", event["id"], event["type"], outcome)
    return JsonResponse({"received": True, "outcome": outcome})


@login_required
def payment_detail(request, pk):
    payment = get_object_or_404(Payment.objects.visible_to(request.user), pk=pk)
    return render(request, "payments/payment_detail.html", {"payment": payment})


@login_required
def bank_account(request):
    """The receiving account of the user's institution: members read it, its administrators (owners) change it."""
    organisation = request.user.organisation
    if organisation is None or not organisation.is_institution:
        raise Http404
    account = BankAccount.objects.filter(organisation=organisation).first()
    may_edit = organisation.can_manage(request.user)
    form = BankAccountForm(request.POST or None, instance=account)
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied(_("只有组织负责人可以修改收款账户。"))
        if form.is_valid():
            set_bank_account(organisation, request.user, form)
            messages.success(request, _("收款账户已保存。"))
            return redirect("payments:bank_account")
    return render(
        request,
        "payments/bank_account.html",
        {"form": form if may_edit else None, "account": account, "organisation": organisation},
    )
