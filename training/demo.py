"""Demo courses of every type: free and paid IP-engineer courses, patent-agent exam preparation, an
enterprise IP-management (贯标) course, a past course with certificates for the demo enterprise owner,
and a full course with a waiting list. Enrolments are written directly: demo data sends no e-mail."""

import json
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.utils import timezone

from accounts.models import Organisation, User
from cms.models import HomePage

from .enrolments import _issue_certificate
from .models import CourseIndexPage, CoursePage, CourseSession, CourseType, Enrolment

INDEX_INTRO = (
    "<p>围绕国家知识产权试点城市建设，面向企业、服务机构和高校院所开展知识产权工程师、专利代理人、"
    "企业知识产权管理等系列培训，培养知识产权专业人才。</p>"
)

PARTICIPANTS = [
    ("trainee1@demo.ip.lyg", "陈晓燕"),
    ("trainee2@demo.ip.lyg", "刘志强"),
    ("trainee3@demo.ip.lyg", "孙丽"),
    ("trainee4@demo.ip.lyg", "赵文博"),
    ("trainee5@demo.ip.lyg", "周敏"),
]


def _body(*paragraphs):
    return json.dumps(
        [{"type": "heading", "value": {"text": "课程内容", "level": "h2"}}]
        + [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in paragraphs]
    )


def _courses(now, institution):
    day = timedelta(days=1)
    return [
        {
            "slug": "ip-engineer-2026-3",
            "title": "知识产权工程师培训班（第三期）",
            "course_type": CourseType.IP_ENGINEER,
            "summary": "面向企业研发与管理人员，系统学习专利基础、技术交底书撰写、专利检索与企业知识产权管理。",
            "starts": now + 20 * day,
            "days": 3,
            "venue": "连云港市科技创业城A座三楼报告厅（海州区朝阳东路）",
            "capacity": 60,
            "fee": 0,
            "organiser_name": "连云港市科学技术局（知识产权局）",
            "body": ("专利法基础与专利类型", "技术交底书撰写实务", "专利检索入门：CNIPA 与 Espacenet"),
        },
        {
            "slug": "ip-engineer-advanced-mining",
            "title": "知识产权工程师高级研修班：专利挖掘与布局",
            "course_type": CourseType.IP_ENGINEER,
            "summary": "结合新医药、新材料产业案例，讲授专利挖掘、组合布局与高价值专利培育。",
            "starts": now + 35 * day,
            "days": 2,
            "venue": "连云港经济技术开发区科教创业园会议中心",
            "capacity": 40,
            "fee": 80000,
            "organiser": institution,
            "body": ("围绕核心技术的专利挖掘方法", "海外专利布局与 PCT 申请策略"),
        },
        {
            "slug": "patent-agent-exam-prep",
            "title": "全国专利代理师资格考试考前辅导班",
            "course_type": CourseType.PATENT_AGENT,
            "summary": "专利法律知识与专利代理实务两科系统串讲、真题精练，线上直播并提供回放。",
            "starts": now + 50 * day,
            "days": 4,
            "online_url": "https://meeting.example.cn/lyg-patent-agent-2026",
            "capacity": 80,
            "fee": 150000,
            "organiser": institution,
            "body": ("专利法律知识：专利法、实施细则与审查指南要点", "专利代理实务：权利要求书撰写与答复审查意见"),
        },
        {
            "slug": "gbt29490-implementation",
            "title": "企业知识产权管理规范（GB/T 29490）贯标培训",
            "course_type": CourseType.IP_MANAGER,
            "summary": "面向企业知识产权管理人员，讲解贯标流程、体系文件编写与内审要点。",
            "starts": now + 12 * day,
            "days": 1,
            "venue": "连云港高新区管委会二楼会议室",
            "capacity": 50,
            "fee": 0,
            "organiser_name": "连云港市知识产权保护中心",
            "body": ("GB/T 29490-2013 标准条款解读", "体系文件编写与内审、管理评审"),
        },
        {
            "slug": "ip-engineer-2025-2",
            "title": "知识产权工程师培训班（第二期）",
            "course_type": CourseType.IP_ENGINEER,
            "summary": "第二期知识产权工程师培训已结业，学员可在“我的培训”中下载结业证书。",
            "starts": now - 60 * day,
            "days": 3,
            "venue": "连云港市科技创业城A座三楼报告厅（海州区朝阳东路）",
            "capacity": 60,
            "fee": 0,
            "organiser_name": "连云港市科学技术局（知识产权局）",
            "body": ("专利法基础与专利类型", "企业知识产权战略"),
        },
        {
            "slug": "patent-search-workshop",
            "title": "专利检索与分析实务工作坊（小班）",
            "course_type": CourseType.OTHER,
            "summary": "上机实操小班课：检索式构建、专利地图与竞争对手分析，名额有限。",
            "starts": now + 15 * day,
            "days": 1,
            "venue": "连云港市图书馆电子阅览室（海州区）",
            "capacity": 3,
            "fee": 0,
            "organiser": institution,
            "body": ("检索式构建与检索策略", "专利地图与竞争对手分析"),
        },
    ]


def _participant(email, name):
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password="demo-ip-2014", name=name)
    EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


def _index(home):
    index = CourseIndexPage.objects.first()
    if index is None:
        index = CourseIndexPage(
            title="培训",
            slug="training",
            intro=INDEX_INTRO,
            seo_title="知识产权培训",
            search_description=INDEX_INTRO[3:-4],
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def _course(index, data):
    course = CoursePage.objects.filter(slug=data["slug"]).first()
    if course is not None:
        return course
    starts = data["starts"].replace(hour=9, minute=0, second=0, microsecond=0)
    course = CoursePage(
        title=data["title"],
        slug=data["slug"],
        course_type=data["course_type"],
        summary=data["summary"],
        search_description=data["summary"],
        body=_body(*data["body"]),
        starts_at=starts,
        ends_at=starts + timedelta(days=data["days"] - 1, hours=8),
        is_online="online_url" in data,
        online_url=data.get("online_url", ""),
        venue=data.get("venue", ""),
        capacity=data["capacity"],
        fee=data["fee"],
        organiser_organisation=data.get("organiser"),
        organiser_name=data.get("organiser_name", ""),
        contact="0518-85800000",
    )
    for day in range(data["days"]):
        for part, (start_hour, end_hour) in enumerate(((9, 12), (14, 17))):
            course.sessions.add(
                CourseSession(
                    starts_at=starts + timedelta(days=day, hours=start_hour - 9),
                    ends_at=starts + timedelta(days=day, hours=end_hour - 9),
                    sort_order=day * 2 + part,
                )
            )
    index.add_child(instance=course)
    course.save_revision().publish()
    return course


def _enrol(course, user, status, when):
    enrolment, _created = Enrolment.objects.get_or_create(
        course=course,
        user=user,
        defaults={
            "status": status,
            "organisation": user.organisation,
            "confirmed_at": when if status != Enrolment.Status.WAITING else None,
            "waitlisted_at": when if status == Enrolment.Status.WAITING else None,
        },
    )
    return enrolment


def load(stdout):
    home = HomePage.objects.first()
    if home is None:
        return []
    now = timezone.localtime()
    institution = Organisation.objects.filter(credit_code="91320706MA1N2K7P8X").first()
    index = _index(home)
    courses = {data["slug"]: _course(index, data) for data in _courses(now, institution)}

    admin = User.objects.filter(email="admin@demo.ip.lyg").first()
    enterprise_owner = User.objects.filter(email="enterprise@demo.ip.lyg").first()
    participants = [_participant(email, name) for email, name in PARTICIPANTS]

    past = courses["ip-engineer-2025-2"]
    for offset, user in enumerate([enterprise_owner, *participants[:3]]):
        if user is None:
            continue
        enrolment = _enrol(past, user, Enrolment.Status.CONFIRMED, past.starts_at - timedelta(days=10 - offset))
        if enrolment.status == Enrolment.Status.CONFIRMED:
            enrolment.status = Enrolment.Status.COMPLETED
            enrolment.completed_at = past.ends_at
            enrolment.completed_by = admin
            enrolment.save(update_fields=["status", "completed_at", "completed_by"])
            certificate = _issue_certificate(enrolment, admin)
            certificate.issued_on = timezone.localtime(past.ends_at).date()
            certificate.save(update_fields=["issued_on"])

    full = courses["patent-search-workshop"]
    for offset, user in enumerate(participants):
        status = Enrolment.Status.CONFIRMED if offset < full.capacity else Enrolment.Status.WAITING
        _enrol(full, user, status, now - timedelta(hours=10 - offset))
    return []
