"""Customs recordal (知识产权海关备案) of the register's patents and trademarks.

Staff holding `register.record_customs` enter a recordal (`record`) or upload the customs list
(`preview_list`, then `apply_list`): every row is checked first, and a list with any bad row is refused
whole with each row's reasons, changing nothing. A right is keyed by its number in the register; its
recordal is keyed by the right, so importing the same list again changes nothing.

`status_of_enterprise` is what an enterprise's own page shows: each of its rights in force (those the
register ties to it for certain, as its portfolio does), whether customs protection is recorded and
valid, and for the rest the checklist of what the General Administration of Customs asks for. Any
enterprise sees it: the platform has no reliable record of who exports, a right recorded protects its
holder's goods at the border whoever ships them, and an enterprise that does not export loses nothing by
reading its list.
"""

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import CustomsImport, CustomsRecordal, Patent, Trademark
from .numbers import normalise_application_number
from .organisations import confirmed_patents, confirmed_trademarks
from .reading import read_rows
from .rows import parse_date, text
from .terms import IN_FORCE

PATENT, TRADEMARK = "patent", "trademark"
PATENT_WORDS = ("专利", "发明", "实用新型", "外观设计", "patent")
TRADEMARK_WORDS = ("商标", "trademark")
# A recordal runs ten years from approval (《知识产权海关保护条例》第十条).
RECORDAL_YEARS = 10
REJECTIONS_SHOWN = 200


class CustomsError(Exception):
    """A recordal or a list could not be taken; the message is for the person."""


# --- entering one recordal ----------------------------------------------------------------------------


def find_right(kind, number):
    """The patent or trademark of the register with this number, or raise CustomsError saying why not."""
    if kind == PATENT:
        try:
            normalised = normalise_application_number(number)
        except ValidationError as error:
            raise CustomsError(" ".join(error.messages)) from None
        right = Patent.objects.filter(application_number=normalised).first()
    else:
        normalised = text(number).upper().removeprefix("第").removesuffix("号")
        right = Trademark.objects.filter(registration_number=normalised).first()
    if right is None:
        raise CustomsError(
            _("登记簿中没有%(kind)s“%(number)s”，请先导入该权利的登记数据。")
            % {"kind": _("专利") if kind == PATENT else _("商标"), "number": number}
        )
    return right


def _check_dates(recorded_on, valid_until):
    if valid_until < recorded_on:
        raise CustomsError(_("备案有效期不能早于核准日期。"))
    try:
        limit = recorded_on.replace(year=recorded_on.year + RECORDAL_YEARS)
    except ValueError:  # approved on 29 February
        limit = date(recorded_on.year + RECORDAL_YEARS, 2, 28)
    if valid_until > limit:
        raise CustomsError(_("海关备案的有效期自核准之日起不超过十年（可续展），请核对有效期。"))


def _write(right, *, number, holder_name, recorded_on, valid_until, source, user, customs_import=None):
    """Create or update the right's recordal; returns (recordal, created, changed)."""
    field = "patent" if isinstance(right, Patent) else "trademark"
    recordal = CustomsRecordal.objects.select_for_update().filter(**{field: right}).first()
    other = CustomsRecordal.objects.filter(number=number).exclude(**{field: right}).first()
    if other is not None:
        raise CustomsError(
            _("备案号 %(number)s 已登记在另一项权利上（%(right)s）。") % {"number": number, "right": other.right}
        )
    values = {
        "number": number,
        "holder_name": holder_name,
        "recorded_on": recorded_on,
        "valid_until": valid_until,
        "district_id": right.district_id,
    }
    created = recordal is None
    if created:
        recordal = CustomsRecordal(**{field: right})
    elif all(getattr(recordal, name) == value for name, value in values.items()):
        return recordal, False, False
    for name, value in values.items():
        setattr(recordal, name, value)
    recordal.source, recordal.entered_by, recordal.customs_import = source, user, customs_import
    recordal.save()
    return recordal, created, True


def record(user, *, kind, right_number, number, holder_name, recorded_on, valid_until):
    """Staff enter (or correct) the recordal of one right of the register."""
    number, holder_name = text(number), text(holder_name)
    if not number or not holder_name:
        raise CustomsError(_("请填写备案号和备案权利人。"))
    _check_dates(recorded_on, valid_until)
    with transaction.atomic():
        right = find_right(kind, right_number)
        recordal, _created, _changed = _write(
            right,
            number=number,
            holder_name=holder_name,
            recorded_on=recorded_on,
            valid_until=valid_until,
            source=CustomsRecordal.Source.STAFF,
            user=user,
        )
    return recordal


# --- the customs list ---------------------------------------------------------------------------------


def _kind(value):
    word = text(value).lower()
    if any(w in word for w in TRADEMARK_WORDS):
        return TRADEMARK
    if any(w in word for w in PATENT_WORDS):
        return PATENT
    return None


def _check_row(raw, seen_numbers, seen_rights):
    messages = []
    kind = _kind(raw.get("right_kind"))
    if kind is None:
        messages.append(
            _("知识产权类型“%(value)s”无法识别，应为“专利”或“商标”。") % {"value": text(raw.get("right_kind"))}
        )
    number = text(raw.get("number"))
    if not number:
        messages.append(_("缺少备案号。"))
    elif number in seen_numbers:
        messages.append(_("与第 %(row)s 行的备案号相同。") % {"row": seen_numbers[number]})
    holder_name = text(raw.get("holder_name"))
    if not holder_name:
        messages.append(_("缺少权利人。"))
    recorded_on = parse_date(raw.get("recorded_on"), _("核准日期"), messages, required=True)
    valid_until = parse_date(raw.get("valid_until"), _("有效期至"), messages, required=True)
    right = None
    if kind is not None:
        try:
            right = find_right(kind, raw.get("right_number"))
        except CustomsError as error:
            messages.append(str(error))
    if recorded_on and valid_until:
        try:
            _check_dates(recorded_on, valid_until)
        except CustomsError as error:
            messages.append(str(error))
    if right is not None and (kind, right.pk) in seen_rights:
        messages.append(_("与第 %(row)s 行是同一项权利。") % {"row": seen_rights[(kind, right.pk)]})
    if messages:
        return None, messages
    return {
        "kind": kind,
        "right": right.pk,
        "right_label": str(right),
        "number": number,
        "holder_name": holder_name,
        "recorded_on": recorded_on.isoformat(),
        "valid_until": valid_until.isoformat(),
    }, []


def preview_list(uploaded, user):
    """Read and check the whole customs list; the `CustomsImport` holds the rows (preview) or, when a row
    is bad, every bad row's reasons (refused: it can never be applied). Nothing in the register changes.
    Raises ValidationError when the file cannot be read at all."""
    if Path(uploaded.name).suffix.lower() not in (".csv", ".xlsx"):
        raise ValidationError(_("请上传海关备案名单的 .csv 或 .xlsx 文件。"), code="extension")
    _mapping, _unused, rows = read_rows(uploaded, "customs")
    checked, rejections, total = [], [], 0
    seen_numbers, seen_rights = {}, {}
    for row_number, raw in rows:
        total += 1
        row, messages = _check_row(raw, seen_numbers, seen_rights)
        if row is None:
            rejections.append({"row": row_number, "number": text(raw.get("number")), "messages": messages})
            continue
        seen_numbers[row["number"]] = row_number
        seen_rights[(row["kind"], row["right"])] = row_number
        checked.append({"row": row_number, **row})
    if total == 0:
        raise ValidationError(_("文件中没有数据行。"), code="empty")
    uploaded.seek(0)
    batch = CustomsImport(
        filename=Path(uploaded.name).name[:200],
        status=CustomsImport.Status.REFUSED if rejections else CustomsImport.Status.PREVIEW,
        rows=[] if rejections else checked,
        rejections=rejections[:REJECTIONS_SHOWN],
        total_rows=total,
        uploaded_by=user,
    )
    batch.file.save(Path(uploaded.name).name, uploaded, save=False)
    batch.save()
    return batch


def apply_list(batch, user):
    """Write a previewed list's recordals, all in one transaction, once: a second request does nothing
    (returns False). A right deleted from the register since the preview fails the whole list."""
    with transaction.atomic():
        locked = CustomsImport.objects.select_for_update().get(pk=batch.pk)
        if not locked.may_apply:
            return False
        created = updated = 0
        for row in locked.rows:
            model = Patent if row["kind"] == PATENT else Trademark
            right = model.objects.filter(pk=row["right"]).first()
            if right is None:
                raise CustomsError(_("第 %(row)s 行的权利已不在登记簿中，请重新上传名单。") % {"row": row["row"]})
            _recordal, was_created, changed = _write(
                right,
                number=row["number"],
                holder_name=row["holder_name"],
                recorded_on=date.fromisoformat(row["recorded_on"]),
                valid_until=date.fromisoformat(row["valid_until"]),
                source=CustomsRecordal.Source.IMPORT,
                user=user,
                customs_import=locked,
            )
            created += was_created
            updated += changed and not was_created
        locked.status = CustomsImport.Status.APPLIED
        locked.created_count, locked.updated_count = created, updated
        locked.applied_at = timezone.now()
        locked.save(update_fields=["status", "created_count", "updated_count", "applied_at"])
    batch.refresh_from_db()
    return True


def discard_list(batch):
    with transaction.atomic():
        locked = CustomsImport.objects.select_for_update().get(pk=batch.pk)
        if locked.status not in (CustomsImport.Status.PREVIEW, CustomsImport.Status.REFUSED):
            return False
        locked.status = CustomsImport.Status.DISCARDED
        locked.save(update_fields=["status"])
        locked.file.delete(save=False)
    return True


# --- what an enterprise sees --------------------------------------------------------------------------


@dataclass(frozen=True)
class ChecklistItem:
    code: str
    label: str
    hint: str
    done: bool | None  # True: the platform knows it is in hand; None: the platform cannot tell


@dataclass(frozen=True)
class RightStatus:
    right: object
    kind: str
    recordal: object
    recorded: bool  # a recordal valid today
    lapsed: bool  # a recordal that has run out
    checklist: tuple = ()


# What the General Administration of Customs asks with an application for recordal (《知识产权海关保护条例》
# 第七条, 海关总署《实施办法》第七至九条), in the order the online recordal system asks for it.
CHECKLIST = (
    (
        "right",
        gettext_lazy("权利有效"),
        gettext_lazy("申请备案的专利权或注册商标专用权须在有效期内；登记簿显示该权利有效。"),
    ),
    (
        "certificate",
        gettext_lazy("权利证书"),
        gettext_lazy(
            "商标注册证或专利证书的复印件；商标有转让、续展、变更的，附核准证明；实用新型和外观设计专利可附专利权评价报告。"
        ),
    ),
    (
        "holder",
        gettext_lazy("权利人身份证明"),
        gettext_lazy("权利人的营业执照（统一社会信用代码）复印件；备案权利人须与登记簿上的权利人一致。"),
    ),
    (
        "licensees",
        gettext_lazy("被许可人（合法使用人）"),
        gettext_lazy("许可他人使用的，列明被许可人名称、许可的商品和期限，附许可合同复印件。"),
    ),
    (
        "goods",
        gettext_lazy("合法使用知识产权的货物"),
        gettext_lazy("货物名称、产地、进出境口岸、主要进出口商，及货物和包装的照片。"),
    ),
    (
        "infringers",
        gettext_lazy("已知侵权货物情况"),
        gettext_lazy("已知侵权货物的制造商、进出口商、主要特征、价格及进出境地海关（有则填写）。"),
    ),
    (
        "apply",
        gettext_lazy("网上提交申请"),
        gettext_lazy(
            "在海关总署“知识产权海关保护备案系统”在线提交申请并上传以上材料；海关总署自收到全部材料之日起30个工作日内作出决定。"
        ),
    ),
)


# The steps as the page lists them once, for every right not yet recorded.
CHECKLIST_STEPS = tuple(ChecklistItem(code, label, hint, None) for code, label, hint in CHECKLIST)


def checklist_for(right):
    """The steps to record `right`, those the register can vouch for marked done."""
    known = {"right": right.in_force, "certificate": bool(_certificate_number(right)), "holder": True}
    return tuple(ChecklistItem(code, str(label), str(hint), known.get(code)) for code, label, hint in CHECKLIST)


def _certificate_number(right):
    if isinstance(right, Patent):
        return right.grant_number or right.application_number if right.grant_date else ""
    return right.registration_number if right.registration_date or right.in_force else ""


def status_of_enterprise(organisation, today=None):
    """Each right in force the register ties to `organisation` for certain, with its recordal status and,
    where it is not recorded or the recordal has run out, the checklist to record it."""
    today = today or timezone.localdate()
    patents = confirmed_patents(organisation).filter(status__in=IN_FORCE)
    trademarks = confirmed_trademarks(organisation).filter(status=Trademark.Status.REGISTERED)
    statuses = []
    for kind, records in ((PATENT, patents), (TRADEMARK, trademarks)):
        for right in records.select_related("customs_recordal").order_by("pk"):
            recordal = getattr(right, "customs_recordal", None)
            recorded = recordal is not None and recordal.is_valid_on(today)
            lapsed = recordal is not None and recordal.valid_until < today
            statuses.append(
                RightStatus(right, kind, recordal, recorded, lapsed, () if recorded else checklist_for(right))
            )
    return statuses
