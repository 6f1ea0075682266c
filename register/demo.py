"""A synthetic register for the demo: clearly labelled (source 演示数据（虚构）, every abstract begins with
【演示数据】), spread over the city's districts and industries, tied to the demo organisations and the
listed agencies. Made with `bulk_create` so `make run` loads it in seconds; the search index is rebuilt
afterwards by `make run` (and by the test snapshot). `REGISTER_DEMO_SCALE` shrinks it (the test settings
load a small slice so the browser journeys stay fast).
"""

import random
from datetime import date, timedelta

from django.conf import settings
from django.utils import timezone

from accounts.models import Organisation
from core.dates import years_after
from core.planner import refresh_planner_statistics
from reference.models import District

from .models import ImportSource, LegalEvent, Patent, PatentParty, Trademark
from .numbers import patent_check_digit
from .terms import EventKind, PatentType, current_status, trademark_term_end

PATENTS = 20_000
TRADEMARKS = 15_000
LABEL = "【演示数据】"

# industry → (title stems, IPC symbols, Nice classes, applicant name stems)
INDUSTRIES = {
    "medicine": (
        ["抗肿瘤药物组合物", "中药提取物", "缓释制剂", "注射用冻干粉针", "手性化合物合成方法", "药物晶型"],
        ["A61K 31/4745", "A61K 36/9068", "A61P 35/00", "C07D 401/04", "A61K 9/20"],
        [5, 10, 35, 44],
        ["医药", "药业", "生物制药", "制药"],
    ),
    "materials": (
        ["碳纤维预浸料", "高性能复合材料", "改性聚酯", "耐高温涂层", "纳米填料分散方法"],
        ["C08J 5/24", "C08L 67/02", "C09D 5/18", "B29C 70/34", "D01F 9/22"],
        [1, 17, 22, 40],
        ["新材料", "复合材料", "高分子材料"],
    ),
    "quartz": (
        ["高纯石英砂提纯方法", "石英坩埚", "硅微粉制备工艺", "多晶硅还原炉", "水晶加工装置"],
        ["C01B 33/12", "C03B 20/00", "C30B 15/10", "C01B 33/035", "B28D 1/22"],
        [14, 19, 21, 9],
        ["石英", "硅材料", "水晶", "硅业"],
    ),
    "ports": (
        ["集装箱装卸装置", "港口散货输送系统", "船舶系泊装置", "物流调度方法", "岸桥防摇控制"],
        ["B65G 67/60", "B66C 13/06", "B63B 21/00", "G06Q 10/08", "B65D 88/12"],
        [12, 35, 39, 42],
        ["港口", "物流", "海运", "集装箱"],
    ),
    "agriculture": (
        ["紫菜加工设备", "水稻育秧方法", "对虾养殖系统", "果蔬保鲜方法", "有机肥发酵工艺"],
        ["A23L 17/60", "A01G 22/22", "A01K 61/59", "A23B 7/148", "C05F 17/00"],
        [29, 30, 31, 44],
        ["农业", "海产", "紫菜", "生态农业"],
    ),
}
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"
TRADEMARK_WORDS = ["海州湾", "花果山", "连岛", "东海晶", "赣榆", "灌河", "云台", "港城", "新浦", "徐圩", "苏北", "海韵"]

# The synthetic register's applicants are the demo organisations and its filing agencies the listed institutions;
# the postings it keeps true are the listings demo's.
REQUIRES = ("accounts", "services", "listings")


def scale():
    return getattr(settings, "REGISTER_DEMO_SCALE", 1.0)


def load(stdout):
    source = ImportSource.for_kind(ImportSource.Kind.DEMO)
    if Patent.objects.filter(source=source).exists():
        return []
    rng = random.Random(2014)
    districts = list(District.objects.all())
    enterprises = list(Organisation.objects.filter(kind=Organisation.Kind.ENTERPRISE).select_related("district"))
    from services.models import Institution

    agencies = list(Institution.objects.public().exclude(licence_number="").select_related("organisation"))
    today = timezone.localdate()
    now = timezone.now()
    patents = _patents(rng, int(PATENTS * scale()), source, districts, enterprises, agencies, today, now)
    trademarks = _trademarks(rng, int(TRADEMARKS * scale()), source, districts, enterprises, today, now)
    refresh_planner_statistics(Patent, PatentParty, LegalEvent, Trademark)
    stdout.write(f"Demo register: {patents} patents, {trademarks} trademarks (synthetic, labelled 演示数据).")
    return []


def _number(rng, year, type_digit, serial):
    digits = f"{year}{type_digit}{serial:07d}"
    return f"{digits}.{patent_check_digit(digits)}"


def _person(rng):
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _patents(rng, count, source, districts, enterprises, agencies, today, now):
    records, parties, events = [], [], []
    used = set()
    for index in range(count):
        industry = rng.choice(list(INDUSTRIES))
        stems, ipcs, _nice, org_stems = INDUSTRIES[industry]
        patent_type = rng.choices(
            [PatentType.INVENTION, PatentType.UTILITY_MODEL, PatentType.DESIGN], weights=[45, 40, 15]
        )[0]
        type_digit = {"invention": "1", "utility_model": "2", "design": "3"}[patent_type]
        if patent_type == PatentType.INVENTION and rng.random() < 0.03:
            type_digit = "8"
        filing = date(2008, 1, 1) + timedelta(days=rng.randrange((today - date(2008, 1, 1)).days - 30))
        serial = rng.randrange(10_000, 9_999_999)
        number = _number(rng, filing.year, type_digit, serial)
        while number in used:
            serial = (serial + 1) % 9_999_999
            number = _number(rng, filing.year, type_digit, serial)
        used.add(number)
        district = rng.choice(districts)
        owner = rng.choice(enterprises) if enterprises and rng.random() < 0.08 else None
        if owner is not None:
            holder_name, district = owner.name, owner.district
        elif rng.random() < 0.12:
            holder_name = _person(rng)
        else:
            holder_name = f"连云港{rng.choice(TRADEMARK_WORDS)}{rng.choice(org_stems)}有限公司"
        grant = None
        if rng.random() < 0.75:
            lag = 400 if patent_type != PatentType.INVENTION else 900
            grant = filing + timedelta(days=rng.randrange(lag // 2, lag * 2))
            if grant > today:
                grant = None
        event_list = []
        if grant:
            event_list.append((EventKind.GRANT, grant))
            roll = rng.random()
            later = grant + timedelta(days=rng.randrange(200, 2500))
            if later < today:
                if roll < 0.18:
                    event_list.append((EventKind.ANNUITY_LAPSE, later))
                elif roll < 0.24:
                    event_list.append((EventKind.PLEDGE, later))
                elif roll < 0.29:
                    event_list.append((EventKind.TRANSFER, later))
                elif roll < 0.31:
                    event_list.append((EventKind.INVALIDATION, later))
        result = current_status(patent_type, filing, event_list, today)
        agency = rng.choice(agencies) if agencies and rng.random() < 0.3 else None
        ipc_main = rng.choice(ipcs) if patent_type != PatentType.DESIGN else ""
        title = rng.choice(stems) if patent_type == PatentType.INVENTION else rng.choice(stems).replace("方法", "装置")
        records.append(
            Patent(
                application_number=number,
                patent_type=patent_type,
                is_pct=type_digit == "8",
                filing_date=filing,
                grant_date=grant,
                title=f"一种{title}" if patent_type != PatentType.DESIGN else f"{title}（外观）",
                abstract=f"{LABEL}本{PatentType(patent_type).label}涉及{title}，用于{industry}领域。",
                inventors=[_person(rng) for _ in range(rng.randint(1, 4))],
                ipc_main=ipc_main,
                ipc_all=[ipc_main] if ipc_main else [],
                agency=agency,
                agency_code=agency.licence_number if agency else "",
                agency_name=agency.organisation.name if agency else "",
                status=result.status,
                status_since=result.since,
                term_ends=result.term_ends,
                status_checked_at=now,
                source=source,
                district=district,
            )
        )
        parties.append((index, holder_name, district, owner))
        events.append(event_list)
    created = Patent.objects.bulk_create(records, batch_size=2000)
    PatentParty.objects.bulk_create(
        (
            PatentParty(
                patent=created[index],
                name=name,
                address=f"江苏省连云港市{district.name}",
                district=district,
                kind="individual" if len(name) <= 3 else "enterprise",
                credit_code=owner.credit_code if owner else "",
                organisation=owner,
                match_confirmed=owner is not None,
            )
            for index, name, district, owner in parties
        ),
        batch_size=2000,
    )
    LegalEvent.objects.bulk_create(
        (
            LegalEvent(patent=patent, kind=kind, date=day)
            for patent, event_list in zip(created, events, strict=True)
            for kind, day in event_list
        ),
        batch_size=2000,
    )
    return len(created)


def _trademarks(rng, count, source, districts, enterprises, today, now):
    records = []
    for index in range(count):
        industry = rng.choice(list(INDUSTRIES))
        _stems, _ipcs, classes, org_stems = INDUSTRIES[industry]
        owner = rng.choice(enterprises) if enterprises and rng.random() < 0.08 else None
        district = owner.district if owner else rng.choice(districts)
        applied = date(2000, 1, 1) + timedelta(days=rng.randrange((today - date(2000, 1, 1)).days - 30))
        registered = applied + timedelta(days=rng.randrange(270, 700))
        registered = registered if registered < today else None
        expiry = trademark_term_end(registered) if registered else None
        if registered and expiry < today and rng.random() < 0.7:
            expiry = years_after(expiry, 10)  # renewed once
        status = Trademark.Status.PENDING if registered is None else Trademark.Status.REGISTERED
        if registered and expiry < today:
            status = Trademark.Status.EXPIRED
        agricultural = industry == "agriculture"
        geographical = agricultural and rng.random() < 0.02
        madrid = rng.random() < 0.004
        well_known = rng.random() < 0.001
        records.append(
            Trademark(
                registration_number=str(3_000_000 + index * 97 + rng.randrange(97)),
                nice_class=rng.choice(classes),
                name=f"{rng.choice(TRADEMARK_WORDS)}{rng.choice(['', '牌', '源', '星', '鑫'])}",
                goods_services=f"{LABEL}{industry}",
                registrant_name=owner.name
                if owner
                else f"连云港{rng.choice(TRADEMARK_WORDS)}{rng.choice(org_stems)}有限公司",
                registrant_address=f"江苏省连云港市{district.name}",
                organisation=owner,
                match_confirmed=owner is not None,
                district=district,
                application_date=applied,
                registration_date=registered,
                expiry_date=expiry,
                status=status,
                status_checked_at=now,
                is_collective=geographical,
                is_certification=geographical,
                is_geographical_indication=geographical,
                is_agricultural=agricultural,
                is_madrid=madrid,
                madrid_number=f"G{1_100_000 + index}" if madrid else "",
                well_known=Trademark.WellKnown.ADMINISTRATIVE if well_known else "",
                well_known_year=rng.randrange(2005, 2016) if well_known else None,
                is_provincial_famous=rng.random() < 0.01,
                source=source,
            )
        )
    return len(Trademark.objects.bulk_create(records, batch_size=2000))
