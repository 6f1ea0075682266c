"""The advisers and customs stories: two people trained as IP engineers last year publish their adviser
profiles (a third saves one and keeps it private); the talent manager records one of them as recognised
知识产权工程师 and a second recognition waits for review; a pharmaceutical enterprise asked one adviser
for advice, which she accepted. The register data manager imports the customs list, which records one of
the demo enterprise's patents; its other patents are not recorded (the browser journey reads that page).

Every step calls the function a person's click calls, at the moment the story says.
"""

from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.demo import DEMO_PASSWORD, ENTERPRISE_EMAIL, person
from accounts.models import User
from core.scenarios import at, day
from reference.models import District
from register import customs
from register.organisations import confirmed_patents
from register.roles import ensure_register_managers
from register.terms import IN_FORCE

from . import profiles, recognitions, requests
from .models import AdviserProfile, TitleRecognition
from .roles import ensure_talent_managers

REQUIRES = ("accounts", "training", "register", "funding")

TALENT_MANAGER_EMAIL = "talent@demo.ip.lyg"
REGISTER_MANAGER_EMAIL = "register@demo.ip.lyg"
PHARMA_EMAIL = "pharma@demo.ip.lyg"
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"

# (e-mail, profile, published): the trainees of training's completed IP-engineer course.
ADVISERS = [
    (
        "trainee1@demo.ip.lyg",
        {
            "display_name": "陈晓燕",
            "headline": "知识产权工程师，新材料领域专利挖掘与布局",
            "expertise": "石英、硅材料及复合材料企业的专利挖掘、技术交底书审核和海外专利布局；熟悉PCT申请和海关备案。",
            "ipc_fields": ["C03B", "C01B", "B32B"],
            "languages": ["zh", "en"],
            "districts": ["haizhou", "donghai", "lianyun"],
            "availability": "open",
            "availability_note": "工作日下午，可上门",
        },
        True,
    ),
    (
        "trainee2@demo.ip.lyg",
        {
            "display_name": "刘志强",
            "headline": "知识产权工程师，医药化工专利与商标",
            "expertise": "医药企业的专利检索分析、仿制药专利风险评估，以及商标注册与维权。",
            "ipc_fields": ["A61K", "C07D"],
            "languages": ["zh", "ja"],
            "districts": ["haizhou", "kaifaqu"],
            "availability": "limited",
            "availability_note": "每周四全天",
        },
        True,
    ),
    (
        "trainee3@demo.ip.lyg",
        {
            "display_name": "孙丽",
            "headline": "企业知识产权管理",
            "expertise": "企业知识产权管理规范（贯标）辅导。",
            "ipc_fields": [],
            "languages": ["zh"],
            "districts": ["guanyun"],
            "availability": "closed",
            "availability_note": "",
        },
        False,
    ),
]


def _districts(codes):
    return list(District.objects.filter(code__in=codes))


def _customs_list(enterprise, patent):
    header = "备案号,知识产权类型,专利号/注册号,权利人,核准日期,有效期至"
    recorded = day(-200).date()
    row = (
        f"P{recorded.year}-31260,发明专利,ZL{patent.application_number},{enterprise.name},"
        f"{recorded.isoformat()},{recorded.replace(year=recorded.year + 10).isoformat()}"
    )
    return SimpleUploadedFile("海关备案名单.csv", f"{header}\r\n{row}\r\n".encode())


def load(stdout):
    if AdviserProfile.objects.exists():
        return []
    talent = person(TALENT_MANAGER_EMAIL, "吴婷（市人社局）", is_staff=True)
    talent.groups.add(ensure_talent_managers())
    register_manager = person(REGISTER_MANAGER_EMAIL, "许峰", is_staff=True)
    register_manager.groups.add(ensure_register_managers())

    with at(day(-40, 15)):
        for email, data, published in ADVISERS:
            adviser = User.objects.get(email=email)
            profiles.save_profile(adviser, **{**data, "districts": _districts(data["districts"])})
            if published:
                profiles.publish(adviser)

    first, second = (User.objects.get(email=email) for email, _data, _published in ADVISERS[:2])
    with at(day(-30, 10)):
        recognition = recognitions.record(
            talent,
            email=first.email,
            level=TitleRecognition.Level.ENGINEER,
            decided_on=day(-32).date(),
            deciding_unit="连云港市知识产权工程师评审委员会",
            document=SimpleUploadedFile("评聘决定.pdf", PDF, content_type="application/pdf"),
        )
        pending = recognitions.record(
            talent,
            email=second.email,
            level=TitleRecognition.Level.ASSISTANT,
            decided_on=day(-32).date(),
            deciding_unit="连云港市知识产权工程师评审委员会",
            document=SimpleUploadedFile("评聘申报.pdf", PDF, content_type="application/pdf"),
        )
    with at(day(-28, 11)):
        recognitions.take_step(recognition, talent, TitleRecognition.Status.REVIEWED, "材料齐全")
    with at(day(-25, 9)):
        recognitions.take_step(recognition, talent, TitleRecognition.Status.RECOGNISED, "评审通过")

    pharma = User.objects.get(email=PHARMA_EMAIL)
    with at(day(-10, 14)):
        asked = requests.send_request(
            pharma,
            second.adviser_profile,
            topic="仿制药上市前的专利风险排查",
            message="我司拟仿制一款抗肿瘤药，想请您帮忙排查相关中国专利的有效性和保护范围。",
            preferred_from=day(-7).date(),
            preferred_to=day(5).date(),
        )
    with at(day(-9, 10)):
        requests.answer(asked, second, accepted=True, answer="可以，周四上午到贵司面谈。")

    enterprise = User.objects.get(email=ENTERPRISE_EMAIL).organisation
    patent = confirmed_patents(enterprise).filter(status__in=IN_FORCE).order_by("application_number").first()
    if patent is not None:
        with at(day(-3, 10)):
            batch = customs.preview_list(_customs_list(enterprise, patent), register_manager)
            customs.apply_list(batch, register_manager)
    stdout.write(
        f"Advisers: {AdviserProfile.objects.in_pool().count()} profiles in the pool; "
        f"recognition of {pending.person_name} awaiting review."
    )
    return [
        ("Talent manager 知识产权人才管理员", TALENT_MANAGER_EMAIL, DEMO_PASSWORD),
        ("Register data manager 知识产权数据管理员", REGISTER_MANAGER_EMAIL, DEMO_PASSWORD),
    ]
