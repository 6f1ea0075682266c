"""Telling the people of a request what happened: the owner organisation and the assigned institution on
the site and by e-mail (services' inbox), a department's people and the managing staff by e-mail."""

from django.utils.translation import gettext as _

from accounts.roles import MANAGE_EVALUATIONS, holders_of
from core.mail import send_templated_mail
from services.inbox import notify

from .models import DepartmentMember, Step


def _mail(emails, name, title, body, url):
    emails = sorted(set(filter(None, emails)))
    if emails:
        send_templated_mail(
            "services/email/notification",
            emails,
            {"organisation_name": name, "title": title, "body": body, "path": url},
        )


def _title(request, step_name):
    return _("知识产权评议“%(project)s”：%(step)s") % {"project": request.project_name, "step": Step(step_name).label}


def tell_owner(request, title, body=""):
    url = request.get_absolute_url()
    if request.organisation_id is not None:
        notify(request.organisation, title, body=body, url=url)
    else:
        emails = DepartmentMember.objects.filter(unit=request.unit, user__is_active=True)
        _mail(emails.values_list("user__email", flat=True), request.unit.name, title, body, url)


def tell_managers(request, title, body=""):
    _mail(
        holders_of(MANAGE_EVALUATIONS).values_list("email", flat=True),
        _("评议管理人员"),
        title,
        body,
        request.get_absolute_url(),
    )


def tell_parties(move):
    """After each step: the owner and the institution now assigned; staff when a request needs assigning."""
    request = move.record
    title = _title(request, move.step.name)
    tell_owner(request, title, move.note)
    if request.institution_id is not None:
        notify(request.institution.organisation, title, body=move.note, url=request.get_absolute_url())
    if move.step.name == Step.DECLINED:
        tell_managers(request, title, move.note)


def tell_filed(request):
    title = _title(request, Step.FILED)
    tell_owner(request, title)
    tell_managers(request, title, request.description)
