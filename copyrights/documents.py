"""Registered works in cross-search and on the public register of works (作品登记公告): the work's public
facts only (title, category, authors, owners, dates, number); the applicant, the sample and everything
examined stay out. A number is found as written, with or without its hyphens."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from search import registry
from search.documents import SearchDoc
from search.registry import Filter

from .models import Filing

WORK_FILTERS = (
    Filter("number", lambda filing: filing.number),
    Filter("work_type", lambda filing: filing.work_type),
    Filter("district_code", lambda filing: filing.district.code if filing.district_id else None),
)


def public_works():
    return Filing.objects.public_works().select_related("district")


def work_document(filing):
    return SearchDoc(
        type="copyright_work",
        id=filing.pk,
        url=filing.get_public_url(),
        title=filing.title,
        body=" ".join([filing.authors, filing.owners, filing.description]),
        category=filing.get_work_type_display(),
        district=filing.district.name if filing.district_id else "",
        status=filing.get_status_display(),
        date=filing.registered_on,
        facts=[
            (gettext_noop("登记号"), filing.number),
            (gettext_noop("著作权人"), filing.owners),
            (gettext_noop("作者"), filing.authors),
        ],
        terms=[filing.number, filing.number.replace("-", "")],
    )


registry.register(
    registry.SearchType(
        name="copyright_work",
        model=Filing,
        label=_("作品登记"),
        public_queryset=public_works,
        to_document=work_document,
        filters=WORK_FILTERS,
    )
)
