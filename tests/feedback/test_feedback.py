"""网站纠错: the public form and counts, the receipt and query, the working-day deadlines and the admin queue."""

import secrets
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from django.core import mail

from feedback.models import ErrorReport, ReportStatus

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")
# The day before the National Day holiday: the next working days are 10月8日, 9日 and 10日 (a Saturday, adjusted).
BEFORE_HOLIDAY = datetime(2026, 9, 30, 10, 0, tzinfo=SHANGHAI)
REPORT, DONE, QUERY = "/feedback/", "/feedback/done/", "/feedback/query/"
ADMIN_LIST = "/admin/snippets/feedback/errorreport/"


def form_data(**overrides):
    data = {
        "page_url": "/zfyw/some-news/",
        "error_type": "content",
        "description": "第二段“政法委员会”写成了“政法委员”。",
        "contact_name": "",
        "phone": "138 0000 1234",
        "email": "",
        "captcha_0": "x",
        "captcha_1": "PASSED",
        "submission_key": secrets.token_urlsafe(32),
    }
    data.update(overrides)
    return data


def submitted(client, **overrides):
    response = client.post(REPORT, form_data(**overrides))
    assert response.status_code == 302, response.content.decode()
    receipt = client.get(DONE).content.decode()
    report = ErrorReport.objects.get()
    code = receipt.split('查询码</dt><dd class="question-receipt__reference">')[1][:10]
    return report, code


def test_the_form_shows_the_public_counts_and_prefills_the_page(client, home):
    html = client.get(REPORT, {"url": "/tzgg/"}).content.decode()
    assert "累计收到网民纠错 <strong>0</strong> 条，已纠正 <strong>0</strong> 条" in html
    assert 'value="/tzgg/"' in html and "1个工作日内受理，3个工作日内纠正" in html


def test_a_report_gets_a_number_a_query_code_and_deadlines_in_working_days(client, home):
    with time_machine.travel(BEFORE_HOLIDAY, tick=False):
        report, code = submitted(client)
    assert report.tracking_number.startswith("JC20260930-") and len(code) == 10
    assert report.acknowledge_deadline == date(2026, 10, 8)
    assert report.resolve_deadline == date(2026, 10, 10)
    assert report.phone == "13800001234" and report.status == ReportStatus.RECEIVED
    assert list(report.events.values_list("to_status", flat=True)) == ["received"]
    assert client.get(DONE).status_code == 302  # the receipt is shown once


def test_the_deadlines_follow_the_settings(client, home, settings):
    settings.FEEDBACK_ACKNOWLEDGE_WORKDAYS = 2
    settings.FEEDBACK_RESOLVE_WORKDAYS = 5
    with time_machine.travel(datetime(2026, 11, 23, 9, 0, tzinfo=SHANGHAI), tick=False):  # a Monday
        report, _ = submitted(client)
    assert (report.acknowledge_deadline, report.resolve_deadline) == (date(2026, 11, 25), date(2026, 11, 30))


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"page_url": ""}, "请填写出错页面地址。"),
        ({"page_url": "javascript:alert(1)"}, "请填写出错页面的网址"),
        ({"error_type": "nonsense"}, "请选择列表中的错误类型。"),
        ({"description": "错"}, "问题描述应为5至1000个字。"),
        ({"phone": "12"}, "电话"),
        ({"captcha_1": "wrong"}, "验证码错误"),
        ({"description": "正文\x00有控制字符"}, "不能包含"),
    ],
)
def test_bad_input_is_refused_in_chinese_and_stores_nothing(client, home, overrides, message):
    response = client.post(REPORT, form_data(**overrides))
    assert response.status_code == 200 and message in response.content.decode()
    assert not ErrorReport.objects.exists()


def test_a_double_click_stores_one_report(client, home):
    data = form_data()
    assert client.post(REPORT, data).status_code == 302
    assert client.post(REPORT, {**data, "captcha_1": "PASSED"}).status_code == 302
    assert ErrorReport.objects.count() == 1


def test_submissions_are_rate_limited_per_address(client, home, settings):
    settings.INTAKE_SUBMIT_LIMIT_PER_IP = (2, 3600)
    for number in range(2):
        client.post(REPORT, form_data(phone=f"1380000000{number}"))
    response = client.post(REPORT, form_data(phone="13800000009"))
    assert response.status_code == 429 and ErrorReport.objects.count() == 2


def test_staff_are_told_without_the_reporters_details(client, home, admin_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submitted(client)
    assert mail.outbox and "JC" in mail.outbox[-1].subject
    assert "13800001234" not in mail.outbox[-1].body


def admin_data(report, **overrides):
    data = {"status": report.status, "reply": report.reply, "note": "", "internal_note": report.internal_note}
    data.update(overrides)
    return data


def test_the_queue_flags_missed_deadlines_and_filters_them(admin_client, client, home):
    with time_machine.travel(BEFORE_HOLIDAY, tick=False):
        late, _ = submitted(client)
    with time_machine.travel(datetime(2026, 10, 9, 9, 0, tzinfo=SHANGHAI), tick=False):
        html = admin_client.get(ADMIN_LIST).content.decode()
        assert "受理已超期1天" in html
        assert late.tracking_number in admin_client.get(ADMIN_LIST, {"overdue": "true"}).content.decode()
        assert list(ErrorReport.objects.acknowledge_overdue()) == [late]
    with time_machine.travel(datetime(2026, 10, 8, 9, 0, tzinfo=SHANGHAI), tick=False):
        assert "今天须受理" in admin_client.get(ADMIN_LIST).content.decode()
        assert not ErrorReport.objects.acknowledge_overdue().exists()


def test_staff_acknowledge_and_fix_and_the_reporter_reads_the_answer(admin_client, client, home):
    report, code = submitted(client)
    url = f"{ADMIN_LIST}edit/{report.pk}/"
    assert admin_client.post(url, admin_data(report, status="acknowledged")).status_code == 302
    report.refresh_from_db()
    assert report.acknowledged_at is not None and not report.is_acknowledge_overdue
    response = admin_client.post(url, admin_data(report, status="fixed"))
    assert "办结时请填写答复" in response.content.decode()
    admin_client.post(url, admin_data(report, status="fixed", reply="已更正为“政法委员会”，感谢监督。"))
    report.refresh_from_db()
    assert report.status == ReportStatus.FIXED and report.closed_at is not None
    html = client.post(QUERY, {"tracking_number": report.tracking_number, "query_code": code}).content.decode()
    assert "已纠正" in html and "感谢监督" in html and "13800001234" not in html
    assert "已纠正 <strong>1</strong> 条" in client.get(REPORT).content.decode()


def test_a_closed_report_cannot_be_reopened(admin_client, client, home):
    report, _ = submitted(client)
    url = f"{ADMIN_LIST}edit/{report.pk}/"
    admin_client.post(url, admin_data(report, status="not_an_error", reply="经核实，该页面内容无误。"))
    response = admin_client.post(url, admin_data(report, status="received", reply="x"))
    assert response.status_code == 200
    report.refresh_from_db()
    assert report.status == ReportStatus.NOT_AN_ERROR


def test_a_wrong_query_code_reveals_nothing(client, home):
    report, code = submitted(client)
    wrong = "0000000000" if code != "0000000000" else "1111111111"
    html = client.post(QUERY, {"tracking_number": report.tracking_number, "query_code": wrong}).content.decode()
    assert "受理编号或查询码不正确" in html and "办理记录" not in html


def test_nobody_adds_reports_in_the_admin(admin_client):
    assert admin_client.get(f"{ADMIN_LIST}add/").status_code in (302, 403)
