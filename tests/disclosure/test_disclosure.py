"""依申请公开 and the 政务公开 pages: the request, the 20-working-day clock, its one extension, the answer."""

import secrets
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from columns.plugins.gov_info.models import GovInfoColumnPage
from disclosure.models import DisclosurePage, InformationRequest, RequestStatus
from portal.workdays import add_workdays
from tests.columns.helpers import add_column

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")
RECEIVED = datetime(2026, 9, 21, 10, 0, tzinfo=SHANGHAI)
APPLY, DONE, QUERY = "/disclosure/apply/", "/disclosure/apply/done/", "/disclosure/query/"
ADMIN_LIST = "/admin/snippets/disclosure/informationrequest/"


def form_data(**overrides):
    data = {
        "applicant_type": "citizen",
        "applicant_name": "孙丽华",
        "id_number": "330102198506121234",
        "phone": "13800002222",
        "email": "",
        "address": "清江市河西街道滨江路18号",
        "description": "2025年清江市矛盾纠纷多元化解工作经费的使用情况。",
        "medium": "paper",
        "delivery": "post",
        "captcha_0": "x",
        "captcha_1": "PASSED",
        "submission_key": secrets.token_urlsafe(32),
    }
    data.update(overrides)
    return data


def submitted(client, **overrides):
    response = client.post(APPLY, form_data(**overrides))
    assert response.status_code == 302, response.content.decode()
    receipt = client.get(DONE).content.decode()
    code = receipt.split('查询码</dt><dd class="question-receipt__reference">')[1][:10]
    return InformationRequest.objects.get(), code


def admin_data(item, **overrides):
    data = {
        "status": item.status,
        "outcome": item.outcome,
        "reply": item.reply,
        "note": "",
        "internal_note": item.internal_note,
        "extend": "",
        "extend_reason": "",
        "extend_approver": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value != "" or key in ("reply", "outcome")}


def test_a_request_has_twenty_working_days_counted_over_the_holiday(client, home):
    with time_machine.travel(RECEIVED, tick=False):
        item, code = submitted(client)
    assert item.tracking_number.startswith("YS20260921-") and len(code) == 10
    # 中秋 (9月25日) and 国庆 (10月1日–7日, 10月10日 worked) push the 20th working day to 10月26日.
    assert item.reply_deadline == date(2026, 10, 26) == add_workdays(date(2026, 9, 21), 20)
    assert item.current_deadline == item.reply_deadline and item.events.count() == 1


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"applicant_name": ""}, "请填写申请人姓名或名称。"),
        ({"id_number": "abc"}, "证件号码只能包含数字和字母"),
        ({"delivery": "email", "email": ""}, "选择以电子邮件获取信息时，请填写电子邮箱。"),
        ({"delivery": "post", "address": ""}, "选择邮寄获取信息时，请填写通信地址。"),
        ({"description": "文件"}, "所需信息的描述应为10至2000个字。"),
        ({"medium": "scroll"}, "请选择列表中的信息的载体形式。"),
        ({"captcha_1": "wrong"}, "验证码错误"),
    ],
)
def test_bad_input_is_refused_in_chinese_and_stores_nothing(client, home, overrides, message):
    response = client.post(APPLY, form_data(**overrides))
    assert response.status_code == 200 and message in response.content.decode()
    assert not InformationRequest.objects.exists()


def test_the_clock_warns_and_flags_the_request_across_its_deadline(client, admin_client, home):
    with time_machine.travel(RECEIVED, tick=False):
        item, _ = submitted(client)
    with time_machine.travel(datetime(2026, 10, 26, 9, 0, tzinfo=SHANGHAI), tick=False):
        assert "今天到期" in admin_client.get(ADMIN_LIST).content.decode()
        assert list(InformationRequest.objects.due_by(date(2026, 10, 26))) == [item]
        assert not InformationRequest.objects.overdue().exists()
    with time_machine.travel(datetime(2026, 10, 27, 9, 0, tzinfo=SHANGHAI), tick=False):
        assert "已超期1天" in admin_client.get(ADMIN_LIST).content.decode()
        assert list(InformationRequest.objects.overdue()) == [item]


def test_the_deadline_is_extended_once_by_twenty_working_days(client, admin_client, home):
    with time_machine.travel(RECEIVED, tick=False):
        item, code = submitted(client)
    url = f"{ADMIN_LIST}edit/{item.pk}/"
    response = admin_client.post(url, admin_data(item, extend="on"))
    html = response.content.decode()
    assert "延长答复期限时请写明理由" in html and "请填写批准延长的负责人" in html
    item.refresh_from_db()
    assert item.extended_deadline is None
    extension = {"extend": "on", "extend_reason": "需要会同市财政局核实。", "extend_approver": "李主任"}
    response = admin_client.post(url, admin_data(item, status="processing", **extension))
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.extended_deadline == add_workdays(date(2026, 10, 26), 20) == date(2026, 11, 23)
    assert "答复期限延长至2026年11月23日" in item.events.last().note
    admin_client.post(url, admin_data(item, extend="on", extend_reason="再次延长", extend_approver="李主任"))
    item.refresh_from_db()
    assert item.extended_deadline == date(2026, 11, 23) and item.extension_reason == "需要会同市财政局核实。"
    with time_machine.travel(datetime(2026, 10, 27, 9, 0, tzinfo=SHANGHAI), tick=False):
        assert not InformationRequest.objects.overdue().exists()
    html = client.post(QUERY, {"tracking_number": item.tracking_number, "query_code": code}).content.decode()
    assert "2026-11-23" in html and "需要会同市财政局核实。" in html


def test_an_answer_needs_its_kind_and_text_and_the_applicant_reads_it(client, admin_client, home):
    item, code = submitted(client)
    url = f"{ADMIN_LIST}edit/{item.pk}/"
    html = admin_client.post(url, admin_data(item, status="answered")).content.decode()
    assert "答复时请选择答复类型。" in html
    item.refresh_from_db()
    assert item.status == RequestStatus.RECEIVED
    admin_client.post(url, admin_data(item, status="answered", outcome="disclosed", reply="所申请信息见附件，已邮寄。"))
    item.refresh_from_db()
    assert item.status == RequestStatus.ANSWERED and item.answered_at is not None
    html = client.post(QUERY, {"tracking_number": item.tracking_number, "query_code": code}).content.decode()
    assert "予以公开" in html and "已邮寄" in html and "330102198506121234" not in html


def test_the_admin_list_masks_the_id_number_and_nobody_adds_requests(client, admin_client, home):
    submitted(client)
    html = admin_client.get(ADMIN_LIST).content.decode()
    assert "330102198506121234" not in html and "330*************34" in html
    assert admin_client.get(f"{ADMIN_LIST}add/").status_code in (302, 403)


def test_the_gov_info_column_links_its_guide_pages_and_the_online_request(client, home):
    column = add_column(home, GovInfoColumnPage, "政务公开", "zwgk")
    guide = DisclosurePage(title="信息公开指南", slug="guide", body="<p>受理机构：市委政法委办公室。</p>")
    column.add_child(instance=guide)
    guide.save_revision().publish()
    assert DisclosurePage in GovInfoColumnPage.allowed_subpage_models()
    assert DisclosurePage.allowed_parent_page_models() == [GovInfoColumnPage]
    column_html = client.get(column.url).content.decode()
    assert "信息公开指南" in column_html and APPLY in column_html and "法定主动公开内容" in column_html
    html = client.get(guide.url).content.decode()
    assert "受理机构" in html and 'aria-current="page">信息公开指南' in html
    assert "政务公开" in client.get(APPLY).content.decode()
