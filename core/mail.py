"""E-mail that survives a failing mail server: sent by a retried task after the transaction commits."""

import logging

from django.db import transaction

logger = logging.getLogger(__name__)


def send_templated_mail(template_prefix, recipients, context):
    """Queue `<prefix>_subject.txt` and `<prefix>_message.txt` rendered with `context` to `recipients`.

    The context must be JSON-serialisable: it travels through the task queue.
    """
    transaction.on_commit(lambda: _enqueue(template_prefix, list(recipients), context))


def _enqueue(template_prefix, recipients, context):
    from .tasks import send_templated_mail_task

    try:
        send_templated_mail_task.delay(template_prefix, recipients, context)
    except Exception:
        # Inline (eager) tasks raise here; the user's action has already committed and must not fail.
        logger.exception("Could not send %s to %s", template_prefix, recipients)
