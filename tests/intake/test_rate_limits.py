"""Every public form is limited per address and per phone or ID number; guessing a query code needs captchas."""

import re

import pytest

from django.test import Client

from legal_services.models import LegalAidApplication, Question
from mailbox.models import Letter
from mediation.models import MediationRequest
from tests.intake.helpers import legal_aid_data, letter_data, mediation_data, question_data

pytestmark = pytest.mark.django_db

LIMITED = "您今天提交的次数较多"
FORMS = {
    "question": ("/legal/ask/", question_data, Question),
    "legal_aid": ("/legal/aid/", legal_aid_data, LegalAidApplication),
    "mediation": ("/zztj/apply/", mediation_data, MediationRequest),
}
ID_NUMBERS = ["110101199003074514", "110101199003071110", "110101199003072914", "110101199003072535"]


def post(client, form, **overrides):
    url, data, _model = FORMS[form]
    return client.post(url, data(client, **overrides))


@pytest.mark.parametrize("form", FORMS)
def test_one_phone_number_sends_three_a_day_from_any_address(home, mediation_column, form):
    model = FORMS[form][2]
    for index in range(3):
        client = Client(REMOTE_ADDR=f"10.0.0.{index}")
        extra = {"id_number": ID_NUMBERS[index]} if form == "legal_aid" else {}
        assert post(client, form, phone="13800001234", **extra).status_code == 302
    client = Client(REMOTE_ADDR="10.0.1.1")
    extra = {"id_number": ID_NUMBERS[3]} if form == "legal_aid" else {}
    response = post(client, form, phone="138 0000 1234", **extra)
    assert response.status_code == 429 and LIMITED in response.content.decode()
    assert model.objects.count() == 3
    assert post(client, form, phone="13900001111", **extra).status_code == 302
    assert model.objects.count() == 4


@pytest.mark.parametrize("form", FORMS)
def test_one_address_sends_five_an_hour(home, mediation_column, form):
    model = FORMS[form][2]
    client = Client(REMOTE_ADDR="10.0.0.1")
    for index in range(5):
        extra = {"id_number": ID_NUMBERS[index % 4]} if form == "legal_aid" else {}
        assert post(client, form, phone=f"1390000{index:04d}", **extra).status_code == 302
    response = post(client, form, phone="13700001111")
    assert response.status_code == 429 and LIMITED in response.content.decode()
    assert model.objects.count() == 5
    assert post(Client(REMOTE_ADDR="10.0.0.2"), form, phone="13700001111").status_code == 302


def test_one_id_number_applies_for_legal_aid_three_times_a_day_whatever_the_phone(home):
    for index in range(3):
        client = Client(REMOTE_ADDR=f"10.0.0.{index}")
        assert post(client, "legal_aid", phone=f"1390000{index:04d}").status_code == 302
    response = post(Client(REMOTE_ADDR="10.0.1.1"), "legal_aid", phone="13700001111")
    assert response.status_code == 429 and LIMITED in response.content.decode()
    assert LegalAidApplication.objects.count() == 3


def test_the_limits_are_settings(home, settings):
    settings.INTAKE_SUBMIT_LIMIT_PER_CONTACT = (1, 3600)
    assert post(Client(), "question").status_code == 302
    assert post(Client(REMOTE_ADDR="10.0.0.9"), "question").status_code == 429


def test_the_letter_form_keeps_its_own_limits(home, settings):
    settings.MAILBOX_SUBMIT_LIMIT_PER_PHONE = (1, 3600)
    client = Client()
    assert client.post("/mailbox/write/", letter_data(client)).status_code == 302
    response = client.post("/mailbox/write/", letter_data(client, title="第二封来信的标题写在这里"))
    assert response.status_code == 429 and "您今天提交的来信较多" in response.content.decode()
    assert Letter.objects.count() == 1


# Looking a request up: a guarded number asks for a captcha, never locks its owner out

QUERIES = {
    "legal_aid": ("/legal/aid/", legal_aid_data, "/legal/aid/done/", "/legal/aid/query/", "tracking_number"),
    "mediation": ("/zztj/apply/", mediation_data, "/zztj/apply/done/", "/zztj/query/", "tracking_number"),
    "letter": ("/mailbox/write/", letter_data, "/mailbox/write/done/", "/mailbox/query/", "number"),
}
FOUND = {"legal_aid": "办理记录", "mediation": "当前状态", "letter": "办理过程"}


def submit_and_read_receipt(form):
    apply_url, data, done_url, _query_url, _name = QUERIES[form]
    client = Client(REMOTE_ADDR="10.9.9.9")
    client.post(apply_url, data(client))
    html = client.get(done_url).content.decode()
    number = re.search(r"(FY|TJ|SJ)\d{8}-\d{4}", html).group(0)
    code = re.search(r">\s*(\d{10})\s*<", html).group(1)
    return number, code


def query(form, number, code, address, **extra):
    _apply, _data, _done, query_url, name = QUERIES[form]
    return Client(REMOTE_ADDR=address).post(query_url, {name: number, "query_code": code, **extra})


@pytest.mark.parametrize("form", QUERIES)
def test_after_three_wrong_codes_from_anywhere_the_number_needs_a_captcha_and_its_owner_still_gets_in(
    home, mediation_column, form
):
    number, code = submit_and_read_receipt(form)
    wrong = "0000000000" if code != "0000000000" else "1111111111"
    for index in range(3):
        assert query(form, number, wrong, f"10.0.0.{index}").status_code == 200
    guarded = query(form, number, code, "10.0.1.1")
    html = guarded.content.decode()
    assert guarded.status_code == 200 and "请输入验证码" in html and 'name="captcha_1"' in html
    assert FOUND[form] not in html
    # a wrong captcha is no way round it either
    assert FOUND[form] not in query(form, number, code, "10.0.1.2", captcha_0="x", captcha_1="WRONG").content.decode()
    owner = query(form, number, code, "10.0.1.3", captcha_0="x", captcha_1="PASSED")
    assert owner.status_code == 200 and FOUND[form] in owner.content.decode()
    # the owner's success clears the guard
    assert FOUND[form] in query(form, number, code, "10.0.1.4").content.decode()


@pytest.mark.parametrize("form", QUERIES)
def test_a_number_with_few_wrong_codes_is_queried_without_a_captcha(home, mediation_column, form):
    number, code = submit_and_read_receipt(form)
    for index in range(2):
        query(form, number, "0000000000" if code != "0000000000" else "1111111111", f"10.0.0.{index}")
    html = query(form, number, code, "10.0.1.1").content.decode()
    assert FOUND[form] in html and 'name="captcha_1"' not in html


def test_guessing_from_one_address_is_still_stopped_for_that_address(home):
    number, code = submit_and_read_receipt("legal_aid")
    for _attempt in range(10):
        query("legal_aid", number, "0000000000", "10.0.0.1")
    response = query("legal_aid", number, code, "10.0.0.1", captcha_0="x", captcha_1="PASSED")
    assert response.status_code == 429 and "查询失败次数过多" in response.content.decode()
