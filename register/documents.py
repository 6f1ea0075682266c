"""Patents and trademarks in cross-search, and the register's own search page (专利检索) through it.

The register is public, as the national registers are: every record is searchable. An individual
applicant's address is left out of the document (public registers print it on the publication, not in a
search list). A number is found in any written form: the document carries the stored number as a
`number` tag and its usual spellings as terms, and the search page turns a number typed in any form into
that tag. IPC symbols are tagged with every level above them (`register.classification.ipc_prefixes`), so
a search for `H01L` or `H01` finds its descendants on both backends.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from search import registry
from search.documents import SearchDoc
from search.registry import Filter

from .classification import ipc_prefixes
from .models import LegalEvent, Patent, PatentParty, Trademark
from .origins import is_city_enterprise, is_foreign
from .terms import LegalStatus, PatentType


def _patent_ipc(patent):
    return {prefix for symbol in patent.ipc_all for prefix in ipc_prefixes(symbol)}


def _lapse_month(patent):
    """The month ("2026-03") a patent lapsed for an unpaid annuity, while it stays lapsed."""
    if patent.status == LegalStatus.LAPSED and patent.status_since:
        return patent.status_since.strftime("%Y-%m")
    return None


PATENT_FILTERS = (
    Filter("number", lambda patent: patent.application_number),
    Filter("patent_type", lambda patent: patent.patent_type),
    Filter("register_status", lambda patent: patent.status),
    Filter("ipc", _patent_ipc),
    Filter("applicant", lambda patent: [party.name for party in patent.parties.all()]),
    Filter("inventor", lambda patent: patent.inventors),
    Filter("district_code", lambda patent: patent.district.code if patent.district_id else None),
    Filter("pct", lambda patent: patent.pct_marked),
    # What the analysis pages and the early-warning indicators count (the `analysis` app), not form filters.
    Filter("grant_year", lambda patent: patent.grant_date.year if patent.grant_date else None),
    Filter("applicant_kind", lambda patent: [party.kind for party in patent.parties.all()]),
    Filter("agency", lambda patent: patent.agency_name),
    Filter("foreign_applicant", lambda patent: [p.name for p in patent.parties.all() if is_foreign(p)]),
    Filter("city_enterprise", lambda patent: any(is_city_enterprise(p) for p in patent.parties.all())),
    Filter("lapse_month", _lapse_month),
)
TRADEMARK_FILTERS = (
    Filter("number", lambda mark: mark.registration_number),
    Filter("nice", lambda mark: mark.nice_class),
    Filter("register_status", lambda mark: mark.status),
    Filter("applicant", lambda mark: mark.registrant_name),
    Filter("district_code", lambda mark: mark.district.code if mark.district_id else None),
)


def number_spellings(number):
    digits = number.replace(".", "")
    return [number, digits, f"CN{number}", f"ZL{number}"]


def patent_document(patent):
    parties = list(patent.parties.all())
    holders = "；".join(party.name for party in parties)
    return SearchDoc(
        type="patent",
        id=patent.pk,
        url=patent.get_absolute_url(),
        title=patent.title,
        body=" ".join(
            [patent.abstract, holders, " ".join(patent.inventors), " ".join(patent.ipc_all), patent.agency_name]
        ),
        # The label from the enum, not get_*_display(): Django builds a dict of every translated choice on each
        # call, which was most of the time a patent's document took (docs/benchmarks.md, Register).
        category=str(PatentType(patent.patent_type).label),
        district=patent.district.name if patent.district_id else "",
        status=str(LegalStatus(patent.status).label),
        date=patent.filing_date,
        facts=[
            (gettext_noop("申请号"), patent.application_number),
            (gettext_noop("申请（专利权）人"), holders),
            (gettext_noop("主分类号"), patent.ipc_main),
        ],
        terms=[*number_spellings(patent.application_number), patent.publication_number, *patent.inventors],
    )


def trademark_document(mark):
    return SearchDoc(
        type="trademark",
        id=mark.pk,
        url=mark.get_absolute_url(),
        title=mark.name,
        body=" ".join([mark.goods_services, mark.registrant_name]),
        category=f"第{mark.nice_class}类",
        district=mark.district.name if mark.district_id else "",
        status=str(Trademark.Status(mark.status).label),
        date=mark.registration_date or mark.application_date,
        facts=[(gettext_noop("注册号"), mark.registration_number), (gettext_noop("注册人"), mark.registrant_name)],
        terms=[mark.registration_number, mark.name],
    )


registry.register(
    registry.SearchType(
        name="patent",
        model=Patent,
        label=_("专利"),
        public_queryset=lambda: Patent.objects.select_related("district").prefetch_related("parties"),
        to_document=patent_document,
        filters=PATENT_FILTERS,
        depends_on={
            PatentParty: lambda party: [party.patent_id],
            LegalEvent: lambda event: [event.patent_id],
        },
        batch_size=2000,
    )
)
registry.register(
    registry.SearchType(
        name="trademark",
        model=Trademark,
        label=_("商标"),
        public_queryset=lambda: Trademark.objects.select_related("district"),
        to_document=trademark_document,
        filters=TRADEMARK_FILTERS,
        batch_size=2000,
    )
)
