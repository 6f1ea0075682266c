"""Reading what users actually have: CSV and XLSX exports with Chinese headers, and the register's XML.

Each reader yields `(row number, {field: cell})`; the importer checks every row the same way whatever
the file was. Headers are matched after Unicode normalisation (so `申请（专利权）人` with full-width
brackets and `申请(专利权)人` are one header) and without spaces or case.

CSV exports from the national patent search system are often GB18030 (GBK), not UTF-8: `core.tables` reads
a CSV in either encoding, as every importer does. XLSX files are checked by `core.uploads.validate_upload`
(content, not name).

The XML format (`docs/register-xml.md`) is read with defusedxml, which refuses entity expansion and
external references.

A ZIP (a sheet with its trademark images) is opened by `register.images.unpack` before these readers
see the sheet inside it.
"""

import unicodedata
from pathlib import Path

from defusedxml import ElementTree
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from core.tables import csv_encoding, table_rows, unpacked_size
from core.uploads import validate_upload

MAX_BYTES = 50 * 1024 * 1024

# field → accepted headers, most usual first
PATENT_COLUMNS = {
    "application_number": ("申请号", "专利申请号", "申请号码", "application number"),
    "filing_date": ("申请日", "申请日期", "filing date"),
    "publication_number": ("公开（公告）号", "公开号", "公告号", "publication number"),
    "publication_date": ("公开（公告）日", "公开日", "公告日", "publication date"),
    "grant_number": ("授权公告号", "授权号"),
    "grant_date": ("授权公告日", "授权日", "grant date"),
    "title": ("发明名称", "专利名称", "名称", "标题", "title"),
    "abstract": ("摘要", "abstract"),
    "applicants": ("申请（专利权）人", "申请人", "专利权人", "当前权利人", "applicant"),
    "address": ("地址", "申请人地址", "address"),
    "credit_code": ("统一社会信用代码", "申请人统一社会信用代码"),
    "applicant_kind": ("申请人类型",),
    "inventors": ("发明人", "发明（设计）人", "设计人", "inventor"),
    "ipc_main": ("主分类号", "IPC主分类号", "主分类", "main ipc"),
    "ipc_all": ("IPC分类号", "分类号", "IPC", "ipc"),
    "agency_name": ("代理机构", "专利代理机构", "agency"),
    "agency_code": ("代理机构代码",),
    "agents": ("代理人", "agent"),
    "priority": ("优先权", "priority"),
    "pct_application_number": ("国际申请", "PCT国际申请号", "国际申请号"),
    "legal_status": ("法律状态", "当前法律状态", "legal status"),
    "legal_status_date": ("法律状态公告日", "法律状态日", "法律状态日期"),
}
PATENT_REQUIRED = ("application_number", "filing_date", "title", "applicants")

TRADEMARK_COLUMNS = {
    "registration_number": ("注册号", "注册号/申请号", "申请号/注册号", "registration number"),
    "application_number": ("申请号",),
    "nice_class": ("国际分类", "类别", "尼斯分类", "国际分类号", "class"),
    "goods_services": ("商品/服务", "商品服务", "商品/服务项目", "商品服务项目"),
    "name": ("商标名称", "商标", "mark"),
    "registrant_name": ("注册人", "注册人名称", "申请人名称", "申请人", "registrant"),
    "registrant_address": ("注册人地址", "申请人地址", "地址"),
    "credit_code": ("统一社会信用代码",),
    "application_date": ("申请日期", "申请日"),
    "registration_date": ("注册日期", "注册公告日期"),
    "expiry_date": ("专用权期限至", "专用权期限", "专用期限截止日"),
    "status": ("商标状态", "状态"),
    "status_date": ("商标状态日期", "状态日期", "注销日期", "无效宣告日期"),
    "mark_kind": ("商标类型",),
    "is_geographical_indication": ("地理标志",),
    "is_agricultural": ("农产品商标",),
    "madrid_number": ("国际注册号", "马德里国际注册号"),
    "madrid_date": ("国际注册日期", "马德里国际注册日期"),
    "well_known": ("驰名商标",),
    "provincial_famous": ("著名商标", "江苏省著名商标"),
    "image": ("商标图样", "图样", "商标图像", "图样文件", "商标图片", "image"),
}
TRADEMARK_REQUIRED = ("registration_number", "nice_class", "name", "registrant_name")

# The customs list of recorded rights (知识产权海关备案), as the customs authority's export names its columns.
CUSTOMS_COLUMNS = {
    "number": ("备案号", "海关备案号", "recordal number"),
    "right_kind": ("知识产权类型", "权利类型", "备案类型", "类型", "type"),
    "right_number": ("专利号/注册号", "注册号/专利号", "知识产权号", "专利号", "注册号", "申请号", "right number"),
    "holder_name": ("权利人", "备案权利人", "知识产权权利人", "holder"),
    "recorded_on": ("核准日期", "备案日期", "备案核准日期", "recorded on"),
    "valid_until": ("有效期至", "备案有效期至", "有效期", "备案有效期", "valid until"),
}
CUSTOMS_REQUIRED = ("number", "right_kind", "right_number", "holder_name", "recorded_on", "valid_until")

COLUMNS = {
    "patent": (PATENT_COLUMNS, PATENT_REQUIRED),
    "trademark": (TRADEMARK_COLUMNS, TRADEMARK_REQUIRED),
    "customs": (CUSTOMS_COLUMNS, CUSTOMS_REQUIRED),
}


def header_key(text):
    return "".join(unicodedata.normalize("NFKC", str(text or "")).lstrip("\ufeff").split()).lower()


def map_header(header, record_kind):
    """({field: column index}, [headers not used]); raises ValidationError naming missing required columns."""
    columns, required = COLUMNS[record_kind]
    names = {}
    for field, aliases in columns.items():
        for alias in aliases:
            names.setdefault(header_key(alias), field)
    mapping, unused = {}, []
    for index, cell in enumerate(header):
        field = names.get(header_key(cell))
        if field and field not in mapping:
            mapping[field] = index
        elif str(cell or "").strip():
            unused.append(str(cell).strip())
    missing = [columns[field][0] for field in required if field not in mapping]
    if missing:
        raise ValidationError(
            _("缺少必需的列：%(cols)s。请上传含表头的导出文件。") % {"cols": "、".join(missing)}, code="columns"
        )
    return mapping, unused


def file_type(uploaded):
    """'csv', 'xlsx' or 'xml', from the content; raises ValidationError when the content is none of them."""
    extension = Path(uploaded.name).suffix.lower()
    if uploaded.size > MAX_BYTES:
        raise ValidationError(_("文件过大，上限为 50 MB，请分成几份导入。"), code="size")
    if extension == ".xlsx":
        validate_upload(uploaded, kinds=("spreadsheet",), max_bytes=MAX_BYTES)
        _check_unpacked_size(uploaded)
        return "xlsx"
    if extension in (".csv", ".xml"):
        encoding = csv_encoding(uploaded)
        if encoding is None:
            # One message for a CSV and an XML file alike.
            raise ValidationError(_("文件须为 UTF-8 或 GBK 编码的文本。"), code="encoding")
        if extension == ".xml":
            uploaded.seek(0)
            head = uploaded.read(512).decode(encoding, errors="ignore").lstrip("\ufeff").lstrip()
            uploaded.seek(0)
            if not head.startswith("<"):
                raise ValidationError(_("文件内容不是 XML。"), code="content")
            return "xml"
        return "csv"
    raise ValidationError(
        _("不支持的文件类型“%(ext)s”，请上传 .csv、.xlsx、.xml 文件，或装有表格与商标图样的 .zip 文件。")
        % {"ext": extension or "?"},
        code="extension",
    )


def _check_unpacked_size(uploaded):
    """A workbook is read as a stream, but a small one can unpack to gigabytes of XML and hold the import's
    worker for hours. Ordinary workbooks pack 5 to 15 bytes into one, so the largest upload of a real export
    stays under the bound."""
    limit = settings.REGISTER_IMPORT_MAX_UNPACKED_BYTES
    unpacked = unpacked_size(uploaded)
    if unpacked > limit:
        raise ValidationError(
            _("表格解压后过大（%(size)s，上限为 %(limit)s），请分成几份导入。")
            % {"size": filesizeformat(unpacked), "limit": filesizeformat(limit)},
            code="size",
        )


def read_rows(uploaded, record_kind):
    """(mapping {field: header}, unused headers, iterator of (row number, {field: value}))."""
    kind = file_type(uploaded)
    if kind == "xml":
        return {}, [], _xml_rows(uploaded, record_kind)
    table = table_rows(uploaded, kind)
    header = []
    for header in table:
        if any(str(cell or "").strip() for cell in header):
            break
    index, unused = map_header(header, record_kind)
    mapping = {field: str(header[position]).strip() for field, position in index.items()}

    def rows():
        for number, cells in enumerate(table, start=2):
            if not any(str(cell or "").strip() for cell in cells):
                continue
            yield number, {field: cells[position] if position < len(cells) else "" for field, position in index.items()}

    return mapping, unused, rows()


# XML element → field; repeated elements are joined the way an export's cell would hold them.
_XML_FIELDS = {
    "patent": {
        "application-number": "application_number",
        "filing-date": "filing_date",
        "publication-number": "publication_number",
        "publication-date": "publication_date",
        "grant-number": "grant_number",
        "grant-date": "grant_date",
        "title": "title",
        "abstract": "abstract",
        "inventor": "inventors",
        "ipc-main": "ipc_main",
        "ipc": "ipc_all",
        "agency": "agency_name",
        "agency-code": "agency_code",
        "agent": "agents",
        "priority": "priority",
        "pct-application-number": "pct_application_number",
    },
    "trademark": {
        "registration-number": "registration_number",
        "application-number": "application_number",
        "nice-class": "nice_class",
        "goods-services": "goods_services",
        "name": "name",
        "application-date": "application_date",
        "registration-date": "registration_date",
        "expiry-date": "expiry_date",
        "status": "status",
        "mark-kind": "mark_kind",
        "madrid-number": "madrid_number",
        "madrid-date": "madrid_date",
        "status-date": "status_date",
    },
}


def _xml_rows(uploaded, record_kind):
    uploaded.seek(0)
    try:
        root = ElementTree.parse(uploaded).getroot()
    except Exception as error:  # ParseError, and defusedxml's refusals of entities
        raise ValidationError(_("无法读取该 XML 文件：%(error)s") % {"error": error}) from error
    fields = _XML_FIELDS[record_kind]
    for number, element in enumerate(root.findall(record_kind), start=1):
        row = {}
        for child in element:
            text = (child.text or "").strip()
            if child.tag == "applicant" and record_kind == "patent":
                row.setdefault("applicants", []).append(
                    {
                        "name": child.get("name", ""),
                        "address": child.get("address", ""),
                        "credit_code": child.get("credit-code", ""),
                    }
                )
            elif child.tag == "registrant" and record_kind == "trademark":
                row["registrant_name"] = child.get("name", "")
                row["registrant_address"] = child.get("address", "")
                row["credit_code"] = child.get("credit-code", "")
            elif child.tag == "event" and record_kind == "patent":
                row.setdefault("events", []).append((child.get("kind", ""), child.get("date", ""), text))
            elif child.tag == "image" and record_kind == "trademark":
                if child.get("file"):
                    row["image"] = child.get("file")
                else:
                    row["image_base64"] = child.text or ""
            elif child.tag == "flag" and record_kind == "trademark":
                row.setdefault("flags", []).append((child.get("name", ""), child.get("year", "")))
            elif child.tag in fields:
                field = fields[child.tag]
                row[field] = f"{row[field]};{text}" if field in row else text
        yield number, row
