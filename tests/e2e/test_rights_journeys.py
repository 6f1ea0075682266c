import io

import pytest
from PIL import Image
from playwright.sync_api import expect

from rights.models import Case, Status
from tests.e2e.steps import log_in, log_out


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (180, 40, 40)).save(buffer, format="PNG")
    return buffer.getvalue()


def stat(page, name):
    page.goto("/rights/")
    return int(page.locator(f"#rights-summary [data-stat={name}]").inner_text())


def act(page, action, fill=None, select=None):
    panel = page.locator(f"#action-{action}")
    panel.locator("summary").click()
    for name, label in (select or {}).items():
        panel.locator(f"select[name={action}-{name}]").select_option(label=label)
    for name, value in (fill or {}).items():
        panel.locator(f"[name={action}-{name}]").fill(value)
    panel.locator("button[type=submit]").click()


def check_status(page, number, secret):
    page.goto("/rights/status/")
    page.fill("input[name=tracking_number]", number)
    page.fill("input[name=secret]", secret)
    page.locator("#status-form button[type=submit]").click()


@pytest.fixture
def quick_forms(settings):
    # The spam trap's minimum fill time is for people; the robot here types instantly on purpose.
    settings.RIGHTS_MIN_FILL_SECONDS = 0


def test_anonymous_counterfeit_report_is_assigned_transferred_closed_and_counted(page, quick_forms):
    received_before = stat(page, "received")
    established_before = stat(page, "established")

    # An anonymous visitor reports a counterfeit trademark with a photo.
    page.get_by_role("link", name="我要举报").click()
    page.get_by_label("假冒商标").check()
    page.fill("input[name=ip_right]", "“汤沟”注册商标")
    page.fill("input[name=infringer]", "海州区新浦某烟酒商行")
    page.fill("input[name=place]", "海州区新浦步行街")
    page.select_option("select[name=district]", label="海州区")
    page.fill("textarea[name=description]", "该商行销售假冒“汤沟”白酒，瓶盖防伪标识与正品不同，售价明显低于市场价。")
    page.set_input_files(
        "input[name=evidence]", files=[{"name": "假冒白酒.png", "mimeType": "image/png", "buffer": png_bytes()}]
    )
    page.locator("#report-form button[type=submit]").click()
    number = page.locator("#tracking-number").inner_text().strip()
    secret = page.locator("#tracking-secret").inner_text().strip()
    assert number.startswith("JB") and len(secret) == 14
    case = Case.objects.get(tracking_number=number)
    assert case.submitter is None and case.evidence.count() == 1

    # Later the visitor checks the status; a wrong secret reveals nothing.
    check_status(page, number, "AAAA-BBBB-CCCC")
    expect(page.locator("main")).to_contain_text("未找到与该受理编号和查询密码相符的记录")
    check_status(page, number, secret)
    expect(page.locator("#case-status")).to_have_text("已接收")
    assert stat(page, "received") == received_before + 1

    # The rights administrator assigns it, by mistake, to the science and technology bureau.
    log_in(page, "rights-admin@demo.ip.lyg")
    page.goto("/rights/handling/")
    page.locator(f"#case-queue tr[data-tracking='{number}'] a").first.click()
    expect(page.locator("#evidence")).to_contain_text("假冒白酒.png")
    act(page, "assign", select={"unit": "市科技局", "handler": "陈志刚（市科技局）"})
    expect(page.locator("main")).to_contain_text("市科技局 / 陈志刚")
    log_out(page)

    # The patent handler transfers it to the trademark authority with a note.
    log_in(page, "patent@demo.ip.lyg")
    page.goto(f"/rights/handling/{case.pk}/")
    act(page, "transfer", select={"to_unit": "连云港工商局"}, fill={"note": "属商标侵权，请工商局查处。"})
    expect(page.locator(".alert-success")).to_contain_text("转办")
    assert page.goto(f"/rights/handling/{case.pk}/").status == 404  # no longer theirs
    log_out(page)

    # The trademark handler accepts, opens the photo, adds an internal note and closes the case.
    log_in(page, "trademark@demo.ip.lyg")
    page.goto("/rights/handling/")
    page.locator(f"#case-queue tr[data-tracking='{number}'] a").first.click()
    expect(page.locator("#case-steps")).to_contain_text("属商标侵权，请工商局查处。")
    act(page, "accept", fill={"public_message": "已受理，将派员核查。"})
    expect(page.locator("#case-status")).to_have_text("已受理")
    with page.expect_popup() as popup:
        page.locator("#evidence a").first.click()
    assert popup.value.evaluate("document.contentType") == "image/png"
    popup.value.close()
    page.fill("textarea[name=text]", "现场查获假冒白酒120瓶。")
    page.locator("#notes button[type=submit]").click()
    act(page, "start")
    act(
        page,
        "close",
        select={"outcome": "认定侵权，已行政处罚"},
        fill={"summary": "经查属实，没收假冒白酒120瓶并处罚款。"},
    )
    expect(page.locator("#case-status")).to_have_text("已办结")
    log_out(page)

    # The visitor sees the outcome, not the internal note; the statistics count the infringement.
    check_status(page, number, secret)
    expect(page.locator("#case-status")).to_have_text("已办结")
    expect(page.locator("#case-outcome")).to_have_text("认定侵权，已行政处罚")
    expect(page.locator("#public-steps")).to_contain_text("已转交连云港工商局办理")
    expect(page.locator("main")).not_to_contain_text("现场查获假冒白酒120瓶")
    assert stat(page, "established") == established_before + 1
    case.refresh_from_db()
    assert case.status == Status.CLOSED and case.steps.count() == 6


def test_enterprise_requests_assistance_and_follows_it(page):
    log_in(page, "enterprise@demo.ip.lyg")
    page.goto("/rights/assistance/")
    page.select_option("select[name=category]", label="专利侵权")
    page.fill("input[name=ip_right]", "发明专利 ZL201910000001.X")
    page.fill("input[name=infringer]", "山东某复合材料有限公司")
    page.select_option("select[name=help_wanted]", label="侵权判定分析")
    page.fill("input[name=deadline]", "2030-03-15")
    page.fill("input[name=deadline_note]", "答辩期届满")
    page.fill("textarea[name=description]", "对方在展会上展出的产品疑似使用我司专利方法，需要侵权判定。")
    page.locator("#assistance-form button[type=submit]").click()
    expect(page.locator("#case-status")).to_have_text("已接收")
    page.goto("/rights/mine/")
    expect(page.locator("#my-cases")).to_contain_text("山东某复合材料有限公司")


def test_stale_cases_are_flagged_in_the_queue(page):
    log_in(page, "customs@demo.ip.lyg")
    page.goto("/rights/handling/")
    expect(page.locator("#stale-alert")).to_be_visible()
    expect(page.locator("#case-queue")).to_contain_text("连云港某进出口贸易有限公司")
    # Another unit's cases are not in this handler's queue.
    expect(page.locator("#case-queue")).not_to_contain_text("东海县某水晶工艺品商行")
