"""The evaluation stories: an enterprise's evaluation of a technology import, done and confirmed last
season; the demo enterprise's evaluation of a major project, whose report was delivered three days ago and
waits for its confirmation; a third request just filed, waiting for staff to assign an institution.

Every step calls the function the page's button calls (`evaluations.handling`) at the moment of the story
(`core.scenarios`). Idempotent: a story is played only when its request is missing. The evaluating
institution is the services demo's 江苏智库知识产权预警分析中心, which offers 知识产权评议.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.core.files.base import ContentFile

from accounts.demo import ENTERPRISE_EMAIL, OPERATOR_EMAIL
from accounts.models import User
from core.scenarios import When, at, day
from services.demo import DEMO_PDF
from services.models import Institution

from . import handling
from .models import EvaluationRequest

REQUIRES = ("accounts", "services", "listings", "register")

INSTITUTION_NAME = "江苏智库知识产权预警分析中心"
INSTITUTION_OWNER = "contact1007@demo.ip.lyg"


@dataclass(frozen=True)
class Story:
    owner_email: str
    project_name: str
    description: str
    decision: str
    ipc_fields: tuple
    filed: When
    deadline_days: int
    delivered: When | None = None
    summary: str = ""
    closed: When | None = None


STORIES = [
    Story(
        "pharma@demo.ip.lyg",
        "缓释制剂生产线技术引进项目",
        "拟从境外引进口服缓释制剂生产线及配套工艺技术，评议引进技术的专利权属与侵权风险。",
        "technology_import",
        ("A61K", "A61J"),
        day(-150),
        60,
        delivered=day(-120, 15),
        summary="引进工艺涉及的 3 件核心专利权属清晰，其中 1 件在华保护期将于两年内届满；未发现实施障碍。",
        closed=day(-118),
    ),
    Story(
        ENTERPRISE_EMAIL,
        "高性能碳纤维复合材料产业化项目",
        "申报市级重大产业项目立项，需评议碳纤维复合材料制备技术领域的专利布局与侵权风险。",
        "major_project",
        ("C08J", "D01F"),
        day(-30),
        40,
        delivered=day(-3, 16),
        summary="该领域国内有效专利集中于少数申请人；项目拟用工艺与 2 件在先专利存在近似特征，建议规避设计后实施。",
    ),
    Story(
        "quartz@demo.ip.lyg",
        "高纯石英坩埚扩产投资项目",
        "拟投资扩建高纯石英坩埚生产线，评议石英材料提纯与成型技术的专利风险。",
        "investment",
        ("C03B", "C01B"),
        day(-1, 9),
        45,
    ),
]


def _play(story, operator, institution, institution_owner):
    owner = User.objects.get(email=story.owner_email)
    if EvaluationRequest.objects.filter(project_name=story.project_name).exists():
        return
    with at(story.filed):
        record = handling.file_request(
            owner,
            project_name=story.project_name,
            description=story.description,
            decision=story.decision,
            ipc_fields=list(story.ipc_fields),
            deadline=story.filed.date() + timedelta(days=story.deadline_days),
            attachments=[("项目可行性研究报告", ContentFile(DEMO_PDF, name="可行性研究报告.pdf"))],
        )
    if story.delivered is None:
        return
    with at(story.filed.later(hours=5)):
        handling.assign(record, operator, institution)
    with at(story.filed.later(days=1)):
        handling.accept(record, institution_owner)
    with at(story.delivered):
        handling.deliver(
            record,
            institution_owner,
            report=ContentFile(DEMO_PDF, name="知识产权评议报告.pdf"),
            summary=story.summary,
        )
    if story.closed is not None:
        with at(story.closed):
            handling.close(record, owner, "报告已收悉。")


def load(stdout):
    operator = User.objects.get(email=OPERATOR_EMAIL)
    institution = Institution.objects.get(organisation__name=INSTITUTION_NAME)
    institution_owner = User.objects.get(email=INSTITUTION_OWNER)
    for story in STORIES:
        _play(story, operator, institution, institution_owner)
    stdout.write(f"Evaluations: {EvaluationRequest.objects.count()} requests, {INSTITUTION_NAME} evaluating.\n")
    return []
