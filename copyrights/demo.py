"""The copyright demo: 东海 crystal-craft works (the plan's 东海水晶 copyright industry) registered by a Donghai
crystal-products company over the past year, a software work of the demo enterprise, a licence contract of
one of the crystal works filed and approved, and one more crystal work sent back for correction (the
applicant has not answered yet). The examiner of 市文广新局 takes every step through `copyrights.filings`,
at the moment the story says.
"""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from PIL import Image, ImageDraw

from accounts.demo import ENTERPRISE_EMAIL, person
from accounts.models import User
from core.scenarios import at, day
from reference.models import ResponsibleUnit

from . import filings
from .models import UNIT_CODE, Examiner, Filing, Kind, WorkType
from .roles import ensure_copyright_roles

REQUIRES = ("accounts", "services")

EXAMINER_EMAIL = "copyright@demo.ip.lyg"
# The owner of 江苏东海晶华水晶制品有限公司 (services' demo buyers).
CRYSTAL_EMAIL = "contact9002@demo.ip.lyg"
CORRECTION_TITLE = "水晶摆件《连岛日出》"
CORRECTION_REASON = "样本图片未能体现作品全貌，请补充正面与侧面照片，并在作品说明中写明创作过程。"
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


@dataclass(frozen=True)
class DemoWork:
    title: str
    work_type: str
    authors: str
    description: str
    completed: int  # days before the load day
    published: int | None
    place: str
    filed: int
    approved: int | None
    colour: tuple


CRYSTAL_WORKS = [
    DemoWork(
        "水晶雕刻《海上云台》",
        WorkType.FINE_ART,
        "王立新",
        "以东海天然水晶整料雕刻云台山与海上日出，山石层次依水晶天然纹理取势。",
        430,
        400,
        "中国东海水晶城",
        320,
        300,
        (120, 170, 220),
    ),
    DemoWork(
        "水晶内雕《花果山水帘洞》",
        WorkType.FINE_ART,
        "王立新、陈晓燕",
        "激光内雕与手工抛光结合，表现花果山水帘洞的水帘与石猴。",
        260,
        None,
        "",
        220,
        200,
        (160, 200, 230),
    ),
    DemoWork(
        "东海水晶首饰系列设计图（海韵系列）",
        WorkType.DESIGN_DRAWING,
        "陈晓燕",
        "以海浪与贝壳为母题的水晶吊坠、手链、耳饰设计图共十二幅。",
        120,
        90,
        "第十八届中国东海水晶节",
        80,
        60,
        (190, 210, 240),
    ),
]
CORRECTION_WORK = DemoWork(
    CORRECTION_TITLE,
    WorkType.FINE_ART,
    "赵海燕",
    "",
    40,
    None,
    "",
    12,
    None,
    (200, 220, 245),
)


def sample_image(name, colour):
    """A small picture standing for a photograph of the work (a faceted crystal on a plain ground)."""
    image = Image.new("RGB", (480, 360), (245, 245, 240))
    draw = ImageDraw.Draw(image)
    draw.polygon([(240, 40), (340, 140), (300, 320), (180, 320), (140, 140)], fill=colour, outline=(60, 90, 130))
    draw.line([(240, 40), (240, 320)], fill=(255, 255, 255), width=2)
    draw.line([(140, 140), (340, 140)], fill=(255, 255, 255), width=2)
    buffer = BytesIO()
    image.save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def _details(work, owner):
    return filings.WorkDetails(
        title=work.title,
        work_type=work.work_type,
        authors=work.authors,
        owners=owner,
        completed_on=day(-work.completed).date(),
        published=work.published is not None,
        published_on=day(-work.published).date() if work.published is not None else None,
        published_place=work.place,
        description=work.description,
    )


def _file_work(user, work, *, organisation):
    with at(day(-work.filed)):
        return filings.file_work(
            user,
            district=organisation.district,
            details=_details(work, organisation.name),
            uploaded=sample_image(f"{work.title}.png", work.colour),
            declaration=True,
            organisation=organisation,
        )


def _approve(filing, examiner, when, note=""):
    with at(day(-when)):
        filings.take_into_examination(filing, examiner)
    with at(day(-when).later(hours=3)):
        return filings.approve(filing, examiner, note)


def load(stdout):
    if Filing.objects.filter(title=CRYSTAL_WORKS[0].title).exists():
        return []
    groups = ensure_copyright_roles()
    examiner = person(EXAMINER_EMAIL, "周敏（市文广新局）", is_staff=True)
    examiner.groups.add(groups["作品登记审查员"])
    Examiner.objects.get_or_create(user=examiner, defaults={"unit": ResponsibleUnit.objects.get(code=UNIT_CODE)})
    crystal = User.objects.get(email=CRYSTAL_EMAIL)
    company = crystal.organisation
    enterprise_owner = User.objects.get(email=ENTERPRISE_EMAIL)
    with transaction.atomic():
        registered = []
        for work in CRYSTAL_WORKS:
            filing = _file_work(crystal, work, organisation=company)
            registered.append(_approve(filing, examiner, work.approved, "权属证明与样本齐全，准予登记。"))

        software = filings.WorkDetails(
            title="碳纤维预浸料生产线张力控制软件 V1.0",
            work_type=WorkType.SOFTWARE,
            authors="王建华、周涛",
            owners=enterprise_owner.organisation.name,
            completed_on=day(-150).date(),
            description="预浸料收卷张力的实时采集与闭环控制程序及其操作手册。",
        )
        with at(day(-140)):
            filing = filings.file_work(
                enterprise_owner,
                district=enterprise_owner.organisation.district,
                details=software,
                uploaded=SimpleUploadedFile("软件说明书.pdf", PDF, content_type="application/pdf"),
                declaration=True,
                organisation=enterprise_owner.organisation,
            )
        _approve(filing, examiner, 130)

        licence = filings.ContractDetails(
            kind=Kind.LICENCE,
            assignor=company.name,
            assignee="连云港港城文创旅游商品有限公司",
            rights="复制权、发行权（用于旅游纪念品的复制与销售）",
            territory="中国大陆",
            term_start=day(-100).date(),
            term_end=day(-100).date() + timedelta(days=3 * 365),
            price=Decimal("80000.00"),
            work=registered[0],
        )
        with at(day(-110)):
            contract = filings.file_contract(
                crystal,
                district=company.district,
                contract=licence,
                uploaded=SimpleUploadedFile("许可合同.pdf", PDF, content_type="application/pdf"),
                declaration=True,
                organisation=company,
            )
        _approve(contract, examiner, 100)

        pending = _file_work(crystal, CORRECTION_WORK, organisation=company)
        with at(day(-10)):
            filings.take_into_examination(pending, examiner)
        with at(day(-9)):
            filings.request_correction(pending, examiner, CORRECTION_REASON)
    return [("Copyright examiner 作品登记审查员（市文广新局）", EXAMINER_EMAIL, "demo-ip-2014")]
