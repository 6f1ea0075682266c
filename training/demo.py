"""The training stories: courses of every type are announced (free and paid IP-engineer
courses, patent-agent exam preparation, an enterprise IP-management (贯标) course); people enrol through
the course page; a course two months ago was completed and its participants, the demo enterprise's owner
among them, hold certificates; a small workshop filled up and has a waiting list.

Pages are published as the page editor's 发布 button publishes them; enrolments, completions and
certificates come from `training.enrolments`, each at its moment (`core.scenarios`): upcoming courses are upcoming
whenever the demo is loaded. Idempotent: courses are found by slug, a story is played with its course.
"""

import json
from datetime import timedelta

from accounts.demo import ENTERPRISE_EMAIL, INSTITUTION_EMAIL, organisation_of, person
from accounts.models import User
from cms.site_tree import ensure_home_page
from core.scenarios import at, day

from . import enrolments
from .models import CourseIndexPage, CoursePage, CourseSession, CourseType, Enrolment

REQUIRES = ("accounts", "cms")

MANAGER_EMAIL = "training@demo.ip.lyg"
# Course pages are published in the page editor by the administrator; the training manager runs the courses.
PUBLISHER_EMAIL = "admin@demo.ip.lyg"

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

# Each course runs in a morning and an afternoon session on each of its days.
COURSES = [
    {
        "slug": "ip-engineer-2026-3",
        "title": "知识产权工程师培训班（第三期）",
        "course_type": CourseType.IP_ENGINEER,
        "summary": "面向企业研发与管理人员，系统学习专利基础、技术交底书撰写、专利检索与企业知识产权管理。",
        "starts": day(20, 9),
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
        "starts": day(35, 9),
        "days": 2,
        "venue": "连云港经济技术开发区科教创业园会议中心",
        "capacity": 40,
        "fee": 80000,
        "organiser": INSTITUTION_EMAIL,
        "body": ("围绕核心技术的专利挖掘方法", "海外专利布局与 PCT 申请策略"),
    },
    {
        "slug": "patent-agent-exam-prep",
        "title": "全国专利代理师资格考试考前辅导班",
        "course_type": CourseType.PATENT_AGENT,
        "summary": "专利法律知识与专利代理实务两科系统串讲、真题精练，线上直播并提供回放。",
        "starts": day(50, 9),
        "days": 4,
        "online_url": "https://meeting.example.cn/lyg-patent-agent-2026",
        "capacity": 80,
        "fee": 150000,
        "organiser": INSTITUTION_EMAIL,
        "body": ("专利法律知识：专利法、实施细则与审查指南要点", "专利代理实务：权利要求书撰写与答复审查意见"),
    },
    {
        "slug": "gbt29490-implementation",
        "title": "企业知识产权管理规范（GB/T 29490）贯标培训",
        "course_type": CourseType.IP_MANAGER,
        "summary": "面向企业知识产权管理人员，讲解贯标流程、体系文件编写与内审要点。",
        "starts": day(12, 9),
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
        "starts": day(-60, 9),
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
        "starts": day(15, 9),
        "days": 1,
        "venue": "连云港市图书馆电子阅览室（海州区）",
        "capacity": 3,
        "fee": 0,
        "organiser": INSTITUTION_EMAIL,
        "body": ("检索式构建与检索策略", "专利地图与竞争对手分析"),
    },
]


# Who enrolled where, and when: the past course's participants enrolled in the fortnight before it and
# completed it; the workshop's three places went to the first three, the next two wait.
PAST_COURSE = "ip-engineer-2025-2"
PAST_PARTICIPANTS = [ENTERPRISE_EMAIL, *(email for email, _name in PARTICIPANTS[:3])]
FULL_COURSE = "patent-search-workshop"
FULL_PARTICIPANTS = [email for email, _name in PARTICIPANTS]


def _body(*paragraphs):
    return json.dumps(
        [{"type": "heading", "value": {"text": "课程内容", "level": "h2"}}]
        + [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in paragraphs]
    )


def _publish(page):
    publisher = User.objects.get(email=PUBLISHER_EMAIL)
    page.save_revision(user=publisher).publish(user=publisher)


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
        with at(day(-400)):
            home.add_child(instance=index)
            _publish(index)
    return index


def _course(index, data):
    course = CoursePage.objects.filter(slug=data["slug"]).first()
    if course is not None:
        return course, False
    starts = data["starts"].moment()
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
        organiser_organisation=organisation_of(data["organiser"]) if "organiser" in data else None,
        organiser_name=data.get("organiser_name", ""),
        contact="0518-85800000",
    )
    for number in range(data["days"]):
        for part, (start_hour, end_hour) in enumerate(((9, 12), (14, 17))):
            course.sessions.add(
                CourseSession(
                    starts_at=starts + timedelta(days=number, hours=start_hour - 9),
                    ends_at=starts + timedelta(days=number, hours=end_hour - 9),
                    sort_order=number * 2 + part,
                )
            )
    # Announced a month before it starts, or yesterday for a course less than a month ahead.
    announced = data["starts"].later(days=-30, hours=1)
    with at(announced if announced.day < 0 else day(-1, 10)):
        index.add_child(instance=course)
        _publish(course)
    return course, True


def load(stdout):
    manager = User.objects.get(email=MANAGER_EMAIL)
    index = _index(ensure_home_page())
    with at(day(-400)):
        for email, name in PARTICIPANTS:
            person(email, name)
    courses = {}
    for data in COURSES:
        courses[data["slug"]], created = _course(index, data)
        if not created:
            continue
        if data["slug"] == PAST_COURSE:
            _completed_course(courses[PAST_COURSE], manager)
        if data["slug"] == FULL_COURSE:
            _full_course(courses[FULL_COURSE])
    return []


def _completed_course(course, manager):
    start = day(-60, 9)
    for offset, email in enumerate(PAST_PARTICIPANTS):
        with at(start.later(days=-14 + offset)):
            enrolments.enrol(course, User.objects.get(email=email))
    # The manager marks the participants as completed at the end of the last day; certificates follow.
    with at(start.later(days=2, hours=8, minutes=30)):
        for enrolment in course.enrolments.filter(status=Enrolment.Status.CONFIRMED).order_by("pk"):
            enrolments.complete(enrolment, manager)


def _full_course(course):
    for offset, email in enumerate(FULL_PARTICIPANTS):
        with at(day(-1, 8 + offset)):
            enrolments.enrol(course, User.objects.get(email=email))
