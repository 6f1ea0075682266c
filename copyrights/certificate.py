"""The registration certificate (作品登记证书 / 合同备案证明) as a PDF, drawn with reportlab's built-in Chinese
CID font as the training certificates are (`training.certificates`), from the approved filing itself: the
number, the public facts, the unit and the date, and where anyone may verify it."""

from io import BytesIO

from django.conf import settings
from django.urls import reverse
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from core.site import site_url
from training.certificates import FONT, _register_font

BLUE = colors.HexColor("#7a1f1f")


def verification_url(filing):
    return f"{site_url()}{reverse('copyrights:verify')}?number={filing.number}"


def _lines(filing):
    if filing.is_work:
        rows = [
            ("作品名称", filing.title),
            ("作品类别", filing.get_work_type_display()),
            ("作者", filing.authors),
            ("著作权人", filing.owners),
            ("创作完成日期", filing.completed_on.isoformat() if filing.completed_on else ""),
        ]
        if filing.published:
            rows.append(("首次发表", f"{filing.published_on.isoformat()} {filing.published_place}"))
        else:
            rows.append(("发表状态", "未发表"))
        return rows
    rows = [
        ("合同类别", filing.get_kind_display()),
        ("作品名称", filing.work_title),
        ("作品类别", filing.work_type_label),
        ("转让方（许可方）", filing.assignor),
        ("受让方（被许可方）", filing.assignee),
        ("权利内容", filing.rights),
    ]
    if filing.territory:
        rows.append(("地域范围", filing.territory))
    if filing.term_start or filing.term_end:
        start = filing.term_start.isoformat() if filing.term_start else ""
        end = filing.term_end.isoformat() if filing.term_end else ""
        rows.append(("期限", f"{start} 至 {end}"))
    return rows


def _wrapped(text, width, size):
    """`text` cut into lines no wider than `width` points at `size` (Chinese text has no spaces to break at)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines, line = [], ""
    for char in text:
        if stringWidth(line + char, FONT, size) > width and line:
            lines.append(line)
            line = ""
        line += char
    return [*lines, line] if line else lines or [""]


def certificate_pdf_bytes(filing):
    _register_font()
    buffer = BytesIO()
    width, height = A4
    pdf = canvas.Canvas(buffer, pagesize=A4)
    title = "作品登记证书" if filing.is_work else "著作权合同备案证明"
    pdf.setTitle(f"{filing.number} {title}")
    pdf.setAuthor(str(filing.unit))

    pdf.setStrokeColor(BLUE)
    pdf.setLineWidth(4)
    pdf.rect(30, 30, width - 60, height - 60)
    pdf.setLineWidth(1)
    pdf.rect(40, 40, width - 80, height - 80)

    pdf.setFillColor(BLUE)
    pdf.setFont(FONT, 32)
    pdf.drawCentredString(width / 2, height - 120, " ".join(title))
    pdf.setFillColor(colors.black)
    pdf.setFont(FONT, 12)
    pdf.drawCentredString(width / 2, height - 150, f"登记号：{filing.number}")

    y = height - 210
    for label, value in _lines(filing):
        pdf.setFont(FONT, 13)
        pdf.drawString(80, y, f"{label}：")
        for line in _wrapped(value or "—", width - 280, 13):
            pdf.drawString(210, y, line)
            y -= 22
        y -= 6

    pdf.setFont(FONT, 12)
    statement = (
        "经审查，上述作品已予登记。" if filing.is_work else "经审查，上述著作权合同已予备案。"
    ) + "本证书所载事项以登记机关记录为准。"
    for line in _wrapped(statement, width - 160, 12):
        pdf.drawString(80, y - 10, line)
        y -= 20

    pdf.setFont(FONT, 14)
    pdf.drawRightString(width - 90, 170, f"登记机关：{filing.unit.name}")
    registered = filing.registered_on
    pdf.drawRightString(width - 90, 145, f"{registered.year}年{registered.month}月{registered.day}日")
    pdf.setFont(FONT, 9)
    pdf.drawString(70, 80, f"核验：{verification_url(filing)}")
    pdf.drawString(70, 66, settings.WAGTAIL_SITE_NAME)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
