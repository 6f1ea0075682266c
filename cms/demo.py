"""The site tree and the knowledge platform's demo content: the city's 2014 plan exactly as the portal
publishes it, more policy documents, news and notices with cover images, patent information and two
industry early-warning reports. Idempotent: pages are found by slug, files by title.
"""

import datetime
import io
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from .models import (
    EarlyWarningReportPage,
    IssuingAgency,
    NewsIndexPage,
    NewsPage,
    PatentInfoIndexPage,
    PatentInfoPage,
    PolicyIndexPage,
    PolicyPage,
    RelatedPolicy,
)
from .portal_documents import parse_portal_document, render_pdf
from .publishing import setup_policy_moderation
from .site_tree import ensure_home_page

# The pages are published by the administrator's log-in (the page history names who published).
REQUIRES = ("accounts",)
PUBLISHER_EMAIL = "admin@demo.ip.lyg"

SEED_DOCUMENT = Path(__file__).resolve().parent / "demo_data" / "lianyungang-plan-2014.txt"
SEED_SLUG = "lianyungang-ip-pilot-city-plan-2014"

AGENCIES = [
    ("国家知识产权局", "国知局", IssuingAgency.Level.NATIONAL, "https://www.cnipa.gov.cn/", 10),
    ("江苏省知识产权局", "省知识产权局", IssuingAgency.Level.PROVINCIAL, "http://jsip.jiangsu.gov.cn/", 20),
    ("江苏省人民政府", "省政府", IssuingAgency.Level.PROVINCIAL, "http://www.jiangsu.gov.cn/", 25),
    ("连云港市人民政府", "市政府", IssuingAgency.Level.MUNICIPAL, "http://www.lyg.gov.cn/", 30),
    ("连云港市人民政府办公室", "市政府办", IssuingAgency.Level.MUNICIPAL, "http://www.lyg.gov.cn/", 35),
    ("连云港市科学技术局", "市科技局", IssuingAgency.Level.MUNICIPAL, "", 40),
    ("连云港市财政局", "市财政局", IssuingAgency.Level.MUNICIPAL, "", 50),
]


def p(*paragraphs):
    return [("paragraph", f"<p>{text}</p>") for text in paragraphs]


def h(text, level="h2"):
    return [("heading", {"text": text, "level": level})]


@dataclass(frozen=True)
class Policy:
    """A policy document of the library (政策法规), as its issuing agency published it."""

    slug: str
    title: str
    agency: str
    issued: datetime.date
    number: str  # 文号
    index_number: str  # 索引号
    subject_words: str
    summary: str
    validity: str
    tags: list
    body: list


@dataclass(frozen=True)
class News:
    slug: str
    title: str
    category: str
    date: datetime.date
    source: str
    summary: str
    tags: list
    colour: tuple  # of the generated cover image
    body: list


@dataclass(frozen=True)
class PatentInfo:
    slug: str
    title: str
    kind: str
    date: datetime.date
    author: str
    summary: str
    tags: list
    body: list


@dataclass(frozen=True)
class Report:
    """An industry early-warning report: its page and the PDF rendered from its summary and findings."""

    slug: str
    title: str
    industry: str
    period: str
    summary: str
    findings: str
    tags: list


POLICIES = [
    Policy(
        slug="patent-funding-measures-2012",
        title="连云港市专利资助办法",
        agency="连云港市人民政府办公室",
        issued=datetime.date(2012, 3, 20),
        number="连政办发〔2012〕41号",
        index_number="k12498411/2012-00061",
        subject_words="专利 资助 办法",
        summary="对本市企事业单位和个人申请国内外专利、获得专利授权给予资助的标准和程序。",
        validity=PolicyPage.Validity.REPEALED,
        tags=["专利资助"],
        body=h("第一章 总则")
        + p("第一条 为鼓励发明创造，提高全市专利申请量和授权量，制定本办法。")
        + h("第二章 资助标准")
        + p("第五条 发明专利授权后每件资助3000元；实用新型专利授权后每件资助500元。"),
    ),
    Policy(
        slug="patent-funding-and-awards-measures-2016",
        title="连云港市专利资助与奖励办法",
        agency="连云港市人民政府办公室",
        issued=datetime.date(2016, 6, 8),
        number="连政办发〔2016〕88号",
        index_number="k12498411/2016-00152",
        subject_words="专利 资助 奖励",
        summary="调整专利资助标准，新增PCT国际专利申请、优秀专利奖和知识产权管理标准化示范企业奖励，"
        "原《连云港市专利资助办法》同时废止。",
        validity=PolicyPage.Validity.VALID,
        tags=["专利资助", "贯标"],
        body=h("一、资助范围")
        + p("本市行政区域内的企事业单位、社会团体和个人申请并获得授权的国内外专利。")
        + h("二、资助标准")
        + [
            (
                "table",
                {
                    "caption": "专利资助标准",
                    "table": {
                        "columns": [{"type": "text", "heading": "项目"}, {"type": "text", "heading": "标准"}],
                        "rows": [
                            {"values": ["国内发明专利授权", "每件5000元"]},
                            {"values": ["PCT国际专利申请进入国家阶段", "每件20000元"]},
                            {"values": ["通过《企业知识产权管理规范》认证", "每家50000元"]},
                        ],
                    },
                },
            )
        ]
        + h("三、附则")
        + p("本办法自发布之日起施行，《连云港市专利资助办法》(连政办发〔2012〕41号)同时废止。"),
    ),
    Policy(
        slug="ip-pledge-financing-implementation-2015",
        title="连云港市知识产权质押融资实施办法",
        agency="连云港市科学技术局",
        issued=datetime.date(2015, 9, 15),
        number="连科发〔2015〕126号",
        index_number="k12498411/2015-00233",
        subject_words="知识产权 质押 融资 贷款",
        summary="以专利权、注册商标专用权质押向银行申请贷款的条件、评估、贴息和风险补偿，"
        "推动我市知识产权质押融资贷款实现突破。",
        validity=PolicyPage.Validity.VALID,
        tags=["质押融资"],
        body=h("一、支持对象")
        + p("在本市注册、拥有有效专利或注册商标的科技型中小企业。")
        + h("二、贷款贴息")
        + p("按贷款合同约定利息的50%给予贴息，单个企业每年最高不超过50万元。")
        + h("三、风险补偿")
        + p("市财政设立知识产权质押融资风险补偿资金，对合作银行发生的贷款损失给予补偿。"),
    ),
    Policy(
        slug="cnipa-pledge-financing-notice-2013",
        title="国家知识产权局关于进一步推动知识产权金融服务工作的意见",
        agency="国家知识产权局",
        issued=datetime.date(2013, 1, 25),
        number="国知发管字〔2013〕3号",
        index_number="000019705/2013-00012",
        subject_words="知识产权 金融服务 质押融资",
        summary="深化和拓展知识产权质押融资工作，加强知识产权金融服务能力建设。",
        validity=PolicyPage.Validity.VALID,
        tags=["质押融资"],
        body=h("一、充分认识知识产权金融服务工作的重要意义")
        + p("知识产权金融服务是促进知识产权与金融资源有效融合的重要途径。")
        + h("二、深化和拓展知识产权质押融资工作")
        + p("完善知识产权质押融资风险管理机制，探索建立多元化风险分担机制。"),
    ),
    Policy(
        slug="enterprise-ip-management-standard-2014",
        title="江苏省企业知识产权管理规范推进计划(2014-2016年)",
        agency="江苏省知识产权局",
        issued=datetime.date(2014, 4, 10),
        number="苏知发〔2014〕52号",
        index_number="014000319/2014-00087",
        subject_words="贯标 知识产权管理规范",
        summary="全省推进《企业知识产权管理规范》(GB/T 29490-2013)贯标工作的目标、措施和认证补贴。",
        validity=PolicyPage.Validity.INVALID,
        tags=["贯标"],
        body=h("一、工作目标")
        + p("到2016年，全省贯标企业达到5000家以上。")
        + h("二、主要措施")
        + p("培育贯标辅导服务机构，开展贯标辅导师培训，对通过认证的企业给予补贴。"),
    ),
    Policy(
        slug="trademark-brand-strategy-2015",
        title="连云港市实施商标品牌战略推进意见",
        agency="连云港市人民政府",
        issued=datetime.date(2015, 3, 2),
        number="连政发〔2015〕19号",
        index_number="k12498411/2015-00041",
        subject_words="商标 品牌 战略",
        summary="推进农产品商标、集体商标、地理标志商标和商标国际注册，打造东海水晶等地方特色品牌。",
        validity=PolicyPage.Validity.VALID,
        tags=["商标品牌"],
        body=h("一、主要目标")
        + p("到2016年，全市注册商标总数达到13000件以上，地理标志商标30件以上。")
        + h("二、重点工作")
        + p("支持东海水晶、赣榆海产品等地方特色产业申请集体商标和地理标志商标。")
        + [
            (
                "quote",
                {
                    "text": "以集体商标+企业自主商标联合标注的方式，集中打造地方特色产业的公共品牌。",
                    "source": "连云港市国家知识产权试点城市建设实施方案(2014-2016年)",
                },
            )
        ],
    ),
    Policy(
        slug="ip-rights-protection-assistance-2015",
        title="连云港市知识产权维权援助工作办法",
        agency="连云港市科学技术局",
        issued=datetime.date(2015, 11, 20),
        number="连科发〔2015〕171号",
        index_number="k12498411/2015-00297",
        subject_words="维权援助 侵权 纠纷",
        summary="设立连云港市知识产权维权援助平台，受理维权援助申请和侵权举报投诉的程序。",
        validity=PolicyPage.Validity.VALID,
        tags=["维权援助"],
        body=h("一、援助对象")
        + p("在本市注册的中小企业、高校院所和个人，重点援助涉外知识产权纠纷。")
        + h("二、援助方式")
        + p("提供咨询、侵权判定分析、专家论证、维权费用资助等。"),
    ),
    Policy(
        slug="ip-special-fund-management-2015",
        title="连云港市知识产权专项资金管理办法",
        agency="连云港市财政局",
        issued=datetime.date(2015, 5, 18),
        number="连财教〔2015〕37号",
        index_number="k12498411/2015-00118",
        subject_words="专项资金 管理",
        summary="市级知识产权专项资金的使用范围、申报、审核和绩效评价。",
        validity=PolicyPage.Validity.VALID,
        tags=["专利资助"],
        body=h("一、资金使用范围")
        + p("资助专利申请、促进专利实施、开展专利宣传和人才培养、援助专利维权、扶持专利中介服务机构。"),
    ),
    Policy(
        slug="jiangsu-ip-strategy-2009",
        title="江苏省知识产权战略纲要",
        agency="江苏省人民政府",
        issued=datetime.date(2009, 2, 26),
        number="苏政发〔2009〕24号",
        index_number="014000319/2009-00031",
        subject_words="知识产权 战略",
        summary="全省实施知识产权战略的指导思想、战略目标和重点任务。",
        validity=PolicyPage.Validity.VALID,
        tags=["知识产权战略"],
        body=h("一、指导思想") + p("激励创造、有效运用、依法保护、科学管理。"),
    ),
]

POLICIES += [
    Policy(
        slug="cnipa-pilot-demonstration-guidance-2004",
        title="国家知识产权局关于知识产权试点示范工作的指导意见",
        agency="国家知识产权局",
        issued=datetime.date(2004, 8, 30),
        number="国知发管字〔2004〕126号",
        index_number="000019705/2004-00126",
        subject_words="知识产权 试点 示范",
        summary="开展知识产权试点示范城市、园区和企业工作的指导思想、主要任务和组织实施。",
        validity=PolicyPage.Validity.VALID,
        tags=["试点城市"],
        body=h("一、指导思想")
        + p("以提高知识产权创造、管理、保护和运用能力为核心，推动知识产权试点示范工作。")
        + h("二、主要任务")
        + p("建立健全知识产权工作体系，完善知识产权政策和服务体系。"),
    ),
    Policy(
        slug="cnipa-pilot-city-evaluation-2011",
        title="国家知识产权试点和示范城市(城区)评定办法",
        agency="国家知识产权局",
        issued=datetime.date(2011, 9, 5),
        number="国知发管字〔2011〕160号",
        index_number="000019705/2011-00160",
        subject_words="试点城市 示范城市 评定",
        summary="国家知识产权试点城市、示范城市(城区)的申报条件、评定程序和考核验收。",
        validity=PolicyPage.Validity.VALID,
        tags=["试点城市"],
        body=h("第一章 总则")
        + p("第一条 为规范国家知识产权试点和示范城市(城区)的评定工作，制定本办法。")
        + h("第三章 考核验收")
        + p("第十二条 试点期满，由国家知识产权局组织考核验收。"),
    ),
]

NEWS = [
    News(
        slug="pilot-city-launch-2014",
        title="我市启动国家知识产权试点城市建设工作",
        category=NewsPage.Category.NEWS,
        date=datetime.date(2014, 11, 20),
        source="市科技局",
        summary="市政府召开国家知识产权试点城市建设动员会，部署2014—2016年重点任务。",
        tags=["试点城市"],
        colour=(21, 101, 192),
        body=p(
            "11月20日，市政府召开国家知识产权试点城市建设动员会。会议解读了《连云港市国家知识产权试点城市建设实施方案(2014-2016年)》，"
            "明确了发明专利授权量年均增长25%以上等目标。"
        ),
    ),
    News(
        slug="first-pledge-loan-2015",
        title="我市首笔专利权质押贷款成功发放",
        category=NewsPage.Category.NEWS,
        date=datetime.date(2015, 12, 8),
        source="市科技局",
        summary="连云港恒瑞新材料科技有限公司以3件发明专利质押获得银行贷款500万元，我市知识产权质押融资实现突破。",
        tags=["质押融资"],
        colour=(0, 128, 96),
        body=p(
            "在市科技局、人民银行市中心支行的推动下，我市首笔专利权质押贷款成功发放，标志着知识产权质押融资贷款实现突破。"
        ),
    ),
    News(
        slug="ip-service-center-opens-2016",
        title="连云港市知识产权服务中心在高新区揭牌",
        category=NewsPage.Category.NEWS,
        date=datetime.date(2016, 4, 26),
        source="高新区管委会",
        summary="服务中心集聚专利代理、商标代理、知识产权评估等机构12家。",
        tags=["服务机构"],
        colour=(192, 96, 21),
        body=p("世界知识产权日当天，连云港市知识产权服务中心在高新区揭牌，首批入驻服务机构12家。"),
    ),
    News(
        slug="crystal-trademark-2016",
        title="东海水晶地理标志商标助力产业发展",
        category=NewsPage.Category.NEWS,
        date=datetime.date(2016, 9, 12),
        source="东海县",
        summary="东海水晶集体商标和地理标志商标的使用企业超过百家。",
        tags=["商标品牌"],
        colour=(120, 60, 160),
        body=p("东海县以集体商标+企业自主商标联合标注的方式打造东海水晶公共品牌。"),
    ),
    News(
        slug="ip-week-2016",
        title="2016年知识产权宣传周活动圆满结束",
        category=NewsPage.Category.NEWS,
        date=datetime.date(2016, 4, 30),
        source="市科技局",
        summary="宣传周期间共举办讲座、咨询、展览等活动20余场。",
        tags=["宣传"],
        colour=(200, 40, 60),
        body=p("宣传周期间，各县区开展了形式多样的知识产权宣传活动。"),
    ),
    News(
        slug="patent-funding-application-2016",
        title="关于组织申报2016年度专利资助的通知",
        category=NewsPage.Category.NOTICE,
        date=datetime.date(2016, 7, 1),
        source="市科技局",
        summary="2016年度专利资助申报工作开始，申报截止日期为8月31日。",
        tags=["专利资助"],
        colour=(60, 60, 60),
        body=p("各有关单位：根据《连云港市专利资助与奖励办法》，现组织申报2016年度专利资助，请于8月31日前提交材料。"),
    ),
    News(
        slug="ip-engineer-training-notice-2016",
        title="关于举办2016年知识产权工程师培训班的通知",
        category=NewsPage.Category.NOTICE,
        date=datetime.date(2016, 5, 10),
        source="市科技局",
        summary="面向企业研发和管理人员，培训合格者颁发知识产权工程师培训证书。",
        tags=["培训"],
        colour=(30, 140, 160),
        body=p("为落实全市累计培训知识产权工程师700名的目标，定于6月举办知识产权工程师培训班。"),
    ),
    News(
        slug="standardisation-demo-enterprises-2016",
        title="关于公布2016年知识产权管理标准化示范企业名单的通知",
        category=NewsPage.Category.NOTICE,
        date=datetime.date(2016, 11, 3),
        source="市科技局",
        summary="公布通过评审的知识产权管理标准化示范企业名单。",
        tags=["贯标"],
        colour=(150, 110, 20),
        body=p("经企业申报、专家评审，现公布2016年知识产权管理标准化示范企业名单。"),
    ),
]

PATENT_INFO = [
    PatentInfo(
        slug="how-to-file-a-patent",
        title="专利申请指南：从技术交底到授权",
        kind=PatentInfoPage.Kind.GUIDE,
        date=datetime.date(2016, 3, 1),
        author="市知识产权服务中心",
        summary="发明、实用新型和外观设计专利的申请材料、流程、费用和时限。",
        tags=["专利申请"],
        body=h("一、申请前的准备")
        + p("进行专利检索，撰写技术交底书，选择合适的专利类型。")
        + h("二、提交申请")
        + p("通过专利电子申请系统提交。"),
    ),
    PatentInfo(
        slug="pct-application-guide",
        title="PCT国际专利申请实务指南",
        kind=PatentInfoPage.Kind.GUIDE,
        date=datetime.date(2016, 5, 18),
        author="连云港港城专利代理事务所",
        summary="通过《专利合作条约》途径向多国申请专利的时间节点和费用资助。",
        tags=["PCT", "专利申请"],
        body=h("一、国际阶段") + p("自优先权日起30个月内进入国家阶段。"),
    ),
    PatentInfo(
        slug="patent-search-basics",
        title="专利文献检索入门",
        kind=PatentInfoPage.Kind.ARTICLE,
        date=datetime.date(2015, 10, 9),
        author="江苏省专利信息服务中心连云港分中心",
        summary="如何利用公开的专利数据库检索在先技术，避免重复研发。",
        tags=["专利检索"],
        body=p("专利文献包含世界上90%以上的最新技术信息。"),
    ),
    PatentInfo(
        slug="pledge-financing-explained",
        title="一文读懂知识产权质押融资",
        kind=PatentInfoPage.Kind.ARTICLE,
        date=datetime.date(2016, 1, 15),
        author="市科技局",
        summary="质押融资的条件、评估、登记和贴息政策，以及我市首笔专利权质押贷款的经验。",
        tags=["质押融资"],
        body=p("知识产权质押融资是指企业以合法拥有的专利权、商标专用权等作为质押物向银行申请贷款。"),
    ),
]

REPORTS = [
    Report(
        slug="new-materials-early-warning-2016",
        title="连云港市新材料产业专利预警分析报告(2016)",
        industry="新材料",
        period="2006—2015年",
        summary="分析碳纤维、高性能复合材料领域国内外专利布局，识别我市企业面临的专利风险。",
        findings="<ul><li>碳纤维原丝制备核心专利集中在日本企业，部分将于2018年后到期。</li>"
        "<li>我市企业在复合材料应用领域专利数量增长快，但海外布局不足。</li>"
        "<li>建议重点企业开展海外专利布局并建立专利预警机制。</li></ul>",
        tags=["新材料", "专利预警"],
    ),
    Report(
        slug="new-medicine-early-warning-2016",
        title="连云港市新医药产业专利预警分析报告(2016)",
        industry="新医药",
        period="2006—2015年",
        summary="分析抗肿瘤药物、仿制药一致性评价相关专利，提示仿制药上市的专利风险。",
        findings="<ul><li>我市医药企业发明专利授权量占全市的40%以上。</li>"
        "<li>部分重点品种的化合物专利将在2020年前后到期，存在仿制机会。</li>"
        "<li>晶型、制剂专利是仿制药上市的主要障碍，应提前开展无效和规避设计。</li></ul>",
        tags=["新医药", "专利预警"],
    ),
]


def load(stdout):
    home = ensure_home_page()
    agencies = issuing_agencies()
    policies = _policy_library(home, agencies)
    setup_policy_moderation(policies)
    _news(home)
    _patent_info(home)
    _service_centre(home)
    return []


def _service_centre(home):
    """The centre's page; the institutions it lists are those the services demo marks as housed there."""
    from .models import ServiceCentrePage

    _child(
        home,
        ServiceCentrePage,
        "service-centre",
        title="连云港市知识产权服务中心",
        intro="集中提供专利、商标、版权的咨询受理、信息检索、评议与维权援助服务，知识产权服务机构集聚办公。",
        address="连云港市海州区朝阳东路32号科技创业大厦一楼",
        opening_hours="周一至周五 8:30—12:00，14:00—17:30（法定节假日除外）",
        services=[
            (
                "paragraph",
                "<ul><li>知识产权政策咨询与专项资金申报指导</li><li>专利、商标申请受理咨询与信息检索</li>"
                "<li>重大经济科技活动知识产权评议对接</li><li>维权援助与侵权举报受理</li></ul>",
            ),
        ],
        desk_name="综合服务窗口",
        desk_phone="0518-85821234",
        desk_email="centre@ip.lyg.example",
    )


def issuing_agencies():
    agencies = {}
    for name, short_name, level, website, sort_order in AGENCIES:
        agencies[name], _created = IssuingAgency.objects.get_or_create(
            name=name,
            defaults={"short_name": short_name, "level": level, "website": website, "sort_order": sort_order},
        )
    return agencies


def _child(parent, model, slug, tags=(), **fields):
    """The live child page with this slug, created and published if missing."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing, False
    page = model(slug=slug, **fields)
    if tags:
        page.tags.add(*tags)
    parent.add_child(instance=page)
    _publish(page)
    return page, True


def _publish(page):
    """Publish the page's current state as a new revision, as the 发布 button of the page editor does."""
    publisher = get_user_model().objects.filter(email=PUBLISHER_EMAIL).first()
    page.save_revision(user=publisher).publish(user=publisher)


def _section(home, model, slug, title, intro):
    return _child(home, model, slug, title=title, intro=intro, seo_title=title, search_description=intro)[0]


def _document(title, filename, content):
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title, file_size=len(content))
        document.file.save(filename, ContentFile(content), save=False)
        document._set_file_hash()
        document.save()
    return document


def cover_image(title, colour):
    """A simple generated cover (colour field with circles), stored once per title."""
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is not None:
        return image
    from PIL import Image as PILImage
    from PIL import ImageDraw

    canvas = PILImage.new("RGB", (1200, 630), colour)
    draw = ImageDraw.Draw(canvas)
    light = tuple(min(255, c + 60) for c in colour)
    dark = tuple(max(0, c - 40) for c in colour)
    draw.ellipse((780, -120, 1380, 480), fill=light)
    draw.ellipse((-160, 330, 360, 850), fill=dark)
    draw.rectangle((80, 80, 560, 110), fill=(255, 255, 255))
    draw.rectangle((80, 140, 420, 160), fill=light)
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    buffer.seek(0)
    image = Image(title=title)
    image.file.save(f"cover-{abs(hash(title)) % 10**8}.png", ImageFile(buffer), save=False)
    image.width, image.height = canvas.size
    image.save()
    return image


def seed_policy_fields(agencies):
    """The 2014 plan's page fields, exactly as the portal gives them, and its attached plan as a PDF."""
    document = parse_portal_document(SEED_DOCUMENT.read_text(encoding="utf-8"))
    agency = (
        agencies.get(document.issuing_agency) or IssuingAgency.objects.get_or_create(name=document.issuing_agency)[0]
    )
    plan = _document(
        document.attachment_title,
        "lianyungang-ip-pilot-city-plan-2014.pdf",
        render_pdf(document.attachment_title, document.attachment_lines()),
    )
    body = [*document.blocks, ("attachment", {"document": plan, "title": f"附件：{document.attachment_title}"})]
    return {
        "title": document.title,
        "index_number": document.index_number,
        "issuing_agency": agency,
        "issue_date": document.issue_date,
        "document_number": document.document_number,
        "subject_words": document.subject_words,
        "summary": document.summary,
        "validity": document.validity,
        "validity_note": document.validity_note,
        "repealed_by_title": document.repealed_by_title,
        "repealed_by_number": document.repealed_by_number,
        "body": body,
        "search_description": document.summary,
    }


def _policy_library(home, agencies):
    library = _section(
        home,
        PolicyIndexPage,
        "policies",
        "政策法规",
        "国家、江苏省和连云港市的知识产权政策文件：专利资助、质押融资、贯标、商标品牌、维权援助等。",
    )
    seed, _created = _child(
        library, PolicyPage, SEED_SLUG, tags=["试点城市", "知识产权战略"], **seed_policy_fields(agencies)
    )
    pages = {}
    for policy in POLICIES:
        pages[policy.slug], _created = _child(
            library,
            PolicyPage,
            policy.slug,
            title=policy.title,
            issuing_agency=agencies[policy.agency],
            issue_date=policy.issued,
            document_number=policy.number,
            index_number=policy.index_number,
            subject_words=policy.subject_words,
            summary=policy.summary,
            validity=policy.validity,
            body=policy.body,
            search_description=policy.summary,
            tags=policy.tags,
            related_policies=[RelatedPolicy(related=seed)],
        )
    old = pages["patent-funding-measures-2012"]
    if old.repealed_by_id is None:
        old.repealed_by = pages["patent-funding-and-awards-measures-2016"]
        old.validity_note = "根据《连云港市专利资助与奖励办法》(连政办发〔2016〕88号)，此文件已废止。"
        _publish(old)
    return library


def _news(home):
    section = _section(home, NewsIndexPage, "news", "新闻动态", "连云港市知识产权工作的新闻和通知公告。")
    for news in NEWS:
        _child(
            section,
            NewsPage,
            news.slug,
            title=news.title,
            category=news.category,
            date=news.date,
            source=news.source,
            summary=news.summary,
            cover_image=cover_image(f"封面：{news.title}", news.colour),
            body=news.body,
            search_description=news.summary,
            tags=news.tags,
        )


def _patent_info(home):
    section = _section(
        home,
        PatentInfoIndexPage,
        "patent-info",
        "专利信息",
        "专利申请与检索指南、知识产权实务文章和重点产业专利预警分析报告。",
    )
    for info in PATENT_INFO:
        _child(
            section,
            PatentInfoPage,
            info.slug,
            title=info.title,
            kind=info.kind,
            date=info.date,
            author=info.author,
            summary=info.summary,
            body=info.body,
            search_description=info.summary,
            tags=info.tags,
        )
    for report in REPORTS:
        lines = [("h2", "摘要"), ("p", report.summary), ("h2", "主要结论")] + [
            ("p", item)
            for item in report.findings.replace("<ul>", "").replace("</ul>", "").replace("</li>", "").split("<li>")
            if item
        ]
        report_file = _document(report.title, f"{report.slug}.pdf", render_pdf(report.title, lines))
        _child(
            section,
            EarlyWarningReportPage,
            report.slug,
            title=report.title,
            industry=report.industry,
            region="连云港市",
            period=report.period,
            date=datetime.date(2016, 12, 20),
            author="连云港市知识产权服务中心",
            summary=report.summary,
            findings=report.findings,
            report_document=report_file,
            search_description=report.summary,
            tags=report.tags,
        )
