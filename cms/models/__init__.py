"""Wagtail pages of the platform. The home page is the root of the site tree; the knowledge platform's
sections hang below it: the policy library (`PolicyIndexPage` → `PolicyPage`), news and notices
(`NewsIndexPage` → `NewsPage`) and patent information (`PatentInfoIndexPage` → `PatentInfoPage`,
`EarlyWarningReportPage`) and the service centre (`ServiceCentrePage`). Training pages belong to the `training` app.
"""

from .centre import ServiceCentrePage
from .home import HomePage, SiteFooterSettings
from .news import NewsIndexPage, NewsPage, NewsPageTag
from .patents import EarlyWarningReportPage, PatentInfoIndexPage, PatentInfoPage, PatentInfoPageTag
from .policies import IssuingAgency, PolicyIndexPage, PolicyPage, PolicyPageTag, RelatedPolicy

__all__ = [
    "EarlyWarningReportPage",
    "HomePage",
    "IssuingAgency",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "PatentInfoIndexPage",
    "PatentInfoPage",
    "PatentInfoPageTag",
    "PolicyIndexPage",
    "PolicyPage",
    "PolicyPageTag",
    "RelatedPolicy",
    "ServiceCentrePage",
    "SiteFooterSettings",
]
