"""Status is told by text, not by colour alone (WCAG 1.4.1): every badge, status label and progress bar on
the public pages and on the pages where people follow their orders, postings, loans, enrolments, cases and
the plan's targets carries words a screen reader reads and a person who cannot tell the colours apart sees."""

from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from listings.models import FinancingCase
from rights.models import Case
from services.models import Order
from tests.pages import main_pages

# Classes that colour an element to say something: each such element must also say it in words.
COLOURED = {"badge", "target-status", "progress-bar", "validity-badge"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class ColouredElements(HTMLParser):
    """Collects each coloured element's text (visually hidden text included, as a screen reader reads it),
    and whether the element is hidden from screen readers with the words given next to it instead."""

    def __init__(self):
        super().__init__()
        self.open = []  # [tag, classes, text parts, aria-hidden]
        self.found = []
        self.last_closed = None

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            if tag == "img" and self.open:
                self.open[-1][2].append(dict(attrs).get("alt") or "")
            return
        attrs = dict(attrs)
        self.open.append([tag, set((attrs.get("class") or "").split()), [], attrs.get("aria-hidden") == "true"])

    def handle_endtag(self, tag):
        if tag in VOID or not self.open:
            return
        element = self.open.pop()
        text = "".join(element[2]).strip()
        for parent in self.open:
            parent[2].append(text)
        if element[1] & COLOURED:
            self.found.append({"classes": element[1], "text": text, "aria_hidden": element[3], "next": None})
        if self.found and self.found[-1].get("next") is None and self.last_closed is self.found[-1]:
            self.found[-1]["next"] = text if "visually-hidden" in element[1] else ""
        self.last_closed = self.found[-1] if element[1] & COLOURED else None

    def handle_data(self, data):
        if self.open:
            self.open[-1][2].append(data)


def coloured_elements(html):
    parser = ColouredElements()
    parser.feed(html)
    return parser.found


def words_of(element):
    if element["aria_hidden"]:
        # Hidden from screen readers: the words must follow it as visually hidden text.
        return element["next"] or ""
    return element["text"]


@pytest.fixture
def demo_site(indexed_demo):
    """The demo, restored once for this module, on each search backend."""


def _as(client, email):
    client.force_login(get_user_model().objects.get(email=email))
    return client


def test_badges_and_status_labels_carry_words_not_only_colour(client, demo_site):
    enterprise_order = Order.objects.filter(enterprise__name="连云港恒瑞新材料科技有限公司").first()
    financing_case = FinancingCase.objects.first()
    rights_case = Case.objects.first()
    visits = [(None, path) for path in main_pages()] + [
        ("enterprise@demo.ip.lyg", reverse("services:order_list")),
        ("enterprise@demo.ip.lyg", enterprise_order.get_absolute_url()),
        ("enterprise@demo.ip.lyg", reverse("services:dashboard")),
        ("enterprise@demo.ip.lyg", reverse("services:inbox")),
        ("enterprise@demo.ip.lyg", reverse("listings:dashboard")),
        ("bank@demo.ip.lyg", reverse("listings:case", args=[financing_case.pk])),
        ("institution@demo.ip.lyg", reverse("services:my_institution")),
        ("trainee1@demo.ip.lyg", reverse("training:mine")),
        ("rights-admin@demo.ip.lyg", reverse("rights:queue")),
        ("rights-admin@demo.ip.lyg", rights_case.get_absolute_url()),
        ("targets@demo.ip.lyg", reverse("targets:summary")),
    ]
    checked = 0
    for email, path in visits:
        client.logout()
        if email:
            _as(client, email)
        response = client.get(path)
        assert response.status_code == 200, (email, path)
        for element in coloured_elements(response.content.decode()):
            checked += 1
            assert words_of(element), f"{path} ({email or 'anonymous'}): a {sorted(element['classes'])} without words"
    assert checked > 50

    # The statuses people follow are named in words, in the badge itself.
    order_page = _as(client, "enterprise@demo.ip.lyg").get(enterprise_order.get_absolute_url()).content.decode()
    assert f'id="order-status">{enterprise_order.get_status_display()}</span>' in order_page
    targets = coloured_elements(client.get(reverse("targets:summary")).content.decode())
    assert [element for element in targets if "target-status" in element["classes"]]

    # The chosen tab is marked for screen readers and, through the mark, underlined for the eye.
    open_orders = client.get(reverse("services:order_list"), {"status": "open"}).content.decode()
    assert '<a class="nav-link active" aria-current="page" href="?status=open">' in open_orders


def test_a_badge_of_colour_alone_is_caught():
    html = '<p><span class="badge text-bg-success"></span> <span class="badge" aria-hidden="true">3</span></p>'
    assert [words_of(element) for element in coloured_elements(html)] == ["", ""]
    told = '<span class="badge" aria-hidden="true">3</span><span class="visually-hidden">3 条未读</span>'
    assert [words_of(element) for element in coloured_elements(told)] == ["3 条未读"]
