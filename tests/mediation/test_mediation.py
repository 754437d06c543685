"""综治调解: the directory, the guides, the online request with its one-time receipt, the status query and the admin."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from captcha.conf import settings as captcha_settings

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password
from django.core.cache import cache

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from columns.plugins.news.models import NewsColumnPage
from demo.columns import seed_column
from home.models import HomePage
from mediation.forms import QUERY_FAILED_MESSAGE
from mediation.models import (
    REJECTION_REASON_MESSAGE,
    MediationColumnPage,
    MediationGuidePage,
    MediationOrganisation,
    MediationRequest,
    MediationRequestEvent,
    Status,
)
from mediation.views import QUERY_FAILURE_LIMIT
from tests.columns.helpers import add_column

pytestmark = pytest.mark.django_db

SHANGHAI = ZoneInfo("Asia/Shanghai")
REQUESTS_URL = "/admin/snippets/mediation/mediationrequest/"
ORGANISATIONS_URL = "/admin/snippets/mediation/mediationorganisation/"
DESCRIPTION = "楼上邻居家卫生间漏水，导致我家天花板发霉脱落，多次协商未果，希望调解赔偿维修费用。"


@pytest.fixture(autouse=True)
def fresh_cache_and_captcha(settings, monkeypatch):
    """Failed-query counters live in the cache; each test starts from none.

    Captchas pass with 'PASSED'; django-simple-captcha copies CAPTCHA_TEST_MODE when
    imported, so its copy is switched on too.
    """
    settings.CAPTCHA_TEST_MODE = True
    monkeypatch.setattr(captcha_settings, "CAPTCHA_TEST_MODE", True)
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def column(home):
    return add_column(home, MediationColumnPage, "综治调解", "zztj")


@pytest.fixture
def organisations(db):
    def make(name, area, kind="people"):
        return MediationOrganisation.objects.create(
            name=name,
            kind=kind,
            area=area,
            address=f"测试市{area}人民路1号",
            phone="0571-86120001",
            opening_hours="工作日 8:30—17:30",
        )

    return [
        make("河西街道人民调解委员会", "河西街道"),
        make("河西街道综治中心", "河西街道", kind="centre"),
        make("青石镇人民调解委员会", "青石镇"),
    ]


def url(column, route):
    return column.url + column.reverse_subpage(route)


def apply_data(client, column, **overrides):
    """A valid request, with the one-time key the form page hands out."""
    html = client.get(url(column, "apply")).content.decode()
    key = re.search(r'name="submission_key" value="([^"]+)"', html).group(1)
    data = {
        "applicant_name": "王小明",
        "phone": "138 0000 1234",
        "other_party": "李大红",
        "dispute_type": "neighbour",
        "area": "河西街道",
        "area_other": "",
        "description": DESCRIPTION,
        "preferred_organisation": "",
        "consent": "on",
        "captcha_0": "x",
        "captcha_1": "PASSED",
        "submission_key": key,
    }
    data.update(overrides)
    return data


def submit(client, column, **overrides):
    """Submit a request; returns (tracking number, query code) from the one-time receipt page."""
    response = client.post(url(column, "apply"), apply_data(client, column, **overrides), follow=True)
    html = response.content.decode()
    number = re.search(r"TJ\d{8}-\d{4}", html).group(0)
    code = re.search(r'mediation-receipt__code">(\d{10})<', html).group(1)
    return number, code


def query(client, column, number, code, **extra):
    return client.post(url(column, "query"), {"tracking_number": number, "query_code": code}, **extra)


def without_csrf_token(html):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


# Page tree


def test_column_lives_under_the_home_page_once(home, column):
    assert MediationColumnPage in HomePage.allowed_subpage_models()
    assert MediationColumnPage.planned
    assert not MediationColumnPage.can_create_at(home)
    assert not MediationColumnPage.can_create_at(column)


def test_guides_live_only_in_the_column(home, column):
    news = add_column(home, NewsColumnPage, "政法要闻", "zfyw")
    assert column.allowed_subpage_models() == [MediationGuidePage]
    assert MediationGuidePage.can_create_at(column)
    assert not MediationGuidePage.can_create_at(home)
    assert not MediationGuidePage.can_create_at(news)


# Column page and directory


def test_column_renders_directory_grouped_by_area_and_service_links(client, column, organisations):
    response = client.get(column.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "调解组织名录" in html and "调解指南" in html and "暂无调解指南。" in html
    assert html.index(">河西街道</h3>") < html.index("河西街道综治中心") < html.index(">青石镇</h3>")
    assert "综治中心</span>" in html and 'href="tel:0571-86120001"' in html
    assert f'href="{url(column, "apply")}"' in html and f'href="{url(column, "query")}"' in html
    assert "columns/css/mediation.css" in html


def test_directory_filters_by_area(client, column, organisations):
    html = client.get(column.url, {"area": "青石镇"}).content.decode()
    assert "青石镇人民调解委员会" in html and "河西街道人民调解委员会" not in html
    assert '<option value="青石镇" selected>' in html
    everything = client.get(column.url, {"area": "不存在的镇"}).content.decode()
    assert "青石镇人民调解委员会" in everything and "河西街道人民调解委员会" in everything


def test_empty_directory_says_so(client, column):
    assert "暂无调解组织信息。" in client.get(column.url).content.decode()


# Guides


def add_guide(column, slug="guide", **fields):
    values = {
        "title": "人民调解怎么申请",
        "procedure": "<p>一、申请。二、受理。</p>",
        "materials": "身份证原件\n- 相关合同、收据\n",
    }
    values.update(fields)
    guide = column.add_child(instance=MediationGuidePage(slug=slug, **values))
    guide.save_revision().publish()
    return guide


def test_guide_renders_procedure_cost_and_materials_and_is_listed(client, column):
    guide = add_guide(column)
    response = client.get(guide.url)
    assert response.status_code == 200
    html = response.content.decode()
    positions = [html.index(text) for text in ["调解流程", "一、申请。", "收费标准", "不收取任何费用", "需携带材料"]]
    assert positions == sorted(positions)
    assert "<li>身份证原件</li>" in html and "<li>相关合同、收据</li>" in html
    assert f'href="{url(column, "apply")}"' in html
    assert "人民调解怎么申请" in client.get(column.url).content.decode()


def guide_admin_data(**overrides):
    data = {
        "title": "人民调解怎么申请",
        "slug": "rmtj",
        "publish_date": "2026-03-10 09:00",
        "source": "",
        "author": "",
        "editor": "",
        "summary": "",
        "procedure": rich_text("<p>一、申请。</p>"),
        "fees": "免费。",
        "materials": "身份证原件",
        "body": streamfield([]),
        "attachments": streamfield([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_admin_publishes_a_guide(admin_client, column):
    response = admin_client.post(f"/admin/pages/add/mediation/mediationguidepage/{column.pk}/", guide_admin_data())
    assert response.status_code == 302, response.content.decode()[:3000]
    guide = MediationGuidePage.objects.get(slug="rmtj")
    assert guide.live and guide.column_id == column.pk and guide.material_list == ["身份证原件"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("procedure", rich_text(""), "请填写调解流程。"),
        ("materials", "", "请填写需携带的材料，每行一项。"),
        ("materials", "-\n·", "请填写需携带的材料，每行一项。"),
    ],
)
def test_admin_refuses_an_incomplete_guide(admin_client, column, field, value, message):
    data = guide_admin_data(**{field: value})
    response = admin_client.post(f"/admin/pages/add/mediation/mediationguidepage/{column.pk}/", data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not MediationGuidePage.objects.exists()


# Organisations in the admin


def test_admin_adds_an_organisation_and_refuses_a_bad_phone(admin_client):
    data = {
        "name": "柳湾乡人民调解委员会",
        "kind": "people",
        "area": "柳湾乡",
        "address": "测试市柳湾乡政府一楼",
        "phone": "8612",
        "opening_hours": "工作日",
        "map_description": "",
    }
    response = admin_client.post(ORGANISATIONS_URL + "add/", data)
    assert response.status_code == 200
    assert "请输入有效的电话号码" in response.content.decode()
    assert not MediationOrganisation.objects.exists()
    response = admin_client.post(ORGANISATIONS_URL + "add/", {**data, "phone": "0571－8612 0001"})
    assert response.status_code == 302
    assert MediationOrganisation.objects.get().phone == "0571-86120001"


def test_admin_lists_organisations_filtered_by_kind_and_area_and_searched_by_name(admin_client, organisations):
    html = admin_client.get(ORGANISATIONS_URL, {"area": "青石镇"}).content.decode()
    assert "青石镇人民调解委员会" in html and "河西街道综治中心" not in html
    html = admin_client.get(ORGANISATIONS_URL, {"kind": "centre"}).content.decode()
    assert "河西街道综治中心" in html and "青石镇人民调解委员会" not in html
    html = admin_client.get(ORGANISATIONS_URL, {"q": "综治"}).content.decode()
    assert "河西街道综治中心" in html and "青石镇人民调解委员会" not in html


# Online request


def test_apply_form_renders_with_captcha_csrf_and_directory_choices(client, column, organisations):
    response = client.get(url(column, "apply"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "在线调解申请" in html and 'name="csrfmiddlewaretoken"' in html and 'name="captcha_1"' in html
    assert '<option value="青石镇">青石镇</option>' in html and "其他（请在下面填写）" in html
    assert "青石镇人民调解委员会（青石镇）" in html
    for choice in ["婚姻家庭", "邻里纠纷", "房屋宅基地", "合同债务", "劳动争议", "损害赔偿", "其他"]:
        assert f">{choice}</option>" in html
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


@time_machine.travel(datetime(2026, 11, 25, 10, 0, tzinfo=SHANGHAI), tick=False)
def test_apply_success_shows_number_and_code_once_and_stores_the_code_hashed(client, column, organisations):
    data = apply_data(client, column, preferred_organisation=str(organisations[0].pk))
    response = client.post(url(column, "apply"), data)
    assert response.status_code == 302 and response["Location"] == url(column, "apply_done")

    receipt = client.get(response["Location"])
    html = receipt.content.decode()
    assert "TJ20261125-0001" in html and "只在本页显示这一次" in html
    code = re.search(r'mediation-receipt__code">(\d{10})<', html).group(1)

    stored = MediationRequest.objects.get()
    assert stored.tracking_number == "TJ20261125-0001"
    assert stored.phone == "13800001234" and stored.preferred_organisation == organisations[0]
    assert stored.status == Status.SUBMITTED and stored.consent
    assert code not in stored.query_code_hash and check_password(code, stored.query_code_hash)
    assert list(stored.events.values_list("to_status", flat=True)) == [Status.SUBMITTED]

    again = client.get(url(column, "apply_done")).content.decode()
    assert code not in again and "回执已显示过" in again

    assert submit(client, column)[0] == "TJ20261125-0002"


def test_apply_with_another_area_typed_in(client, column, organisations):
    submit(client, column, area="__other__", area_other="柳湾乡")
    assert MediationRequest.objects.get().area == "柳湾乡"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"captcha_1": "WRONG"}, "验证码不正确，请重新输入。"),
        ({"description": "长" * 1001}, "纠纷简要情况不能超过1000个字，目前1001个字"),
        ({"description": "太短了"}, "纠纷简要情况至少需要20个字"),
        ({"phone": "12345678"}, "请输入有效的电话号码"),
        ({"applicant_name": ""}, "请填写申请人姓名。"),
        ({"dispute_type": "fight"}, "请从列表中选择纠纷类型。"),
        ({"area": "__other__"}, "选择“其他”时，请填写纠纷发生地所在的街道或乡镇。"),
        ({"consent": ""}, "请勾选同意工作人员与您联系"),
        ({"submission_key": ""}, "页面已过期，请刷新页面后重新填写提交。"),
    ],
)
def test_invalid_request_stores_nothing_and_keeps_what_was_typed(client, column, organisations, overrides, message):
    data = apply_data(client, column, other_party="李大红（对门）", **overrides)
    response = client.post(url(column, "apply"), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html and "提交未成功" in html
    assert 'value="李大红（对门）"' in html
    if "description" not in overrides:
        assert DESCRIPTION in html
    assert not MediationRequest.objects.exists()
    assert not MediationRequestEvent.objects.exists()


def test_script_is_kept_as_text_and_escaped_everywhere(client, admin_client, column, organisations):
    script = "<script>alert(1)</script>"
    response = client.post(url(column, "apply"), apply_data(client, column, applicant_name=script, phone="not-a-phone"))
    html = response.content.decode()
    assert script not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert not MediationRequest.objects.exists()

    number, code = submit(client, column, applicant_name=script, description=DESCRIPTION + script)
    stored = MediationRequest.objects.get()
    assert stored.applicant_name == script and stored.description.endswith(script)
    stored.public_note = script
    stored.save()
    status_page = query(client, column, number, code).content.decode()
    assert script not in status_page and "&lt;script&gt;" in status_page
    admin_page = admin_client.get(f"{REQUESTS_URL}edit/{stored.pk}/").content.decode()
    assert script not in admin_page and "&lt;script&gt;alert(1)&lt;/script&gt;" in admin_page


def test_double_submit_creates_one_request(client, column, organisations):
    data = apply_data(client, column)
    first = client.post(url(column, "apply"), data)
    second = client.post(url(column, "apply"), data)
    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"]
    assert MediationRequest.objects.count() == 1
    assert re.search(r"TJ\d{8}-\d{4}", client.get(second["Location"]).content.decode())


# Status query


def test_query_with_the_right_pair_shows_status_and_public_note(client, column, organisations):
    number, code = submit(client, column)
    stored = MediationRequest.objects.get()
    stored.status = Status.MEDIATING
    stored.organisation = organisations[2]
    stored.public_note = "已约定11月30日上午在青石镇调解室调解。"
    stored.internal_note = "对方态度强硬，需司法所协助。"
    stored.save()

    response = query(client, column, f" {number.lower()} ", code)
    assert response.status_code == 200
    html = response.content.decode()
    assert number in html and "当前状态：<strong>调解中</strong>" in html
    assert "已约定11月30日上午在青石镇调解室调解。" in html and "青石镇人民调解委员会" in html
    assert "对方态度强硬" not in html and "王小明" not in html and "13800001234" not in html
    assert re.search(r'is-done" aria-current="step">调解中<', html)


def test_query_shows_the_rejection_reason(client, column, organisations):
    number, code = submit(client, column)
    MediationRequest.objects.update(status=Status.REJECTED, rejection_reason="该纠纷已由人民法院受理。")
    html = query(client, column, number, code).content.decode()
    assert "不予受理" in html and "该纠纷已由人民法院受理。" in html


def test_wrong_code_and_unknown_number_give_identical_responses(client, column, organisations):
    number, code = submit(client, column)
    wrong_code = "0000000000" if code != "0000000000" else "1111111111"
    with time_machine.travel(datetime(2026, 11, 26, 9, 0, tzinfo=SHANGHAI), tick=False):  # same Expires header
        wrong = query(client, column, number, wrong_code)
        unknown = query(client, column, "TJ20991231-9999", code)
    assert wrong.status_code == unknown.status_code == 200
    assert QUERY_FAILED_MESSAGE in wrong.content.decode()
    assert number not in wrong.content.decode()
    assert without_csrf_token(wrong.content.decode()) == without_csrf_token(unknown.content.decode())

    # Every header alike, but the request id every response carries (portal/requests.py).
    def headers(response):
        return sorted((name, value) for name, value in response.headers.items() if name != "X-Request-ID")

    assert headers(wrong) == headers(unknown)


def test_query_is_rate_limited_per_ip_after_repeated_failures(client, column, organisations):
    number, code = submit(client, column)
    for _ in range(QUERY_FAILURE_LIMIT):
        response = query(client, column, number, "1234567890" if code != "1234567890" else "0987654321")
        assert response.status_code == 200
    blocked = query(client, column, number, code)
    assert blocked.status_code == 429
    html = blocked.content.decode()
    assert "请稍后再试" in html and "当前状态" not in html
    # the number itself now asks for a captcha, which its owner solves from another address
    solved = {"tracking_number": number, "query_code": code, "captcha_0": "x", "captcha_1": "PASSED"}
    other_ip = client.post(url(column, "query"), solved, REMOTE_ADDR="10.0.0.2")
    assert other_ip.status_code == 200 and "当前状态" in other_ip.content.decode()


# Staff in the admin


def edit_data(**overrides):
    data = {"status": "accepted", "organisation": "", "rejection_reason": "", "public_note": "", "internal_note": ""}
    data.update(overrides)
    return data


def test_staff_change_status_and_the_history_records_who_and_when(
    client, admin_client, admin_user, column, organisations
):
    submit(client, column)
    stored = MediationRequest.objects.get()
    edit_url = f"{REQUESTS_URL}edit/{stored.pk}/"

    page = admin_client.get(edit_url).content.decode()
    assert "13800001234" in page and "王小明" in page and DESCRIPTION in page

    moment = datetime(2026, 11, 26, 9, 30, tzinfo=SHANGHAI)
    with time_machine.travel(moment, tick=False):
        response = admin_client.post(
            edit_url,
            edit_data(organisation=str(organisations[2].pk), public_note="请于周一上午来电。", internal_note="内部"),
        )
    assert response.status_code == 302, response.content.decode()[:3000]
    stored.refresh_from_db()
    assert stored.status == Status.ACCEPTED and stored.organisation == organisations[2]
    assert stored.public_note == "请于周一上午来电。" and stored.internal_note == "内部"
    event = stored.events.get(to_status=Status.ACCEPTED)
    assert event.from_status == Status.SUBMITTED and event.user == admin_user and event.created_at == moment

    admin_client.post(edit_url, edit_data(status="accepted", public_note="改了说明，状态未变"))
    assert stored.events.count() == 2

    history = admin_client.get(edit_url).content.decode()
    assert "已提交 → 已受理" in history and "申请人（在线提交）" in history and admin_user.get_username() in history


def test_rejecting_without_a_reason_is_refused(client, admin_client, column, organisations):
    submit(client, column)
    stored = MediationRequest.objects.get()
    response = admin_client.post(f"{REQUESTS_URL}edit/{stored.pk}/", edit_data(status="rejected"))
    assert response.status_code == 200
    assert REJECTION_REASON_MESSAGE in response.content.decode()
    stored.refresh_from_db()
    assert stored.status == Status.SUBMITTED and stored.events.count() == 1


def test_admin_lists_requests_by_status_and_finds_them_by_number_or_name(client, admin_client, column, organisations):
    first, _ = submit(client, column, applicant_name="王小明")
    second, _ = submit(client, column, applicant_name="赵小刚")
    MediationRequest.objects.filter(tracking_number=second).update(status=Status.MEDIATING)

    html = admin_client.get(REQUESTS_URL).content.decode()
    assert first in html and second in html and "13800001234" in html and "邻里纠纷" in html
    html = admin_client.get(REQUESTS_URL, {"status": "mediating"}).content.decode()
    assert second in html and first not in html
    html = admin_client.get(REQUESTS_URL, {"q": first}).content.decode()
    assert first in html and second not in html
    html = admin_client.get(REQUESTS_URL, {"q": "赵小刚"}).content.decode()
    assert second in html and first not in html


def test_requests_cannot_be_added_in_the_admin(admin_client):
    response = admin_client.get(REQUESTS_URL + "add/")
    assert response.status_code in (302, 403)
    assert not MediationRequest.objects.exists()


def test_non_staff_cannot_reach_the_request_list(client, column):
    response = client.get(REQUESTS_URL)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    user = get_user_model().objects.create_user("citizen", password="a-long-password-1")
    client.force_login(user)
    response = client.get(REQUESTS_URL)
    assert response.status_code in (302, 403)
    assert "王小明" not in response.content.decode()


# Demo content


def test_seed_demo_creates_organisations_and_guides_once(client, column):
    seed_column(column)
    seed_column(column)
    assert MediationOrganisation.objects.count() == 4
    assert len(set(MediationOrganisation.objects.values_list("area", flat=True))) == 2
    assert MediationGuidePage.objects.child_of(column).live().count() == 2
    assert not MediationRequest.objects.exists()
    html = client.get(column.url).content.decode()
    assert "河西街道综治中心" in html and "人民调解怎么申请" in html
    for guide in MediationGuidePage.objects.child_of(column):
        assert client.get(guide.url).status_code == 200


@pytest.mark.parametrize("bad", ["\x00", "\u202e", "\x1b"])
@pytest.mark.parametrize(
    "field", ["applicant_name", "phone", "other_party", "area_other", "description", "captcha_1", "submission_key"]
)
def test_the_apply_form_refuses_control_characters(client, column, field, bad):
    data = apply_data(client, column)
    data[field] = (data[field] or "河西") + bad
    response = client.post(url(column, "apply"), data)
    assert response.status_code == 200
    assert "不能包含控制字符。" in response.content.decode()
    assert not MediationRequest.objects.exists()


@pytest.mark.parametrize("field", ["tracking_number", "query_code"])
def test_the_query_form_refuses_control_characters(client, column, field):
    data = {"tracking_number": "TJ20261125-0007", "query_code": "1234567890", field: "TJ\x00"}
    response = client.post(url(column, "query"), data)
    assert response.status_code == 200
    assert "不能包含控制字符。" in response.content.decode()
