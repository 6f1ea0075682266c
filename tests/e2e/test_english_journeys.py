"""The site in English: no Chinese text or full-width punctuation outside what users wrote.

User-written text (titles, names, descriptions) sits in elements marked lang="zh", which is also what a
screen reader needs to read it in the right voice; everything else is the interface and must be English.
Every main page is walked as a visitor, and the pages of their own work as an enterprise, an institution and
members of the platform staff."""

import re

from django.conf import settings
from django.urls import reverse
from playwright.sync_api import expect

from accounts.demo import DEMO_PASSWORD
from listings.models import Listing
from rights.models import Case
from services.models import Inquiry, Offering, Order
from tests.pages import main_pages
from training.models import CoursePage, Enrolment

# Han characters, CJK punctuation (、。《》「」…) and full-width forms (，：；（）…), in text and in the labels
# a reader meets without seeing them (placeholders, the values of buttons, tooltips, screen-reader labels).
# What a person is typing (a textarea's text) and the options of a closed list are theirs or out of sight.
VISIBLE_CHINESE = r"""() => {
  const found = [];
  const chinese = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
  // :lang(zh) also matches zh-Hans (the language switch's own name) and everything inside a marked element.
  const userContent = (element) => element.closest(':lang(zh), script, style, template, textarea, option');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const element = walker.currentNode.parentElement;
    if (!chinese.test(walker.currentNode.textContent)) continue;
    if (userContent(element) || !element.checkVisibility()) continue;
    found.push(walker.currentNode.textContent.trim().slice(0, 60));
  }
  for (const element of document.body.querySelectorAll('[placeholder], [aria-label], [title], input[value]')) {
    if (userContent(element) || element.type === 'hidden') continue;
    for (const name of ['placeholder', 'aria-label', 'title']) {
      const value = element.getAttribute(name);
      if (value && chinese.test(value)) found.push(`${name}="${value.slice(0, 60)}"`);
    }
    if (['submit', 'button'].includes(element.type) && chinese.test(element.value)) {
      found.push(`value="${element.value}"`);
    }
  }
  return found;
}"""


def in_english(page, live_server):
    page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": "en", "url": live_server.url}])
    return page


def log_in(page, email):
    page.goto(reverse("account_login"))
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    expect(page).not_to_have_url(re.compile(r"/accounts/login/"))


def chinese_on(page, paths):
    chinese = {}
    for path in paths:
        response = page.goto(path)
        assert response.status == 200, path
        expect(page.locator("html")).to_have_attribute("lang", "en")
        if found := page.evaluate(VISIBLE_CHINESE):
            chinese[path] = found
    return chinese


def enterprise_pages():
    order = Order.objects.filter(enterprise__memberships__user__email="enterprise@demo.ip.lyg").first()
    inquiry = Inquiry.objects.filter(enterprise__memberships__user__email="enterprise@demo.ip.lyg").first()
    offering = Offering.objects.public().first()
    return [
        reverse("accounts:dashboard"),
        reverse("services:order_list"),
        order.get_absolute_url(),
        reverse("services:inquiry_list"),
        reverse("services:inquiry_detail", args=[inquiry.pk]),
        reverse("services:inquiry_create", args=[offering.institution.pk]),
        reverse("services:order_create", args=[offering.pk]),
        reverse("services:inbox"),
        reverse("training:mine"),
        reverse("listings:dashboard"),
        reverse("listings:create", args=["transaction"]),
        reverse("rights:my_cases"),
        reverse("rights:assistance"),
        reverse("rights:status"),
    ]


def institution_pages():
    owner = "institution@demo.ip.lyg"
    order = Order.objects.filter(institution__organisation__memberships__user__email=owner).first()
    inquiry = Inquiry.objects.filter(institution__organisation__memberships__user__email=owner).first()
    return [
        reverse("accounts:dashboard"),
        reverse("services:dashboard"),
        reverse("services:my_institution"),
        reverse("services:listing_edit"),
        reverse("services:offering_create"),
        reverse("services:order_list"),
        order.get_absolute_url(),
        reverse("services:inquiry_list"),
        reverse("services:inquiry_detail", args=[inquiry.pk]),
        reverse("services:inbox"),
    ]


def lender_pages():
    listing = Listing.objects.filter(organisation__memberships__user__email="bank@demo.ip.lyg").first()
    return [reverse("listings:dashboard"), listing.get_absolute_url(), reverse("listings:edit", args=[listing.pk])]


def rights_handler_pages():
    case = Case.objects.order_by("pk").first()
    return [reverse("rights:queue"), reverse("rights:register"), reverse("rights:case_detail", args=[case.pk])]


def trainee_pages():
    enrolment = Enrolment.objects.filter(user__email="trainee1@demo.ip.lyg").first()
    course = CoursePage.objects.live().first()
    return [reverse("training:mine"), course.url, *([enrolment.course.url] if enrolment else [])]


ROLES = [
    ("enterprise@demo.ip.lyg", lambda: main_pages() + enterprise_pages()),
    ("institution@demo.ip.lyg", lambda: main_pages() + institution_pages()),
    ("bank@demo.ip.lyg", lender_pages),
    ("trainee1@demo.ip.lyg", trainee_pages),
    ("rights-admin@demo.ip.lyg", rights_handler_pages),
    ("operator@demo.ip.lyg", lambda: [reverse("accounts:dashboard"), "/", reverse("services:directory")]),
]


def test_main_pages_in_english_show_no_chinese_outside_user_content(page, live_server):
    assert chinese_on(in_english(page, live_server), main_pages()) == {}

    # Units and punctuation of the targets, and course sessions named in English.
    page.goto(reverse("targets:summary"))
    target = page.locator("[id^=indicator-] p", has_text="Target").first
    expect(target).to_have_text(re.compile(r"^Target: .+ \(\d{4}\)$"))
    course = CoursePage.objects.live().filter(sessions__isnull=False).first()
    page.goto(course.url)
    first_session = page.locator("#course-sessions tbody tr").first
    expect(first_session.locator("td").first).to_have_text(re.compile(r"^Day 1, (morning|afternoon|evening)$"))
    expect(first_session.locator("td").nth(1)).to_have_text(re.compile(r"^[A-Z][a-z]{2} \d{4}-\d{2}-\d{2} \d{2}:\d{2}"))


def test_each_roles_own_pages_in_english_show_no_chinese_outside_user_content(audited_page, live_server, demo_data):
    chinese = {}
    # Each person in a browser of their own, as they would be.
    for email, pages in ROLES:
        page = in_english(audited_page(), live_server)
        log_in(page, email)
        if found := chinese_on(page, pages()):
            chinese[email] = found
    assert chinese == {}
