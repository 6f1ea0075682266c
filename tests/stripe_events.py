"""Webhook payloads signed exactly as Stripe signs them (t=timestamp, v1=HMAC-SHA256 of "t.payload")."""

import hashlib
import hmac
import json
import time
import uuid


def sign(payload, secret, timestamp=None):
    timestamp = int(timestamp or time.time())
    signature = hmac.new(secret.encode(), f"{timestamp}.{payload}".encode(), hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={signature}"


def checkout_event(event_type, payment, *, payment_status="paid", payment_intent="pi_test_123", event_id=None):
    return {
        "id": event_id or f"evt_{uuid.uuid4().hex[:24]}",
        "object": "event",
        "type": event_type,
        "data": {
            "object": {
                "id": payment.checkout_session_id or "cs_test_123",
                "object": "checkout.session",
                "client_reference_id": str(payment.pk),
                "metadata": {"payment_id": str(payment.pk)},
                "payment_status": payment_status,
                "payment_intent": payment_intent,
                "amount_total": payment.amount,
                "currency": payment.currency,
            }
        },
    }


def post_event(client, event, secret, *, signature=None):
    payload = json.dumps(event)
    return client.post(
        "/payments/stripe/webhook/",
        data=payload,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=signature if signature is not None else sign(payload, secret),
    )
