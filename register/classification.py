"""The classifications records are filed under: IPC for patents, Nice for trademarks.

IPC symbols are written `H01L 21/02` (section, class, subclass, main group / subgroup); exports also
write `H01L21/02`, `H01L-021/02` and `H01L 021/020000`. `normalise_ipc` brings them to `H01L 21/02`.

The subclass list below is compact: every IPC class, and for each the subclasses in use in the
current edition as far as the platform needs them (the city's industries are covered in full: A01,
A61, C01–C04, C07, C08, C12, C30, B63, B65, B66, H01). A symbol whose subclass is missing here is
rejected with a reason naming the subclass, so staff can add it to `IPC_SUBCLASSES` instead of the
import guessing; the full WIPO scheme can replace the table without changing the functions.
"""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

IPC_SECTIONS = {
    "A": _("人类生活必需"),
    "B": _("作业；运输"),
    "C": _("化学；冶金"),
    "D": _("纺织；造纸"),
    "E": _("固定建筑物"),
    "F": _("机械工程；照明；加热；武器；爆破"),
    "G": _("物理"),
    "H": _("电学"),
}

# class → the letters of its subclasses
IPC_SUBCLASSES = {
    "A01": "BCDFGHJKLMNP",
    "A21": "BCD",
    "A22": "BC",
    "A23": "BCDFGJKLNPV",
    "A24": "BCDF",
    "A41": "BCDFGH",
    "A42": "BC",
    "A43": "BCD",
    "A44": "BC",
    "A45": "BCDF",
    "A46": "BD",
    "A47": "BCDFGHJKL",
    "A61": "BCDFGHJKLMNPQ",
    "A62": "BCD",
    "A63": "BCFGHJK",
    "A99": "Z",
    "B01": "BDFJL",
    "B02": "BC",
    "B03": "BCD",
    "B04": "BC",
    "B05": "BCD",
    "B06": "B",
    "B07": "BC",
    "B08": "B",
    "B09": "BC",
    "B21": "BCDFHJKL",
    "B22": "CDF",
    "B23": "BCDFGHKPQ",
    "B24": "BCD",
    "B25": "BCDFGHJ",
    "B26": "BDF",
    "B27": "BCDFGHJKLMN",
    "B28": "BCD",
    "B29": "BCDKL",
    "B30": "B",
    "B31": "BCDF",
    "B32": "B",
    "B33": "Y",
    "B41": "BCDFGJKLMN",
    "B42": "BCDF",
    "B43": "KLM",
    "B44": "BCDF",
    "B60": "BCDFGHJKLMNPQRSTVWY",
    "B61": "BCDFGHJKL",
    "B62": "BCDHJKLM",
    "B63": "BCGHJ",
    "B64": "BCDFGU",
    "B65": "BCDGH",
    "B66": "BCDF",
    "B67": "BCD",
    "B68": "BCFG",
    "B81": "BC",
    "B82": "BY",
    "B99": "Z",
    "C01": "BCDFGP",
    "C02": "F",
    "C03": "BC",
    "C04": "B",
    "C05": "BCDFG",
    "C06": "BCDF",
    "C07": "BCDFGHJK",
    "C08": "BCFGHJKL",
    "C09": "BCDFGHJK",
    "C10": "BCFGHJKLMN",
    "C11": "BCD",
    "C12": "BCFGHJLMNPQRSY",
    "C13": "BK",
    "C14": "BC",
    "C21": "BCD",
    "C22": "BCF",
    "C23": "CDFG",
    "C25": "BCDF",
    "C30": "B",
    "C40": "B",
    "C99": "Z",
    "D01": "BCDFGH",
    "D02": "GHJ",
    "D03": "CDJ",
    "D04": "BCDGH",
    "D05": "BC",
    "D06": "BCFGHJLMNPQ",
    "D07": "B",
    "D21": "BCDFGHJ",
    "D99": "Z",
    "E01": "BCDFH",
    "E02": "BCDF",
    "E03": "BCDF",
    "E04": "BCDFGH",
    "E05": "BCDFG",
    "E06": "BC",
    "E21": "BCDF",
    "E99": "Z",
    "F01": "BCDKLMNP",
    "F02": "BCDFGKMNP",
    "F03": "BCDGH",
    "F04": "BCDF",
    "F15": "BCD",
    "F16": "BCDFGHJKLMNPST",
    "F17": "BCD",
    "F21": "HKLSVWY",
    "F22": "BDG",
    "F23": "BCDGHJKLMNQR",
    "F24": "BCDFHSTV",
    "F25": "BCDJ",
    "F26": "B",
    "F27": "BDM",
    "F28": "BCDFG",
    "F41": "ABCFGHJ",
    "F42": "BCD",
    "F99": "Z",
    "G01": "BCDFGHJKLMNPQRSTVW",
    "G02": "BCF",
    "G03": "BCDFGH",
    "G04": "BCDFGR",
    "G05": "BDFG",
    "G06": "CDEFGJKMNQTV",
    "G07": "BCDFG",
    "G08": "BCG",
    "G09": "BCDFG",
    "G10": "BCDFGHKL",
    "G11": "BC",
    "G12": "B",
    "G16": "BCHYZ",
    "G21": "BCDFGHJK",
    "G99": "Z",
    "H01": "BCFGHJKLMPQRST",
    "H02": "BGHJKMNPS",
    "H03": "BCDFGHJKLM",
    "H04": "BHJKLMNQRSW",
    "H05": "BFGHK",
    "H10": "BDFHKN",
    "H99": "Z",
}

_IPC = re.compile(r"^([A-H])(\d{2})([A-Z])(?:[\s-]*0*(\d{1,4})\s*/\s*(\d{1,6}))?$")
IPC_FORMAT = _("IPC分类号“%(value)s”格式不正确，应如 H01L 21/02 或 C03B 20/00（部、大类、小类，可带大组/小组）。")

NICE_CLASSES = range(1, 46)


def normalise_ipc(value):
    """'h01l21/02', 'H01L-021/020000' → 'H01L 21/02'; a bare subclass stays 'H01L'.

    Raises ValidationError for a malformed symbol or a section, class or subclass the scheme lacks.
    """
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", str(value or ""))).strip().upper()
    match = _IPC.match(text)
    if not match:
        raise ValidationError(IPC_FORMAT % {"value": value}, code="ipc_format")
    section, class_digits, letter, group, subgroup = match.groups()
    ipc_class = section + class_digits
    if ipc_class not in IPC_SUBCLASSES:
        raise ValidationError(
            _("IPC分类号“%(value)s”中的大类 %(cls)s 不存在。") % {"value": value, "cls": ipc_class}, code="ipc_class"
        )
    if letter not in IPC_SUBCLASSES[ipc_class]:
        raise ValidationError(
            _("IPC分类号“%(value)s”中的小类 %(subclass)s 不在分类表中。")
            % {"value": value, "subclass": ipc_class + letter},
            code="ipc_subclass",
        )
    if group is None:
        return ipc_class + letter
    # Exports pad the subgroup to six digits (020000); the printed form drops trailing zeros but keeps two.
    subgroup = subgroup.rstrip("0").ljust(2, "0")
    return f"{ipc_class}{letter} {int(group)}/{subgroup}"


def split_ipc_list(value):
    """The symbols of an export's IPC cell ('H01L21/02;H01L31/18', one a line, or separated by '，')."""
    return [part for part in re.split(r"[;；,，\n|]+", str(value or "")) if part.strip()]


def ipc_prefixes(symbol):
    """The symbol and everything above it: 'H01L 21/02' → ['H', 'H01', 'H01L', 'H01L 21/02'].

    A search for a class finds its descendants by matching any of these, on both search backends.
    """
    subclass = symbol[:4]
    prefixes = [symbol[0], symbol[:3], subclass]
    if len(symbol) > 4:
        group = symbol.split("/")[0]
        prefixes.append(f"{group}/00")
        if symbol != f"{group}/00":
            prefixes.append(symbol)
    return prefixes


def normalise_nice_class(value):
    """'9', '09', '第9类', 9.0 → 9; raises ValidationError outside 1–45."""
    text = unicodedata.normalize("NFKC", str(value if value is not None else "")).strip()
    text = text.removeprefix("第").removesuffix("类").strip()
    if text.endswith(".0"):
        text = text[:-2]
    if not text.isdigit() or int(text) not in NICE_CLASSES:
        raise ValidationError(_("尼斯分类“%(value)s”无效，应为 1 至 45 类。") % {"value": value}, code="nice_class")
    return int(text)
