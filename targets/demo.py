"""The targets story: the target reporter enters the plan's figures for 2013–2016 and records the
certifications of demonstration enterprises, through `targets.entries` as the dashboard's forms do, a
month before the load day (`core.scenarios`). Figures are illustrative (marked 演示数据), not official."""

from datetime import date
from decimal import Decimal

from django.core.files.base import ContentFile

from accounts.credit_code import check_character
from accounts.demo import ENTERPRISE_EMAIL, organisation_of
from accounts.models import Organisation, User
from core.scenarios import at, day
from reference.abnormal import import_abnormal_applications
from reference.models import District, ResponsibleUnit
from register.models import Patent

from .entries import certify_enterprise, record_entry
from .models import DemonstrationCertification, Indicator, IndicatorEntry
from .plan import ensure_plan_indicators

REQUIRES = ("accounts", "reference", "register")
REPORTER_EMAIL = "targets@demo.ip.lyg"
ISSUER = "市科技局、连云港质监局"

YEAR_ENDS = [date(2013, 12, 31), date(2014, 12, 31), date(2015, 12, 31), date(2016, 6, 30)]

# The indicators the platform cannot count, and one it counts (国内注册商标总数) for which the bureau's
# published figures override the register's count in their years.
CITY_FIGURES = {
    "trademark-registrations": ["8900", "10100", "11800", "12600"],
    "exporters-own-trademarks": ["62", "71", "83", "88"],
    "oem-own-trademark-rate": ["48", "57", "66", "71"],
    "ip-budget-share": ["0.06", "0.08", "0.11", "0.11"],
    "ip-work-meetings": ["2", "2", "3", "1"],
}
# Per-district figures for one indicator, so the district filter has something to show.
DISTRICT_FIGURES = {
    "trademark-registrations": {
        "haizhou": ["3100", "3500", "4050", "4300"],
        "donghai": ["1400", "1620", "1900", "2050"],
    },
}

DEMO_ENTERPRISES = [
    # serial for the credit code, name, district
    (101, "江苏康缘药业股份有限公司（演示）", "kaifaqu"),
    (102, "连云港东海水晶科技有限公司（演示）", "donghai"),
    (103, "连云港赣榆海洋装备制造有限公司（演示）", "ganyu"),
    (104, "连云港徐圩石化新材料有限公司（演示）", "xuwei"),
]
CERTIFICATIONS = [
    # The demo enterprise of the README's enterprise log-in.
    (ENTERPRISE_EMAIL, "LYG-BZH-2015-001", date(2015, 6, 18)),
    (101, "LYG-BZH-2015-002", date(2015, 6, 18)),
    (102, "LYG-BZH-2015-017", date(2015, 11, 20)),
    (103, "LYG-BZH-2016-004", date(2016, 5, 10)),
    (104, "LYG-BZH-2016-009", date(2016, 9, 26)),
]
# The smallest well-formed PDF: the evidence file of demo certifications.
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
SOURCE_NOTE = "市统计局、市科技局年度统计（演示数据）"


def credit_code(serial):
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    body = "91320700DM" + "".join(alphabet[(serial // 31**i) % 31] for i in range(7))
    return body + check_character(body)


def load(stdout):
    ensure_plan_indicators(Indicator, ResponsibleUnit)
    reporter = User.objects.get(email=REPORTER_EMAIL)
    indicators = {indicator.code: indicator for indicator in Indicator.objects.all()}
    districts = {district.code: district for district in District.objects.all()}

    def entry(code, as_of, value, district=None):
        if IndicatorEntry.objects.filter(indicator=indicators[code], as_of=as_of, district=district).exists():
            return
        record_entry(
            indicators[code],
            as_of=as_of,
            value=Decimal(value),
            source_note=SOURCE_NOTE,
            user=reporter,
            district=district,
        )

    with at(day(-30)):
        for code, values in CITY_FIGURES.items():
            for as_of, value in zip(YEAR_ENDS, values, strict=True):
                entry(code, as_of, value)
        for code, by_district in DISTRICT_FIGURES.items():
            for district_code, values in by_district.items():
                for as_of, value in zip(YEAR_ENDS, values, strict=True):
                    entry(code, as_of, value, districts[district_code])

    _abnormal_list()
    enterprises = {ENTERPRISE_EMAIL: organisation_of(ENTERPRISE_EMAIL)}
    for serial, name, district_code in DEMO_ENTERPRISES:
        enterprises[serial], _created = Organisation.objects.get_or_create(
            credit_code=credit_code(serial),
            defaults={
                "kind": Organisation.Kind.ENTERPRISE,
                "name": name,
                "district": districts[district_code],
                "contact_name": "张晓",
                "contact_phone": "0518-85800000",
            },
        )
    with at(day(-29)):
        for key, number, certified_on in CERTIFICATIONS:
            if DemonstrationCertification.objects.filter(certificate_number=number).exists():
                continue
            certify_enterprise(
                enterprises[key],
                certificate_number=number,
                certified_on=certified_on,
                issued_by=ISSUER,
                evidence=ContentFile(DEMO_PDF, name=f"{number}.pdf"),
                user=reporter,
            )
    return []


def _abnormal_list():
    """A notice of the patent office naming a few of the demo register's 2015 applications, imported as
    staff import the published list."""
    numbers = Patent.objects.filter(filing_date__year=2015).order_by("application_number")
    numbers = list(numbers.values_list("application_number", flat=True)[:3])
    if not numbers:
        return
    rows = "".join(f"{number},2016-03-15,国知局关于非正常专利申请的通报（演示数据）\r\n" for number in numbers)
    upload = ContentFile(("申请号,通报日期,通报文件\r\n" + rows).encode("utf-8"), name="abnormal-2016.csv")
    import_abnormal_applications(upload)
