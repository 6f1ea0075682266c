"""Telling the applicant what happened to a filing: an organisation's filing reaches its members through
the platform's inbox (and e-mail); a person's own filing reaches them by e-mail."""

from django.utils.translation import gettext as _

from core.mail import send_templated_mail


def notify_applicant(filing, step_label, note=""):
    from services.inbox import notify

    title = _("%(kind)s“%(title)s”：%(step)s") % {
        "kind": filing.get_kind_display(),
        "title": filing.work_title,
        "step": step_label,
    }
    url = filing.get_absolute_url()
    if filing.organisation_id is not None:
        notify(filing.organisation, title, body=note, url=url)
        return
    if filing.applicant.email:
        send_templated_mail(
            "services/email/notification",
            [filing.applicant.email],
            {"organisation_name": filing.applicant.get_full_name(), "title": title[:200], "body": note, "path": url},
        )
