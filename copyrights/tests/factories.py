"""People, files and filings for the copyright tests, made through `copyrights.filings`."""

from datetime import date
from decimal import Decimal
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from accounts.roles import COPYRIGHT_EXAMINERS
from copyrights import filings
from copyrights.models import UNIT_CODE, Examiner, Kind, WorkType
from reference.models import District, ResponsibleUnit
from tests.factories import MembershipFactory, UserFactory, staff_in

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def png(name="sample.png", size=(900, 700)):
    buffer = BytesIO()
    Image.new("RGB", size, (180, 200, 230)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def pdf(name="contract.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def applicant(**organisation):
    """An enterprise owner (the membership's user)."""
    return MembershipFactory(**{f"organisation__{k}": v for k, v in organisation.items()}).user


def person():
    """Someone filing for themselves, belonging to no organisation."""
    return UserFactory()


def examiner(unit_code=UNIT_CODE):
    user = staff_in(COPYRIGHT_EXAMINERS)
    Examiner.objects.create(user=user, unit=ResponsibleUnit.objects.get(code=unit_code))
    return user


def work_details(**fields):
    values = {
        "title": "水晶雕刻《海上云台》",
        "work_type": WorkType.FINE_ART,
        "authors": "王立新",
        "owners": "江苏东海晶华水晶制品有限公司",
        "completed_on": date(2025, 3, 1),
        "published": True,
        "published_on": date(2025, 5, 1),
        "published_place": "中国东海水晶城",
        "description": "以天然水晶整料雕刻。",
    }
    return filings.WorkDetails(**{**values, **fields})


def file_work(user, *, uploaded=None, district=None, **fields):
    organisation = user.organisation
    return filings.file_work(
        user,
        district=district or (organisation.district if organisation else District.objects.get(code="donghai")),
        details=work_details(**fields),
        uploaded=uploaded or png(),
        declaration=True,
        organisation=organisation,
    )


def registered_work(user, by, **fields):
    filing = file_work(user, **fields)
    filings.take_into_examination(filing, by)
    return filings.approve(filing, by)


def contract(**fields):
    values = {
        "kind": Kind.LICENCE,
        "assignor": "江苏东海晶华水晶制品有限公司",
        "assignee": "连云港文创有限公司",
        "rights": "复制权、发行权",
        "territory": "中国大陆",
        "term_start": date(2025, 6, 1),
        "term_end": date(2028, 5, 31),
        "price": Decimal("80000.00"),
    }
    return filings.ContractDetails(**{**values, **fields})
