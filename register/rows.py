"""Checking one imported row: every value normalised, every problem named; nothing touches the database
except the lookups of districts and listed agencies (passed in, loaded once per file)."""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.credit_code import normalise_credit_code, validate_credit_code

from .classification import normalise_ipc, normalise_nice_class, split_ipc_list
from .images import Images, inline_image
from .numbers import is_pct_national_phase, normalise_application_number, type_digit
from .terms import TYPE_BY_DIGIT, EventKind, trademark_term_end

# The oldest records a register export holds (the Patent Law took effect on 1985-04-01; trademarks earlier).
OLDEST = date(1963, 1, 1)
DATE_FORMATS = ("%Y-%m-%d", "%Y.%m.%d", "%Y/%m/%d", "%Y%m%d", "%Y年%m月%d日")
SEPARATORS = re.compile(r"[;；\n|]+")

# Words of the 法律状态 cell → the event it records (checked in this order: "专利权的终止（未缴年费）" is a lapse).
STATUS_WORDS = (
    (("年费",), EventKind.ANNUITY_LAPSE),
    (("届满",), EventKind.EXPIRY),
    (("恢复",), EventKind.RESTORATION),
    (("无效",), EventKind.INVALIDATION),
    (("质押", "出质"), EventKind.PLEDGE),
    (("转移", "转让", "变更"), EventKind.TRANSFER),
    (("许可",), EventKind.LICENCE),
    (("授权",), EventKind.GRANT),
)
# Cells that state a condition rather than an event: no event, no date needed.
STATUS_WITHOUT_EVENT = ("有效", "审中", "实质审查", "公开", "在审", "")
EVENT_CODES = {kind.value: kind for kind in EventKind}

ACADEMIC_WORDS = ("大学", "学院", "研究院", "研究所", "科学院", "研究中心", "学校")
ENTERPRISE_WORDS = ("公司", "厂", "企业", "集团", "合作社", "中心", "商行", "事务所")
PERSON_NAME = re.compile(r"^[\u4e00-\u9fff·]{2,5}$")


def text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFKC", str(value)).strip()


def parse_date(value, label, messages, *, required=False):
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        parsed = value
    else:
        raw = text(value)
        if not raw:
            if required:
                messages.append(_("缺少%(label)s。") % {"label": label})
            return None
        parsed = None
        for pattern in DATE_FORMATS:
            try:
                parsed = datetime.strptime(raw, pattern).date()
                break
            except ValueError:
                continue
        if parsed is None:
            messages.append(_("%(label)s“%(value)s”不是有效日期（如 2013-03-01）。") % {"label": label, "value": raw})
            return None
    if parsed < OLDEST or parsed > timezone.localdate() + timedelta(days=366 * 20):
        messages.append(_("%(label)s %(value)s 不在可能的范围内。") % {"label": label, "value": parsed.isoformat()})
        return None
    return parsed


def split_names(value):
    return [name.strip() for name in SEPARATORS.split(text(value)) if name.strip()]


def party_kind(name, declared=""):
    declared = text(declared)
    for word, kind in (
        ("个人", "individual"),
        ("企业", "enterprise"),
        ("院校", "academic"),
        ("高校", "academic"),
        ("科研", "academic"),
    ):
        if word in declared:
            return kind
    if any(word in name for word in ACADEMIC_WORDS):
        return "academic"
    if any(word in name for word in ENTERPRISE_WORDS):
        return "enterprise"
    if PERSON_NAME.match(name):
        return "individual"
    return "other"


def status_event(cell):
    """The event a 法律状态 cell records, or None when it states a condition ('有效', '审中')."""
    value = text(cell)
    if value in STATUS_WITHOUT_EVENT:
        return None
    for words, kind in STATUS_WORDS:
        if any(word in value for word in words):
            return kind
    return ""


def check_credit_code(value, messages):
    code = text(value)
    if not code:
        return ""
    try:
        validate_credit_code(code)
    except ValidationError:
        messages.append(_("统一社会信用代码“%(code)s”无效。") % {"code": code})
        return ""
    return normalise_credit_code(code)


@dataclass
class Districts:
    """Finds the city's district in an address: '江苏省连云港市海州区…' → 海州区; outside the city, None."""

    names: list = field(default_factory=list)

    @classmethod
    def load(cls):
        from reference.models import District

        names = []
        for district in District.objects.all():
            names.append((district.name, district.pk))
            short = district.name.removesuffix("新区").removesuffix("区").removesuffix("县")
            if len(short) >= 2 and short != district.name:
                names.append((short, district.pk))
        names.append(("开发区", next((pk for name, pk in names if name.startswith("连云港经济技术开发区")), None)))
        # Longer names first, so 经济技术开发区 wins over a shorter name it contains.
        return cls(sorted(((n, pk) for n, pk in names if pk), key=lambda item: -len(item[0])))

    def find(self, address):
        address = text(address)
        if not address or ("连云港" not in address and not any(address.startswith(n) for n, _pk in self.names)):
            return None
        for name, pk in self.names:
            if name in address:
                return pk
        return None


def check_patent_row(raw, districts, agencies):
    """(record dict, messages): the clean values of one patent row, or the reasons it is rejected."""
    messages = []
    number = None
    try:
        number = normalise_application_number(raw.get("application_number"))
    except ValidationError as error:
        messages.append(
            _("申请号“%(value)s”：%(reason)s")
            % {"value": text(raw.get("application_number")), "reason": error.messages[0]}
        )
    filing_date = parse_date(raw.get("filing_date"), _("申请日"), messages, required=True)
    if number and filing_date:
        digits = number.split(".")[0]
        year = int(digits[:4]) if len(digits) == 12 else 1900 + int(digits[:2])
        if year != filing_date.year and not is_pct_national_phase(number):
            messages.append(
                _("申请日 %(date)s 与申请号中的年份 %(year)s 不一致。")
                % {"date": filing_date.isoformat(), "year": year}
            )
    title = text(raw.get("title"))
    if not title:
        messages.append(_("缺少发明名称。"))
    elif len(title) > 300:
        messages.append(_("发明名称超过 300 字。"))
    applicants = raw.get("applicants")
    if isinstance(applicants, list):
        parties = [
            {**p, "name": text(p["name"]), "address": text(p.get("address"))} for p in applicants if text(p.get("name"))
        ]
    else:
        addresses = split_names(raw.get("address"))
        parties = [
            {
                "name": name,
                "address": addresses[i] if i < len(addresses) else (addresses[0] if i == 0 and addresses else ""),
            }
            for i, name in enumerate(split_names(applicants))
        ]
        codes = split_names(raw.get("credit_code"))
        for i, party in enumerate(parties):
            party["credit_code"] = codes[i] if i < len(codes) else ""
    if not parties:
        messages.append(_("缺少申请（专利权）人。"))
    for party in parties:
        party["credit_code"] = check_credit_code(party.get("credit_code"), messages)
        party["kind"] = party_kind(party["name"], raw.get("applicant_kind"))
        party["district"] = districts.find(party["address"])
        party["name"] = party["name"][:200]
        party["address"] = party["address"][:300]
    ipc_all = []
    for symbol in split_ipc_list(raw.get("ipc_all")):
        try:
            ipc_all.append(normalise_ipc(symbol))
        except ValidationError as error:
            messages.append(error.messages[0])
    ipc_main = ""
    if text(raw.get("ipc_main")):
        try:
            ipc_main = normalise_ipc(split_ipc_list(raw.get("ipc_main"))[0])
        except ValidationError as error:
            messages.append(error.messages[0])
    elif ipc_all:
        ipc_main = ipc_all[0]
    if ipc_main and ipc_main not in ipc_all:
        ipc_all.insert(0, ipc_main)
    publication_date = parse_date(raw.get("publication_date"), _("公开（公告）日"), messages)
    grant_date = parse_date(raw.get("grant_date"), _("授权公告日"), messages)
    if filing_date and grant_date and grant_date < filing_date:
        messages.append(_("授权公告日早于申请日。"))
    events = []
    for kind, day, description in raw.get("events", []):
        event_kind = EVENT_CODES.get(text(kind))
        event_date = parse_date(day, _("事件日期"), messages, required=True)
        if event_kind is None:
            messages.append(_("未知的法律状态事件“%(kind)s”。") % {"kind": kind})
        elif event_date:
            events.append((event_kind.value, event_date, text(description)[:300]))
    status_text = text(raw.get("legal_status"))
    kind = status_event(status_text)
    if kind == "":
        messages.append(_("无法识别的法律状态“%(value)s”。") % {"value": status_text})
    elif kind is not None:
        day = parse_date(raw.get("legal_status_date"), _("法律状态公告日"), messages)
        if day is None and kind == EventKind.GRANT:
            day = grant_date
        if day is None:
            if not any(m.startswith(_("法律状态公告日")) for m in messages):
                messages.append(_("法律状态“%(value)s”须有法律状态公告日。") % {"value": status_text})
        else:
            events.append((kind.value, day, status_text[:300]))
    agency_code = text(raw.get("agency_code"))
    if agency_code and not re.fullmatch(r"\d{5}", agency_code):
        messages.append(_("代理机构代码“%(code)s”应为5位数字。") % {"code": agency_code})
        agency_code = ""
    agency_name = text(raw.get("agency_name"))
    # Exports often write the code after the name: "连云港港城专利代理事务所 32231".
    if not agency_code and (match := re.search(r"(\d{5})\)?$", agency_name)):
        agency_code = match.group(1)
        agency_name = agency_name[: match.start()].rstrip(" (（")
    if messages:
        return None, messages
    return {
        "application_number": number,
        "patent_type": TYPE_BY_DIGIT[type_digit(number)].value,
        "is_pct": is_pct_national_phase(number) or bool(text(raw.get("pct_application_number"))),
        "pct_application_number": text(raw.get("pct_application_number"))[:30],
        "filing_date": filing_date,
        "publication_number": text(raw.get("publication_number"))[:20],
        "publication_date": publication_date,
        "grant_number": text(raw.get("grant_number"))[:20],
        "grant_date": grant_date,
        "title": title,
        "abstract": text(raw.get("abstract")),
        "inventors": split_names(raw.get("inventors")),
        "ipc_main": ipc_main,
        "ipc_all": ipc_all,
        "agency_name": agency_name[:100],
        "agency_code": agency_code,
        "agency_id": agencies.get(agency_code),
        "agents": "、".join(split_names(raw.get("agents")))[:200],
        "priority": text(raw.get("priority"))[:300],
        "legal_status_text": status_text[:100],
        "district_id": next((p["district"] for p in parties if p["district"]), None),
        "parties": parties,
        "events": events,
    }, []


TRADEMARK_STATUS_WORDS = (
    ("无效", "invalidated"),
    ("注销", "cancelled"),
    ("撤销", "cancelled"),
    ("期满", "expired"),
    ("失效", "expired"),
    ("申请", "pending"),
    ("审查", "pending"),
    ("初审", "pending"),
    ("注册", "registered"),
    ("有效", "registered"),
)


def _year(value, messages, label):
    match = re.search(r"(19|20)\d{2}", text(value))
    if not match:
        messages.append(_("%(label)s须写明认定年度。") % {"label": label})
        return None
    return int(match.group(0))


def _yes(value):
    return text(value) in ("是", "Y", "y", "yes", "1", "true", "√", "TRUE")


def check_trademark_row(raw, districts, images=None):
    """(record dict, messages) for one trademark row; `images` are the files that came with the sheet
    (`register.images.Images`), where the row's image is looked up and checked."""
    messages = []
    number = text(raw.get("registration_number")).removeprefix("第").removesuffix("号").replace(" ", "")
    if not re.fullmatch(r"\d{1,9}", number):
        messages.append(_("注册号“%(value)s”应为1至9位数字。") % {"value": number})
    else:
        number = str(int(number))
    image = _mark_image(raw, number, images or Images(), messages)
    nice_class = None
    try:
        nice_class = normalise_nice_class(raw.get("nice_class"))
    except ValidationError as error:
        messages.append(error.messages[0])
    name = text(raw.get("name"))
    if not name:
        messages.append(_("缺少商标名称。"))
    registrant = text(raw.get("registrant_name"))
    if not registrant:
        messages.append(_("缺少注册人。"))
    application_date = parse_date(raw.get("application_date"), _("申请日期"), messages)
    registration_date = parse_date(raw.get("registration_date"), _("注册日期"), messages)
    expiry_date = parse_date(raw.get("expiry_date"), _("专用权期限"), messages)
    if application_date and registration_date and registration_date < application_date:
        messages.append(_("注册日期早于申请日期。"))
    if expiry_date is None and registration_date:
        expiry_date = trademark_term_end(registration_date)
    status_text = text(raw.get("status"))
    status = next((code for word, code in TRADEMARK_STATUS_WORDS if word in status_text), None)
    if status is None:
        if status_text:
            messages.append(_("无法识别的商标状态“%(value)s”。") % {"value": status_text})
        status = "registered" if registration_date else "pending"
    kind = text(raw.get("mark_kind"))
    flags = dict.fromkeys(("is_collective", "is_certification", "is_geographical_indication", "is_agricultural"), False)
    flags["is_collective"] = "集体" in kind
    flags["is_certification"] = "证明" in kind
    flags["is_geographical_indication"] = "地理标志" in kind or _yes(raw.get("is_geographical_indication"))
    flags["is_agricultural"] = _yes(raw.get("is_agricultural"))
    well_known, well_known_year = "", None
    for flag, year in raw.get("flags", []):
        if flag in flags:
            flags[flag] = True
        elif flag in ("well_known_administrative", "well_known_judicial"):
            well_known = flag.removeprefix("well_known_")
            well_known_year = _year(year, messages, _("驰名商标"))
        elif flag == "provincial_famous":
            raw = {**raw, "provincial_famous": year or "是"}
        else:
            messages.append(_("未知的商标标记“%(flag)s”。") % {"flag": flag})
    cell = text(raw.get("well_known"))
    if cell and cell not in ("否", "N", "0"):
        well_known = "judicial" if "司法" in cell else "administrative"
        well_known_year = _year(cell, messages, _("驰名商标"))
    famous = text(raw.get("provincial_famous"))
    is_famous = bool(famous) and famous not in ("否", "N", "0")
    famous_year = None
    if is_famous and re.search(r"(19|20)\d{2}", famous):
        famous_year = _year(famous, messages, _("著名商标"))
    madrid = text(raw.get("madrid_number"))
    madrid_date = parse_date(raw.get("madrid_date"), _("国际注册日期"), messages)
    status_since = parse_date(raw.get("status_date"), _("商标状态日期"), messages)
    if madrid and not re.fullmatch(r"G?\d{4,9}", madrid.upper()):
        messages.append(_("马德里国际注册号“%(value)s”格式不正确。") % {"value": madrid})
    credit_code = check_credit_code(raw.get("credit_code"), messages)
    if messages:
        return None, messages
    address = text(raw.get("registrant_address"))
    return {
        "registration_number": number,
        "application_number": text(raw.get("application_number"))[:12] or number,
        "nice_class": nice_class,
        "goods_services": text(raw.get("goods_services")),
        "name": name[:200],
        "registrant_name": registrant[:200],
        "registrant_address": address[:300],
        "credit_code": credit_code,
        "district_id": districts.find(address),
        "application_date": application_date,
        "registration_date": registration_date,
        "expiry_date": expiry_date,
        "status": status,
        **flags,
        "is_madrid": bool(madrid),
        "madrid_number": madrid.upper()[:20],
        "madrid_date": madrid_date if madrid else None,
        "status_since": status_since,
        "well_known": well_known,
        "well_known_year": well_known_year,
        "is_provincial_famous": is_famous,
        "provincial_famous_year": famous_year,
        "image": image,
    }, []


def _mark_image(raw, number, images, messages):
    """The row's checked image (named in its cell, inline in XML, or named by the registration number in
    the ZIP), or None when it has none; a named image that is missing or not a real image is a rejection."""
    try:
        if raw.get("image_base64"):
            return inline_image(raw["image_base64"], f"{number or '?'}（base64）")
        if name := text(raw.get("image")):
            return images.named(name)
        return images.for_number(number) if number.isdigit() else None
    except ValidationError as error:
        messages.append(error.messages[0])
        return None
