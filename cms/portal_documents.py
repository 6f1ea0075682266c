"""Reading a policy document as a government portal publishes it (the city's 2014 plan is one).

A portal page starts with metadata lines (索引号, 发布机构 and 发文日期, 标题, 文号 and 主题词, 内容概述,
时效), then the full text. `parse_portal_document` returns the metadata and the text as body blocks:
"一、" lines become level-2 headings, short "(一)" lines level-3 headings, and "1." or long "(一)"
paragraphs keep their numbered lead in bold. `render_pdf` typesets the text as a PDF (reportlab's CID
font, so no font file is needed) for the page's attachment.
"""

import datetime
import io
import re
from dataclasses import dataclass, field
from html import escape

CHAPTER = re.compile(r"^[一二三四五六七八九十]+、")
SECTION = re.compile(r"^\([一二三四五六七八九十]+\)")
ITEM = re.compile(r"^\d+\.")
DATE_LINE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")
# The portal's own page furniture copied along with the text (its QR-code caption, its location line).
PORTAL_FURNITURE = re.compile(r"^(扫一扫打开当前页|当前位置[:：])")

METADATA = [
    ("index_number", re.compile(r"^索 引 号 (?P<index_number>\S+)$")),
    ("issuing_agency", re.compile(r"^发布机构 (?P<issuing_agency>.+?) 发文日期 (?P<issue_date>\d{4}-\d{2}-\d{2})$")),
    ("title", re.compile(r"^标 题 (?P<title>.+)$")),
    ("document_number", re.compile(r"^文 号 (?P<document_number>\S+) 主 题 词(?: (?P<subject_words>.*))?$")),
    ("summary", re.compile(r"^内容概述 (?P<summary>.+)$")),
    ("validity_note", re.compile(r"^时 效 (?P<validity_note>.+?)(?: 文件下载)?$")),
]
REPEALING_DOCUMENT = re.compile(r"《(?P<title>[^》]+)》\((?P<number>[^)]+)\)")


@dataclass
class PortalDocument:
    index_number: str = ""
    issuing_agency: str = ""
    issue_date: datetime.date | None = None
    title: str = ""
    document_number: str = ""
    subject_words: str = ""
    summary: str = ""
    validity: str = "valid"
    validity_note: str = ""
    repealed_by_title: str = ""
    repealed_by_number: str = ""
    blocks: list = field(default_factory=list)
    # Where the attached plan starts in `blocks` (its title heading), when the text is a covering notice.
    attachment_start: int | None = None
    attachment_title: str = ""

    def attachment_lines(self):
        """The attached text as (kind, text) pairs, for the PDF."""
        start = self.attachment_start or 0
        return [_plain(block) for block in self.blocks[start:]]


def _plain(block):
    kind, value = block
    if kind == "heading":
        return ("h2" if value["level"] == "h2" else "h3", value["text"])
    return ("p", re.sub(r"<[^>]+>", "", value))


def _paragraph(text, lead=None):
    if lead:
        return ("paragraph", f"<p><b>{escape(lead)}</b>{escape(text[len(lead) :])}</p>")
    return ("paragraph", f"<p>{escape(text)}</p>")


def _numbered_lead(text):
    """'1.培育专利助推创新。' of '1.培育专利助推创新。引导…': the number and the item's title sentence."""
    end = text.find("。")
    return text[: end + 1] if 0 < end < 40 else None


def parse_metadata(lines, document):
    for line in lines:
        for _name, pattern in METADATA:
            match = pattern.match(line.strip())
            if match:
                for key, value in match.groupdict().items():
                    setattr(document, key, (value or "").strip())
    if document.issue_date:
        document.issue_date = datetime.date.fromisoformat(document.issue_date)
    note = document.validity_note
    if note:
        if note.endswith("已宣布失效。") or "此文件已失效" in note:
            document.validity = "invalid"
        elif note.endswith("已宣布废止。") or "此文件已废止" in note:
            document.validity = "repealed"
        repealing = REPEALING_DOCUMENT.search(note)
        if repealing and document.validity != "valid":
            document.repealed_by_title = repealing.group("title")
            document.repealed_by_number = repealing.group("number")


def parse_portal_document(text):
    lines = text.splitlines()
    document = PortalDocument()
    # The metadata block ends at the first empty line.
    end_of_metadata = next((i for i, line in enumerate(lines) if not line.strip()), len(lines))
    parse_metadata(lines[:end_of_metadata], document)

    body_lines = [line.strip() for line in lines[end_of_metadata:]]
    blocks = []
    pending_title = []
    after_signature = False
    for line in body_lines:
        if not line or PORTAL_FURNITURE.match(line):
            continue
        if line == document.title and not blocks:
            continue  # the portal repeats the title above the text; the page shows it as its heading
        if after_signature and "。" not in line and len(line) <= 30 and not CHAPTER.match(line):
            pending_title.append(line)  # the attached plan's title, set over several lines
            continue
        if pending_title:
            document.attachment_start = len(blocks)
            document.attachment_title = "".join(pending_title)
            blocks.append(("heading", {"text": document.attachment_title, "level": "h2"}))
            pending_title = []
            after_signature = False
        if DATE_LINE.match(line):
            blocks.append(_paragraph(line))
            after_signature = True
        elif CHAPTER.match(line):
            blocks.append(("heading", {"text": line, "level": "h2"}))
        elif SECTION.match(line) and "。" not in line:
            blocks.append(("heading", {"text": line, "level": "h3"}))
        elif SECTION.match(line) or ITEM.match(line):
            blocks.append(_paragraph(line, lead=_numbered_lead(line)))
        else:
            blocks.append(_paragraph(line))
    document.blocks = blocks
    return document


def render_pdf(title, lines):
    """A PDF of `lines` [(h2|h3|p, text)] under `title`, in the Song typeface every PDF reader has."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    font = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    base = {"fontName": font, "wordWrap": "CJK"}
    styles = {
        "title": ParagraphStyle("title", fontSize=18, leading=28, alignment=1, spaceAfter=12, **base),
        "h2": ParagraphStyle("h2", fontSize=14, leading=22, spaceBefore=10, spaceAfter=4, **base),
        "h3": ParagraphStyle("h3", fontSize=12, leading=20, spaceBefore=6, spaceAfter=2, **base),
        "p": ParagraphStyle("p", fontSize=11, leading=19, firstLineIndent=22, spaceAfter=4, **base),
    }
    buffer = io.BytesIO()
    pdf = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        leftMargin=25 * mm,
        rightMargin=25 * mm,
        topMargin=25 * mm,
        bottomMargin=25 * mm,
    )
    story = [Paragraph(escape(title), styles["title"]), Spacer(1, 4 * mm)]
    for kind, text in lines:
        story.append(Paragraph(escape(text), styles[kind]))
    pdf.build(story)
    return buffer.getvalue()
