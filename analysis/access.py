"""Who may define watches and who reads which watch or portfolio comparison.

Platform staff holding `analysis.manage_watches` define the platform's watches and read all of them; a
listed service institution offering early-warning or search-and-analysis services defines watches for its
clients and reads its own; the client organisation reads the watches defined for it. A portfolio comparison
is its enterprise's alone. Nobody else sees another organisation's watches or comparisons.
"""

from django.db.models import Q

from accounts.roles import MANAGE_WATCHES

from .models import PortfolioComparison, Watch

ANALYSIS_INSTITUTION_TYPES = {"early_warning", "information_search"}


def offers_analysis(organisation):
    institution = getattr(organisation, "institution", None) if organisation is not None else None
    return bool(institution and institution.is_public and institution.institution_type in ANALYSIS_INSTITUTION_TYPES)


def may_define_watches(user):
    if not user.is_authenticated:
        return False
    return user.has_perm(MANAGE_WATCHES) or offers_analysis(user.organisation)


def watches_for(user):
    if not user.is_authenticated:
        return Watch.objects.none()
    condition = Q(pk__in=[])
    if user.has_perm(MANAGE_WATCHES):
        condition |= Q(organisation__isnull=True)
    organisation = user.organisation
    if organisation is not None:
        condition |= Q(organisation=organisation) | Q(client=organisation)
    return Watch.objects.filter(condition)


def may_compare(user):
    """Members of an enterprise compare its portfolio with competitors."""
    organisation = user.organisation if user.is_authenticated else None
    return organisation is not None and not organisation.is_institution


def comparisons_for(user):
    if not may_compare(user):
        return PortfolioComparison.objects.none()
    return PortfolioComparison.objects.filter(organisation=user.organisation)
