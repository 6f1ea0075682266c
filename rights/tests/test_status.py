import re

import pytest
from django.urls import reverse

from rights import cases
from rights.models import Case
from tests.factories import UserFactory

from .helpers import report_data

pytestmark = pytest.mark.django_db

NOT_FOUND = "未找到与该受理编号和查询密码相符的记录"


@pytest.fixture
def anonymous_case(trademark_handler, rights_admin, unit):
    fields = {k: v for k, v in report_data().items() if k not in ("website", "started", "district")}
    fields["occurred_on"] = None
    case, secret = cases.submit_report(fields)
    case = cases.assign(case, rights_admin, unit("gongshangju"), trademark_handler)
    case = cases.accept(case, trademark_handler, "已受理，将派员核查。", note="店主有前科，注意取证")
    cases.add_note(case, trademark_handler, "内部：与市场监管所联合检查")
    return case, secret


def check(client, number, secret, **extra):
    return client.post(reverse("rights:status"), {"tracking_number": number, "secret": secret}, **extra)


def test_tracking_number_and_secret_show_the_public_status_and_messages(client, anonymous_case):
    case, secret = anonymous_case
    # Typed by hand: lower case and without the dashes still matches.
    page = check(client, case.tracking_number.lower(), secret.replace("-", "").lower()).content.decode()
    assert case.tracking_number in page
    assert "已受理" in page
    assert "已受理，将派员核查。" in page
    # Internal notes, the handler's name and the submitter's own data are not on the public page.
    assert "店主有前科" not in page
    assert "联合检查" not in page
    assert case.handler.name not in page


def test_wrong_secret_and_unknown_number_get_the_same_answer(client, anonymous_case):
    case, secret = anonymous_case
    wrong = check(client, case.tracking_number, "AAAA-BBBB-CCCC")
    unknown = check(client, "JB2099010100000", secret)
    for response in (wrong, unknown):
        page = response.content.decode()
        assert response.status_code == 200
        assert NOT_FOUND in page
        assert "已受理，将派员核查。" not in page

    def strip(response):
        page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
        return page.replace(case.tracking_number, "").replace("JB2099010100000", "")

    assert strip(wrong) == strip(unknown)


def test_logged_in_reports_cannot_be_looked_up_by_number_alone(client):
    case, secret = cases.submit_report(
        {"category": "copyright", "infringer": "某网吧", "description": "盗版电影"}, submitter=UserFactory()
    )
    assert secret is None
    assert NOT_FOUND in check(client, case.tracking_number, "AAAA-BBBB-CCCC").content.decode()


def test_status_guesses_are_rate_limited_by_address(client, anonymous_case, settings):
    settings.RIGHTS_STATUS_CHECKS_PER_HOUR = 3
    case, secret = anonymous_case
    for _ in range(3):
        assert NOT_FOUND in check(client, case.tracking_number, "WRONG-WRONG").content.decode()
    # Even the right secret is refused now, from this address.
    limited = check(client, case.tracking_number, secret)
    assert limited.status_code == 429
    assert "已受理，将派员核查。" not in limited.content.decode()
    assert (
        "已受理，将派员核查。" in check(client, case.tracking_number, secret, REMOTE_ADDR="10.9.8.7").content.decode()
    )


def test_submitter_sees_own_case_and_nobody_else_does(client):
    owner, other = UserFactory(), UserFactory()
    case, _secret = cases.submit_report(
        {"category": "patent", "infringer": "某机械厂", "description": "仿制专利产品"}, submitter=owner
    )
    client.force_login(owner)
    assert client.get(reverse("rights:my_case", args=[case.tracking_number])).status_code == 200
    client.force_login(other)
    assert client.get(reverse("rights:my_case", args=[case.tracking_number])).status_code == 404
    assert case.tracking_number not in client.get(reverse("rights:my_cases")).content.decode()
    assert Case.objects.count() == 1
