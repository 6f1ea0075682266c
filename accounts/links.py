"""The account page's shortcuts into the other apps, chosen by what the user's organisation is.

Each entry names a URL; an entry whose URL does not exist (an app not installed) is left out.
"""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from .models import Organisation

ANYONE = None
ENTERPRISE = Organisation.Kind.ENTERPRISE
INSTITUTION = Organisation.Kind.INSTITUTION

# (label, URL name, who sees it: ANYONE, or the organisation kind it needs)
ACCOUNT_LINKS = [
    (_("服务工作台（咨询、订单、付款）"), "services:dashboard", "member"),
    (_("消息"), "services:inbox", "member"),
    (_("我的服务机构与服务项目"), "services:my_institution", INSTITUTION),
    (_("我的交易与融资信息"), "listings:dashboard", "member"),
    (_("我的培训与证书"), "training:mine", ANYONE),
    (_("我的维权案件"), "rights:my_cases", ANYONE),
    (_("开放接口密钥"), "api:keys", ANYONE),
    (_("我的订阅"), "subscriptions:index", ANYONE),
    (_("我的专项资金申请"), "funding:my_applications", ENTERPRISE),
    (_("我的版权登记"), "copyrights:mine", ANYONE),
    (_("知识产权评议"), "evaluations:list", "member"),
    (_("知识产权顾问库"), "advisers:pool", ANYONE),
    (_("顾问咨询请求"), "advisers:requests", ANYONE),
    (_("我的顾问资料"), "advisers:my_profile", ANYONE),
    (_("本机构的顾问"), "advisers:registrations", INSTITUTION),
    (_("知识产权海关备案"), "register:customs_mine", ENTERPRISE),
]


def account_links(user):
    organisation = user.organisation
    links = []
    for label, url_name, audience in ACCOUNT_LINKS:
        if audience == "member" and organisation is None:
            continue
        if audience in (ENTERPRISE, INSTITUTION) and (organisation is None or organisation.kind != audience):
            continue
        try:
            links.append({"label": label, "url": reverse(url_name)})
        except NoReverseMatch:
            continue
    return links
