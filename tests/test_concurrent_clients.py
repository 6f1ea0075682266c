"""Many people pressing the same button at the same moment, against a running server.

Each simulated person is a thread with its own HTTP session talking to pytest-django's live server,
whose request threads each open their own database connection: SQLite's file locking or PostgreSQL's
row locks are met as `make run` and production meet them. Every client first prepares (session,
CSRF token, form), then all wait at a barrier and send the contended request together.
"""

import re
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from django.conf import settings as django_settings
from django.db import connections
from django.test import Client

from rights.models import Case
from services import inquiries, orders
from services.models import Inquiry, Order, OrderStatus
from services.tests.factories import InstitutionFactory, OfferingFactory, member_of
from targets.models import EntryRevision, ImportBatch, IndicatorEntry
from tests.factories import DEFAULT_PASSWORD, MembershipFactory, UserFactory
from training.models import Enrolment
from training.tests.factories import make_course

pytestmark = pytest.mark.django_db(transaction=True)

# Long enough for twenty requests queued behind SQLite's write lock on a busy two-core machine.
REQUEST_TIMEOUT = 60


def together(prepare, send, count):
    """Run `prepare(i)` for `count` clients in parallel, then `send(i, prepared)` all at once; the responses."""
    barrier = threading.Barrier(count, timeout=REQUEST_TIMEOUT)

    prepared = [None] * count

    def client(i):
        try:
            prepared[i] = prepare(i)
        except BaseException:
            # The others would wait for this client until the barrier times out, hiding why.
            barrier.abort()
            raise
        finally:
            # Preparing may use the ORM (logging in); this thread's connection would outlive the test.
            connections.close_all()
        barrier.wait()
        return send(i, prepared[i])

    with ThreadPoolExecutor(max_workers=count) as pool:
        futures = [pool.submit(client, i) for i in range(count)]
    hang_up(prepared)
    failures = [future.exception() for future in futures if future.exception() is not None]
    causes = [failure for failure in failures if not isinstance(failure, threading.BrokenBarrierError)]
    if failures:
        raise (causes or failures)[0]
    return [future.result() for future in futures]


def hang_up(prepared):
    """Close the clients' HTTP connections now rather than when their sessions are garbage-collected.

    A kept-alive connection keeps its live-server thread, and that thread its database connection
    (CONN_MAX_AGE): this module alone held up to 52 PostgreSQL connections at once that way, and two
    test workers share PostgreSQL's hundred. A closed session still works if a test sends on it again.
    """
    for value in prepared:
        for candidate in value if isinstance(value, tuple) else (value,):
            if isinstance(candidate, requests.Session):
                candidate.close()


def assert_no_server_error(responses):
    failures = [(r.status_code, r.request.url) for r in responses if r.status_code >= 500]
    assert failures == []


def browser(live_server, user=None):
    """An HTTP session like a browser's: logged in as `user` (if given), holding a CSRF cookie."""
    session = requests.Session()
    if user is not None:
        django_client = Client()
        django_client.force_login(user)
        cookie = django_settings.SESSION_COOKIE_NAME
        session.cookies.set(cookie, django_client.cookies[cookie].value)
    # Every page carries a form (the language switch), so any page sets the CSRF cookie.
    session.get(f"{live_server.url}/rights/status/", timeout=REQUEST_TIMEOUT).raise_for_status()
    session.headers["X-CSRFToken"] = session.cookies["csrftoken"]
    return session


def post(session, url, data=None, **kwargs):
    return session.post(url, data=data or {}, allow_redirects=False, timeout=REQUEST_TIMEOUT, **kwargs)


def hidden_value(page, name):
    found = re.search(rf'name="{name}" value="([^"]*)"', page)
    assert found, f"no hidden field {name!r} in the page: {page[:300]!r}"
    return found.group(1)


def page_text(session, url):
    response = session.get(url, timeout=REQUEST_TIMEOUT)
    response.raise_for_status()
    return response.text


def test_twenty_people_enrolling_at_once_in_a_two_place_course_two_get_places_eighteen_wait(live_server):
    course = make_course(capacity=2)
    people = [UserFactory() for _ in range(20)]
    url = f"{live_server.url}/training/courses/{course.pk}/enrol/"

    responses = together(lambda i: browser(live_server, people[i]), lambda i, session: post(session, url), 20)

    assert_no_server_error(responses)
    assert {r.status_code for r in responses} == {302}
    statuses = list(Enrolment.objects.filter(course=course).values_list("status", flat=True))
    assert sorted(statuses).count(Enrolment.Status.CONFIRMED) == 2
    assert sorted(statuses).count(Enrolment.Status.WAITING) == 18
    positions = sorted(e.waiting_position() for e in Enrolment.objects.waiting().filter(course=course))
    assert positions == list(range(1, 19))


def test_twenty_people_logging_in_at_once_all_get_in(live_server, settings):
    # allauth counts each attempt against the client address before checking the password (and forgets it on
    # success); twenty attempts in flight from the one test address would pass the per-address limits, which
    # are for the public and tested in accounts.
    settings.ACCOUNT_RATE_LIMITS = False
    people = [UserFactory() for _ in range(20)]
    login_url = f"{live_server.url}/accounts/login/"

    def prepare(i):
        session = requests.Session()
        page = page_text(session, login_url)
        return session, hidden_value(page, "csrfmiddlewaretoken")

    def send(i, prepared):
        session, token = prepared
        data = {"login": people[i].email, "password": DEFAULT_PASSWORD, "csrfmiddlewaretoken": token}
        return post(session, login_url, data, headers={"Referer": login_url})

    responses = together(prepare, send, 20)

    assert_no_server_error(responses)
    assert [r.status_code for r in responses] == [302] * 20
    assert all("/accounts/login/" not in r.headers["Location"] for r in responses)


def test_twenty_anonymous_infringement_reports_at_once_are_all_recorded(live_server, settings):
    # One test machine is one client address: the per-address limit and the robot timer are for the public.
    settings.RIGHTS_ANONYMOUS_REPORTS_PER_HOUR = 100
    settings.RIGHTS_MIN_FILL_SECONDS = 0
    from rights.tests.helpers import report_data

    report_url = f"{live_server.url}/rights/report/"

    def prepare(i):
        session = requests.Session()
        page = page_text(session, report_url)
        data = report_data(
            infringer=f"海州区某商行{i}",
            started=hidden_value(page, "started"),
            csrfmiddlewaretoken=hidden_value(page, "csrfmiddlewaretoken"),
        )
        return session, data

    def send(i, prepared):
        session, data = prepared
        return post(session, report_url, data, headers={"Referer": report_url})

    responses = together(prepare, send, 20)

    assert_no_server_error(responses)
    assert [r.status_code for r in responses] == [302] * 20
    assert Case.objects.filter(kind=Case.Kind.REPORT).count() == 20


def quoted_inquiry():
    institution = InstitutionFactory()
    offering = OfferingFactory(institution=institution, price_type="negotiable", price=None)
    buyer = MembershipFactory().user
    inquiry = inquiries.start_inquiry(buyer, institution, subject="专利布局", body="请报价", offering=offering)
    quote = inquiries.post_message(inquiry, member_of(institution.organisation), body="报价如下", quote_amount=880_000)
    return buyer, inquiry, quote


def test_ten_simultaneous_orders_from_one_quote_make_one_order(live_server):
    buyer, _inquiry, quote = quoted_inquiry()
    url = f"{live_server.url}/institutions/quotes/{quote.pk}/order/"

    responses = together(
        lambda i: browser(live_server, buyer), lambda i, session: post(session, url, {"requirements": "加急"}), 10
    )

    assert_no_server_error(responses)
    order = Order.objects.get(quote=quote)
    # Each answer leads to the one order: the first placed it, the others were told it already exists.
    assert {r.headers["Location"] for r in responses} == {order.get_absolute_url()}
    assert order.events.count() == 1


def test_ten_enterprises_asking_one_institution_at_once_all_get_their_inquiry(live_server):
    institution = InstitutionFactory()
    askers = [MembershipFactory().user for _ in range(10)]
    url = f"{live_server.url}/institutions/{institution.pk}/ask/"

    responses = together(
        lambda i: browser(live_server, askers[i]),
        lambda i, session: post(session, url, {"subject": f"商标咨询{i}", "body": "请问商标续展的费用？"}),
        10,
    )

    assert_no_server_error(responses)
    assert [r.status_code for r in responses] == [302] * 10
    assert Inquiry.objects.filter(institution=institution).count() == 10
    assert institution.organisation.notifications.count() == 10


def test_one_order_form_sent_five_times_at_once_places_one_order(live_server):
    buyer = MembershipFactory().user
    offering = OfferingFactory()
    url = f"{live_server.url}/institutions/offerings/{offering.pk}/order/"
    first_session = browser(live_server, buyer)
    key = hidden_value(first_session.get(url, timeout=REQUEST_TIMEOUT).text, "submission_key")
    data = {"quantity": "1", "requirements": "两件发明专利", "submission_key": key}

    responses = together(lambda i: browser(live_server, buyer), lambda i, session: post(session, url, data), 5)

    assert_no_server_error(responses)
    order = Order.objects.get(offering=offering)
    assert {r.headers["Location"] for r in responses} == {order.get_absolute_url()}
    assert order.events.count() == 1


def test_staff_importing_the_same_figure_at_once_leave_one_entry_with_its_corrections(live_server):
    staff = [UserFactory(is_staff=True, is_superuser=True) for _ in range(5)]
    upload_url = f"{live_server.url}/admin/targets/import/"

    def csv(i):
        row = f"invention-patents-per-10k-city,2016-06-30,3.6{i},,市统计局{i}"
        text = f"指标代码,统计日期,数值,县区,数据来源说明\r\n{row}\r\n"
        return {"file": (f"figures{i}.csv", text.encode(), "text/csv")}

    uploads = together(
        lambda i: browser(live_server, staff[i]),
        lambda i, session: (session, post(session, upload_url, files=csv(i))),
        5,
    )
    assert_no_server_error([response for _, response in uploads])
    batches = list(ImportBatch.objects.order_by("pk"))
    assert len(batches) == 5 and all(batch.is_valid for batch in batches)

    # Everyone applies their own batch and, as a second click would, also the first batch.
    def apply(i, session):
        own = post(session, f"{live_server.url}/admin/targets/import/{batches[i].pk}/", {"action": "apply"})
        again = post(session, f"{live_server.url}/admin/targets/import/{batches[0].pk}/", {"action": "apply"})
        return own, again

    applied = together(lambda i: uploads[i][0], apply, 5)

    assert_no_server_error([response for pair in applied for response in pair])
    assert set(ImportBatch.objects.values_list("status", flat=True)) == {ImportBatch.Status.APPLIED}
    entry = IndicatorEntry.objects.get(indicator__code="invention-patents-per-10k-city", as_of="2016-06-30")
    assert EntryRevision.objects.filter(entry=entry).count() == 4


def test_one_report_form_sent_five_times_at_once_records_one_case(live_server, settings):
    settings.RIGHTS_ANONYMOUS_REPORTS_PER_HOUR = 100
    settings.RIGHTS_MIN_FILL_SECONDS = 0
    from rights.tests.helpers import report_data

    report_url = f"{live_server.url}/rights/report/"
    page = requests.get(report_url, timeout=REQUEST_TIMEOUT).text
    data = report_data(started=hidden_value(page, "started"))

    responses = together(
        lambda i: browser(live_server),
        lambda i, session: post(session, report_url, data, headers={"Referer": report_url}),
        5,
    )

    assert_no_server_error(responses)
    assert [r.status_code for r in responses] == [302] * 5
    assert Case.objects.count() == 1


def test_five_members_accepting_one_order_at_once_accept_it_once(live_server):
    institution = InstitutionFactory()
    members = [member_of(institution.organisation) for _ in range(5)]
    order = orders.place_order(MembershipFactory().user, offering=OfferingFactory(institution=institution))
    url = f"{live_server.url}/institutions/orders/{order.pk}/accept/"

    responses = together(lambda i: browser(live_server, members[i]), lambda i, session: post(session, url), 5)

    assert_no_server_error(responses)
    assert list(order.events.values_list("to_status", flat=True)) == [OrderStatus.REQUESTED, OrderStatus.ACCEPTED]
