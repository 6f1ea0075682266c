"""Register patents for the analysis tests: several applicants, inventors, IPC symbols and an agency, made
with the register's own factory and indexed as an import would index them."""

from register.models import PartyKind, PatentParty
from register.tests.factories import make_patent
from search.outbox import process_pending


def patent(
    filing_date,
    applicants=("连云港港城新材料有限公司",),
    *,
    ipc=("C03B 20/00",),
    inventors=("王海",),
    agency="",
    title="一种高纯石英砂的提纯方法",
    foreign=(),
    district="haizhou",
    applicant_kind=PartyKind.ENTERPRISE,
    **kwargs,
):
    """A patent of `applicants` (the first one in `district`, the others outside the city unless named in
    `foreign`, which get an address abroad)."""
    made = make_patent(filing_date, applicant=applicants[0], district=district, applicant_kind=applicant_kind, **kwargs)
    made.ipc_all, made.ipc_main = list(ipc), ipc[0] if ipc else ""
    made.inventors, made.agency_name, made.title = list(inventors), agency, title
    made.save()
    for position, name in enumerate(applicants[1:], start=1):
        PatentParty.objects.create(
            patent=made,
            position=position,
            name=name,
            kind=PartyKind.ENTERPRISE,
            address="日本国东京都千代田区1-1" if name in foreign else "江苏省南京市玄武区1号",
        )
    return made


def index():
    """What a commit would do: the outbox applied to the index."""
    while process_pending()[0]:
        pass
