"""The certificate as a PDF, drawn with reportlab's built-in Chinese CID font (no font file needed)."""

from io import BytesIO

from django.conf import settings
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"


def _register_font():
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def certificate_pdf_bytes(certificate):
    _register_font()
    buffer = BytesIO()
    width, height = landscape(A4)
    pdf = canvas.Canvas(buffer, pagesize=(width, height))
    pdf.setTitle(f"{certificate.number} 结业证书")
    pdf.setAuthor(settings.WAGTAIL_SITE_NAME)

    pdf.setStrokeColor(colors.HexColor("#1f4e79"))
    pdf.setLineWidth(4)
    pdf.rect(30, 30, width - 60, height - 60)
    pdf.setLineWidth(1)
    pdf.rect(40, 40, width - 80, height - 80)

    pdf.setFillColor(colors.HexColor("#1f4e79"))
    pdf.setFont(FONT, 40)
    pdf.drawCentredString(width / 2, height - 130, "结 业 证 书")
    pdf.setFillColor(colors.black)
    pdf.setFont(FONT, 12)
    pdf.drawRightString(width - 70, height - 75, f"证书编号：{certificate.number}")

    pdf.setFont(FONT, 20)
    pdf.drawCentredString(width / 2, height - 210, f"{certificate.holder_name} 同志：")
    pdf.setFont(FONT, 16)
    pdf.drawCentredString(width / 2, height - 255, f"参加了“{certificate.course_title}”")
    pdf.drawCentredString(
        width / 2, height - 290, f"（{certificate.get_course_type_display()}培训），完成全部课程，准予结业。"
    )
    pdf.setFont(FONT, 14)
    if certificate.organiser:
        pdf.drawRightString(width - 110, 150, f"主办单位：{certificate.organiser}")
    pdf.drawRightString(width - 110, 125, settings.WAGTAIL_SITE_NAME)
    issued = certificate.issued_on
    pdf.drawRightString(width - 110, 100, f"{issued.year}年{issued.month}月{issued.day}日")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
