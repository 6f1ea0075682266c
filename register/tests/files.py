"""Files as the national patent search system, commercial databases and the trademark office export them."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

PATENT_HEADER = [
    "申请号",
    "申请日",
    "公开（公告）号",
    "公开（公告）日",
    "授权公告日",
    "发明名称",
    "摘要",
    "申请（专利权）人",
    "地址",
    "发明人",
    "IPC分类号",
    "代理机构",
    "代理人",
    "法律状态",
    "法律状态公告日",
]

QUARTZ = [
    "CN201310123456.2",
    "2013-03-01",
    "CN103123456A",
    "2013-07-10",
    "2015-06-03",
    "一种高纯石英砂的提纯方法",
    "本发明公开了一种用于光伏坩埚的高纯石英砂提纯方法。",
    "连云港石英新材料有限公司",
    "江苏省连云港市东海县石英大道8号",
    "王海；李明",
    "C01B33/12;C03B20/00",
    "连云港港城专利代理事务所 32231",
    "赵律",
    "有效",
    "",
]
PHARMA = [
    "ZL 2014 1 0123456.7",
    "2014/05/20",
    "CN104012345A",
    "2014-09-01",
    "2017-01-04",
    "一种抗肿瘤药物组合物及其制备方法",
    "本发明涉及一种抗肿瘤药物组合物。",
    "江苏恒瑞医药股份有限公司;中国药科大学",
    "江苏省连云港市经济技术开发区昆仑山路7号",
    "张伟",
    "A61K31/4745;A61P35/00",
    "",
    "",
    "未缴年费专利权终止",
    "2022-07-15",
]
BAD_CHECK_DIGIT = [
    "201310123457.2",
    "2013-03-01",
    "",
    "",
    "",
    "一种港口装卸装置",
    "",
    "连云港港口集团有限公司",
    "",
    "",
    "B65G67/60",
    "",
    "",
    "",
    "",
]
IMPOSSIBLE_DATE = [
    "201320123456.8",
    "2013-02-30",
    "",
    "",
    "",
    "一种集装箱锁具",
    "",
    "连云港港口集团有限公司",
    "",
    "",
    "B65D90/00",
    "",
    "",
    "",
    "",
]
UNKNOWN_IPC = [
    "201330123456.3",
    "2013-04-02",
    "",
    "",
    "",
    "包装盒（紫菜）",
    "",
    "赣榆海产有限公司",
    "",
    "",
    "Z99Z1/00",
    "",
    "",
    "",
    "",
]


def csv_file(rows, header=PATENT_HEADER, name="patents.csv", encoding="utf-8-sig"):
    lines = [",".join(f'"{cell}"' for cell in row) for row in [header, *rows]]
    return SimpleUploadedFile(name, ("\r\n".join(lines) + "\r\n").encode(encoding))


def xlsx_file(rows, header=PATENT_HEADER, name="patents.xlsx"):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


TRADEMARK_HEADER = [
    "注册号",
    "国际分类",
    "商标名称",
    "商品/服务",
    "注册人",
    "注册人地址",
    "申请日期",
    "注册日期",
    "专用权期限至",
    "商标状态",
    "商标类型",
    "国际注册号",
    "驰名商标",
    "著名商标",
]
DONGHAI_CRYSTAL = [
    "第3012345号",
    "14",
    "东海水晶",
    "水晶饰品",
    "东海县水晶产业协会",
    "江苏省连云港市东海县牛山街道",
    "2001-02-03",
    "2003-05-07",
    "2033-05-06",
    "注册",
    "地理标志证明商标",
    "",
    "",
    "",
]
KANGYUAN = [
    "8765432",
    "05",
    "康缘",
    "中成药",
    "江苏康缘药业股份有限公司",
    "江苏省连云港市经济技术开发区江宁工业城",
    "2010-10-10",
    "2012-01-14",
    "2032-01-13",
    "注册",
    "普通商标",
    "G1123456",
    "行政认定 2011",
    "2008",
]
BAD_CLASS = [
    "5566778",
    "46",
    "海州湾",
    "海产品",
    "连云港海产有限公司",
    "连云港市海州区",
    "2015-01-01",
    "2016-01-01",
    "",
    "注册",
    "",
    "",
    "",
    "",
]


def image_bytes(kind="PNG", size=(120, 80), colour=(200, 30, 30)):
    """A real image of `kind`, as Pillow writes it."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format=kind)
    return buffer.getvalue()


def zip_file(sheet, files, name="trademarks.zip"):
    """A ZIP as staff pack an export: the sheet (an uploaded file) and {path inside the ZIP: bytes}."""
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(sheet.name, sheet.read())
        for path, data in files.items():
            archive.writestr(path, data)
    return SimpleUploadedFile(name, buffer.getvalue())
