"""Register records tied to the platform's organisations, and what an organisation's page shows of them.

`match_organisations` ties applicants and registrants to organisations: by unified social credit code
when the source has one (certain, confirmed at once), else by normalised name (uncertain: counted only
once staff confirm it at /admin/register/matches/). `portfolio` is an enterprise's patents and trademarks
by type and status; `agency_figures` the patents an institution filed as agency and how many were granted.
"""

import re
import unicodedata

from django.db import transaction
from django.db.models import Count, Q

from accounts.models import Organisation

from .models import Patent, PatentParty, Trademark
from .terms import IN_FORCE, LegalStatus


def normalised_name(name):
    text = unicodedata.normalize("NFKC", name or "")
    return re.sub(r"\s+", "", text).replace("(", "（").replace(")", "）")


def match_organisations():
    """Tie unmatched applicants and registrants to organisations; returns how many were tied."""
    organisations = list(Organisation.objects.only("pk", "name", "credit_code"))
    by_code = {o.credit_code: o.pk for o in organisations}
    by_name = {}
    for organisation in organisations:
        by_name.setdefault(normalised_name(organisation.name), []).append(organisation.pk)
    tied = 0
    with transaction.atomic():
        for party in PatentParty.objects.filter(organisation__isnull=True).only("pk", "name", "credit_code"):
            pk, certain = _match(party.name, party.credit_code, by_code, by_name)
            if pk:
                PatentParty.objects.filter(pk=party.pk).update(organisation_id=pk, match_confirmed=certain)
                tied += 1
        for mark in Trademark.objects.filter(organisation__isnull=True).only("pk", "registrant_name"):
            pk, certain = _match(mark.registrant_name, "", by_code, by_name)
            if pk:
                Trademark.objects.filter(pk=mark.pk).update(organisation_id=pk, match_confirmed=certain)
                tied += 1
    return tied


def _match(name, credit_code, by_code, by_name):
    if credit_code and credit_code in by_code:
        return by_code[credit_code], True
    candidates = by_name.get(normalised_name(name), [])
    # Two organisations of one name: nobody can tell which, so no match.
    return (candidates[0], False) if len(candidates) == 1 else (None, False)


def confirm_match(record, confirmed):
    """Staff confirm a name match, or undo it (the record is then left unmatched for good)."""
    if confirmed:
        type(record).objects.filter(pk=record.pk).update(match_confirmed=True)
    else:
        type(record).objects.filter(pk=record.pk).update(organisation=None, match_confirmed=True)


def confirmed_patents(organisation):
    """The patents whose applicant or holder is tied to `organisation` for certain."""
    return Patent.objects.filter(parties__organisation=organisation, parties__match_confirmed=True).distinct()


def confirmed_trademarks(organisation):
    return Trademark.objects.filter(organisation=organisation, match_confirmed=True)


def portfolio(organisation):
    patents = confirmed_patents(organisation)
    trademarks = confirmed_trademarks(organisation)
    by_type = {
        row["patent_type"]: row["n"] for row in patents.values("patent_type").annotate(n=Count("pk", distinct=True))
    }
    return {
        "patent_total": patents.count(),
        "patents_in_force": patents.filter(status__in=IN_FORCE).count(),
        "patents_by_type": [
            (label, by_type.get(value, 0)) for value, label in Patent._meta.get_field("patent_type").choices
        ],
        "patents_by_status": [
            (LegalStatus(code).label, n)
            for code, n in patents.order_by()
            .values_list("status")
            .annotate(n=Count("pk", distinct=True))
            .order_by("status")
        ],
        "trademark_total": trademarks.count(),
        "trademarks_in_force": trademarks.filter(status=Trademark.Status.REGISTERED).count(),
        "patents": patents.order_by("-filing_date")[:20],
        "trademarks": trademarks.order_by("-registration_date")[:20],
    }


def agency_figures(institution):
    """Patents filed through the institution as agency: how many, and the share of them granted."""
    filed = Patent.objects.filter(agency=institution)
    counts = filed.aggregate(
        total=Count("pk"),
        granted=Count("pk", filter=Q(grant_date__isnull=False) | ~Q(status=LegalStatus.PENDING)),
    )
    total, granted = counts["total"], counts["granted"]
    return {"filed": total, "granted": granted, "grant_rate": round(100 * granted / total) if total else None}


def portfolio_names(organisation):
    """The names under which the register holds an organisation's patents (its confirmed matches), and
    its own name: what a search by applicant finds its portfolio by."""
    names = PatentParty.objects.filter(organisation=organisation, match_confirmed=True).values_list("name", flat=True)
    return sorted({organisation.name, *names})
