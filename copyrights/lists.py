"""The public register of works (作品登记公告): its filter form turned into one search over the registered
works' documents (`copyrights.documents`); the list page and its feed both call `works_page`, so they
select the same works for the same query string. A registration number typed in the box finds its work."""

import re

from search import registry
from search.listing import listing_page
from search.query import SearchQuery

from .documents import public_works
from .filings import normalise_number
from .forms import WorkFilterForm

PAGE_SIZE = 20
NUMBER = re.compile(r"^苏作[登合]字-\d{4}-[A-Z]-\d{8}$")


def works_page(data, page=1, per_page=PAGE_SIZE):
    form = WorkFilterForm(data or None)
    cleaned = form.cleaned_data if form.is_bound and form.is_valid() else {}
    text = (cleaned.get("q") or "").strip()
    chosen = {
        "work_type": cleaned.get("work_type"),
        "district_code": cleaned["district"].code if cleaned.get("district") else None,
    }
    number = normalise_number(text)
    if NUMBER.match(number):
        chosen["number"], text = number, ""
    scope = ["copyright_work"]
    query = SearchQuery(
        text=text, scope=scope, tags=registry.filter_tags(scope, chosen), sort="newest", page=page, per_page=per_page
    )
    return form, listing_page(query, {"copyright_work": public_works()})
