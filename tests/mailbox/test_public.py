"""书记信箱, the public side: writing a letter, the receipt, looking it up, rating the reply, the published letters."""

import logging
import re
from datetime import timedelta

import pytest
import time_machine
from captcha.conf import settings as captcha_settings
from captcha.models import CaptchaStore

from django.core import mail
from django.db import connection
from django.test import Client

from mailbox import workflow
from mailbox.models import Attachment, Letter, LetterEvent, Status
from portal.workdays import add_workdays
from tests.mailbox.helpers import (
    CONTENT,
    NOW,
    QUERY_URL,
    RATE_URL,
    TITLE,
    WRITE_URL,
    letter_data,
    make_letter,
    pdf_bytes,
    png_bytes,
    receipt_of,
    replied_letter,
    submit,
    upload,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def site(home):
    return home


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def without_csrf(html):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def query(client, number, code):
    return client.post(QUERY_URL, {"number": number, "query_code": code})


# The form


def test_the_form_offers_every_field_with_captcha_and_csrf(client):
    html = client.get(WRITE_URL).content.decode()
    assert 'name="csrfmiddlewaretoken"' in html and 'name="captcha_1"' in html and 'alt="验证码图片' in html
    for label in ("姓名", "联系电话", "电子邮箱", "来信类别", "标题", "来信内容", "附件", "同意在网站公开"):
        assert label in html
    for category in ("投诉", "举报", "咨询", "建议", "求助"):
        assert f">{category}</option>" in html
    assert 'enctype="multipart/form-data"' in html and "10至25个字" in html and "不超过600个字" in html


def test_a_letter_is_stored_with_a_number_a_hashed_code_and_a_deadline_in_working_days(client, frozen):
    response = client.post(WRITE_URL, letter_data(client, allow_publish="on", email="wang@example.com"))
    assert response.status_code == 302 and response["Location"] == "/mailbox/write/done/"
    receipt = client.get(response["Location"])
    number, code = receipt_of(receipt)
    letter = Letter.objects.get()
    assert number == letter.number == "SJ20261125-0001"
    assert len(code) == 10 and code not in letter.query_code_hash
    assert letter.phone == "13800001234" and letter.allow_publish and letter.status == Status.SUBMITTED
    assert letter.due_date == add_workdays(NOW, 5)
    assert "no-store" in receipt["Cache-Control"]
    assert list(letter.events.values_list("action", flat=True)) == ["submitted"]


def test_title_and_content_limits_come_from_settings(client, settings):
    settings.MAILBOX_TITLE_MAX_LENGTH = 12
    settings.MAILBOX_CONTENT_MAX_LENGTH = 20
    response = client.post(WRITE_URL, letter_data(client, title="标" * 13, content="字" * 21))
    html = response.content.decode()
    assert "标题应为10至12个字，目前13个字。" in html and "来信内容不能超过20个字，目前21个字" in html
    assert not Letter.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"captcha_1": "WRONG"}, "验证码错误，请重新输入。"),
        ({"title": "太短的标题"}, "标题应为10至25个字，目前5个字。"),
        ({"title": "长" * 26}, "标题应为10至25个字，目前26个字。"),
        ({"content": "长" * 601}, "来信内容不能超过600个字，目前601个字"),
        ({"content": ""}, "请填写来信内容。"),
        ({"phone": "12345"}, "请输入有效的电话号码"),
        ({"phone": "138001234567"}, "请输入有效的电话号码"),
        ({"email": "not-an-email"}, "请输入有效的电子邮箱地址"),
        ({"category": "lottery"}, "请从列表中选择来信类别。"),
        ({"name": "<script>alert(1)</script>"}, "请不要输入网页代码或脚本"),
        ({"phone": "<script>alert(1)</script>"}, "请输入有效的电话号码"),
        ({"email": "<script>@example.com"}, "请输入有效的电子邮箱地址"),
        ({"title": "<script>alert(1)</script>标题"}, "请不要输入网页代码或脚本"),
        ({"content": "请处理<script>alert('x')</script>谢谢"}, "请不要输入网页代码或脚本"),
        ({"content": '<a href="javascript:alert(1)">点我</a>'}, "请不要输入网页代码或脚本"),
    ],
)
def test_bad_input_gets_a_chinese_message_keeps_the_text_and_stores_nothing(client, overrides, message):
    data = letter_data(client, **overrides)
    response = client.post(WRITE_URL, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "提交未成功" in html and message in html
    assert not Letter.objects.exists() and not LetterEvent.objects.exists()
    assert "<script>alert" not in html
    for field in ("name", "title"):
        if "<" not in data[field]:
            assert f'value="{data[field]}"' in html
    if "<" not in data["content"]:
        assert data["content"][:30] in html


def test_a_real_captcha_is_checked(client, monkeypatch):
    monkeypatch.setattr(captcha_settings, "CAPTCHA_TEST_MODE", False)
    key = CaptchaStore.generate_key()
    response = client.post(WRITE_URL, letter_data(client, captcha_0=key, captcha_1="nope"))
    assert "验证码错误，请重新输入。" in response.content.decode() and not Letter.objects.exists()
    key = CaptchaStore.generate_key()
    answer = CaptchaStore.objects.get(hashkey=key).response
    response = client.post(WRITE_URL, letter_data(client, captcha_0=key, captcha_1=answer))
    assert response.status_code == 302 and Letter.objects.count() == 1


def test_a_post_without_csrf_token_is_refused(client):
    data = letter_data(client)
    response = Client(enforce_csrf_checks=True).post(WRITE_URL, data)
    assert response.status_code == 403 and not Letter.objects.exists()


# Attachments


def test_images_and_pdfs_are_stored_privately_under_random_names(client, private_media_root, settings):
    files = [upload("现场照片.png", png_bytes(), "image/png"), upload("材料.pdf", pdf_bytes(), "application/pdf")]
    response = client.post(WRITE_URL, {**letter_data(client), "attachments": files})
    assert response.status_code == 302
    attachments = list(Attachment.objects.order_by("pk"))
    assert [a.original_name for a in attachments] == ["现场照片.png", "材料.pdf"]
    assert [a.content_type for a in attachments] == ["image/png", "application/pdf"]
    for attachment in attachments:
        path = private_media_root / attachment.file.name
        assert path.exists() and "现场照片" not in attachment.file.name
        assert not str(path).startswith(str(settings.MEDIA_ROOT))
        with pytest.raises(ValueError):
            attachment.file.url  # noqa: B018


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("照片.jpg", b"MZ\x90\x00" + b"\x00" * 200, "的内容与扩展名“.jpg”不符"),
        ("照片.png", b"<html><script>alert(1)</script></html>", "含有网页或脚本代码"),
        ("假图.png", b"\x89PNG\r\n\x1a\n" + b"not really a png", "不是有效的图片或已损坏"),
        ("材料.pdf", b"%PDF-1.4 but never finished", "不是完整的PDF文件"),
        ("大图.png", png_bytes() + b"\x00" * (2 * 1024 * 1024), "大小为2MB，超过了1MB的限制"),
    ],
)
def test_disguised_or_oversized_attachments_are_refused_and_nothing_is_stored(
    client, private_media_root, name, content, message
):
    data = {**letter_data(client), "attachments": [upload(name, content, "image/png")]}
    response = client.post(WRITE_URL, data)
    html = response.content.decode()
    assert response.status_code == 200 and message in html and name in html
    assert "附件需要重新选择" in html and f'value="{TITLE}"' in html
    assert not Letter.objects.exists() and not Attachment.objects.exists()
    assert not private_media_root.exists() or not any(p.is_file() for p in private_media_root.rglob("*"))


def test_the_attachment_size_and_count_limits_are_settings(client, settings):
    settings.MAILBOX_ATTACHMENT_MAX_BYTES = 10
    response = client.post(WRITE_URL, {**letter_data(client), "attachments": [upload("a.pdf", pdf_bytes())]})
    assert "超过了10字节的限制" in response.content.decode()
    settings.MAILBOX_ATTACHMENT_MAX_BYTES = 1024 * 1024
    settings.MAILBOX_ATTACHMENT_MAX_COUNT = 1
    files = [upload("a.pdf", pdf_bytes()), upload("b.pdf", pdf_bytes())]
    response = client.post(WRITE_URL, {**letter_data(client), "attachments": files})
    assert "最多上传1个附件，您选择了2个。" in response.content.decode() and not Letter.objects.exists()


# Nothing lost, nothing twice


def test_a_double_submitted_form_creates_one_letter_and_shows_the_same_receipt(client):
    data = letter_data(client)
    first = client.post(WRITE_URL, data, follow=True)
    second = client.post(WRITE_URL, data, follow=True)
    assert Letter.objects.count() == 1
    assert receipt_of(first) == receipt_of(second)


def test_the_receipt_is_shown_in_the_writers_browser_for_a_limited_time(client):
    with time_machine.travel(NOW, tick=False):
        number, code = submit(client)
    with time_machine.travel(NOW + timedelta(minutes=29), tick=False):
        assert code in client.get("/mailbox/write/done/").content.decode()
    with time_machine.travel(NOW + timedelta(minutes=31), tick=False):
        html = client.get("/mailbox/write/done/").content.decode()
        assert code not in html and number not in html and "没有可显示的回执" in html


def test_another_browser_never_sees_the_receipt(client):
    number, code = submit(client)
    html = Client().get("/mailbox/write/done/").content.decode()
    assert code not in html and number not in html


def test_mail_goes_out_only_after_the_letter_is_committed(client, django_capture_on_commit_callbacks, office):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(WRITE_URL, letter_data(client, email="wang@example.com"))
    assert Letter.objects.count() == 1 and mail.outbox == []  # queued, not sent, inside the transaction
    for callback in callbacks:
        callback()
    subjects = sorted(message.subject for message in mail.outbox)
    number = Letter.objects.get().number
    assert subjects == sorted([f"您的来信已收到（{number}）", f"书记信箱新来信：{number}"])
    writer_mail = next(message for message in mail.outbox if message.to == ["wang@example.com"])
    assert number in writer_mail.body and "查询码" in writer_mail.body
    assert office.email in next(message for message in mail.outbox if message.to != ["wang@example.com"]).to


def test_a_failing_mail_server_neither_loses_nor_duplicates_the_letter(
    client, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    def broken_send_mail(*args, **kwargs):
        raise ConnectionRefusedError("smtp down")

    monkeypatch.setattr("portal.mail.send_mail", broken_send_mail)
    with (
        caplog.at_level(logging.ERROR, logger="portal.mail"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(WRITE_URL, letter_data(client, email="wang@example.com"), follow=True)
    assert response.status_code == 200 and "来信已提交" in response.content.decode()
    assert Letter.objects.count() == 1
    assert "could not be sent" in caplog.text


# Rate limits


def test_submissions_are_limited_per_phone_number(client, settings):
    settings.MAILBOX_SUBMIT_LIMIT_PER_PHONE = (2, 3600)
    submit(client)
    submit(client, title="第二封来信的标题写在这里")
    response = client.post(WRITE_URL, letter_data(client, title="第三封来信的标题写在这里"))
    assert response.status_code == 429 and "您今天提交的来信较多" in response.content.decode()
    assert Letter.objects.count() == 2
    submit(client, phone="13900001111", title="换个号码的来信标题写这里")
    assert Letter.objects.count() == 3


def test_submissions_are_limited_per_ip_address(client, settings):
    settings.MAILBOX_SUBMIT_LIMIT_PER_IP = (1, 3600)
    submit(client)
    response = client.post(WRITE_URL, letter_data(client, phone="13900001111"))
    assert response.status_code == 429 and Letter.objects.count() == 1
    other = Client(REMOTE_ADDR="10.0.0.9")
    other.post(WRITE_URL, letter_data(other, phone="13900001111"))
    assert Letter.objects.count() == 2


# Looking a letter up


def test_number_and_code_show_the_status(client):
    number, code = submit(client)
    html = query(client, number, code).content.decode()
    assert number in html and "待受理" in html and TITLE in html and "来信提交" in html


def test_a_wrong_pair_reveals_nothing_not_even_whether_the_number_exists(client, frozen):
    number, code = submit(client)
    wrong_code = "0" * 10 if code != "0" * 10 else "1" * 10
    known = query(client, number, wrong_code).content.decode()
    unknown = query(client, "SJ20000101-9999", wrong_code).content.decode()
    for html in (known, unknown):
        assert "信件编号或查询码不正确" in html and TITLE not in html and "待受理" not in html
    assert without_csrf(known).replace(number, "N") == without_csrf(unknown).replace("SJ20000101-9999", "N")


def test_guessing_is_rate_limited_per_ip(client, settings):
    settings.MAILBOX_QUERY_FAILURES_PER_IP = (3, 900)
    number, code = submit(client)
    for _ in range(3):
        assert query(client, number, "1234567890").status_code == 200
    response = query(client, number, code)
    assert response.status_code == 429 and "查询失败次数过多" in response.content.decode()
    assert TITLE not in response.content.decode()
    assert (
        Client(REMOTE_ADDR="10.0.0.9").post(QUERY_URL, {"number": number, "query_code": "1234567890"}).status_code
        == 200
    )


def test_guessing_one_number_from_many_addresses_needs_a_captcha_for_that_number(client, settings):
    settings.MAILBOX_QUERY_FAILURES_PER_NUMBER = (2, 3600)
    number, code = submit(client)
    for index in range(2):
        Client(REMOTE_ADDR=f"10.0.0.{index}").post(QUERY_URL, {"number": number, "query_code": "1234567890"})
    response = Client(REMOTE_ADDR="10.0.1.1").post(QUERY_URL, {"number": number, "query_code": code})
    html = response.content.decode()
    assert response.status_code == 200 and TITLE not in html and "请输入验证码" in html
    solved = {"number": number, "query_code": code, "captcha_0": "x", "captcha_1": "PASSED"}
    assert TITLE in Client(REMOTE_ADDR="10.0.1.1").post(QUERY_URL, solved).content.decode()


def test_the_writer_sees_the_reply_and_unit_but_no_internal_step(client, office, leader, unit):
    letter, code = make_letter()
    workflow.accept(letter, office)
    workflow.forward(letter, office, unit, letter.due_date, note="内部说明：请镇综合执法队核实")
    workflow.draft_reply(letter, office, "草稿答复内容")
    html = query(client, letter.number, code).content.decode()
    assert "办理中" in html and "已转交青石镇人民政府办理" in html
    assert "草稿答复内容" not in html and "内部说明" not in html and "待审核" not in html
    workflow.approve_reply(letter, leader)
    html = query(client, letter.number, code).content.decode()
    assert "已答复" in html and "草稿答复内容" in html and "青石镇人民政府" in html


def test_a_refusal_tells_the_writer_why(client, office):
    letter, code = make_letter()
    workflow.reject(letter, office, "petition", "请向市信访局反映，地址：人民路1号，电话0571-12345678。")
    html = query(client, letter.number, code).content.decode()
    assert "不予受理" in html and "属于信访事项" in html and "请向市信访局反映" in html


# Rating


def rate(client, number, code, rating):
    return client.post(RATE_URL, {"number": number, "query_code": code, "rating": rating})


def test_the_writer_rates_the_reply_once(client, office, leader, unit):
    letter, code = replied_letter(office, leader, unit)
    assert "您对答复是否满意" in query(client, letter.number, code).content.decode()
    html = rate(client, letter.number, code, "basic").content.decode()
    assert "感谢您的评价" in html and "基本满意" in html
    html = rate(client, letter.number, code, "unsatisfied").content.decode()
    assert "只能评价一次" in html
    letter.refresh_from_db()
    assert letter.rating == "basic" and letter.events.filter(action="rated").count() == 1


def test_rating_needs_the_right_code_and_a_reply(client, office, leader, unit):
    letter, _code = replied_letter(office, leader, unit)
    html = rate(client, letter.number, "1234567890", "unsatisfied").content.decode()
    assert "信件编号或查询码不正确" in html
    pending, pending_code = make_letter(title="另一封尚未答复的来信标题")
    rate(client, pending.number, pending_code, "satisfied")
    letter.refresh_from_db()
    pending.refresh_from_db()
    assert letter.rating == "" and pending.rating == ""


def test_an_unrated_reply_counts_as_satisfied_after_20_working_days(client, office, leader, unit):
    with time_machine.travel(NOW, tick=False):
        letter, code = replied_letter(office, leader, unit)
    deadline = add_workdays(NOW, 20)
    assert letter.rating_deadline == deadline
    with time_machine.travel(deadline.isoformat() + " 16:00 +0800", tick=False):
        assert "您对答复是否满意" in query(client, letter.number, code).content.decode()
    with time_machine.travel(deadline.isoformat() + " 23:59 +0800", tick=False):
        stats = client.get("/mailbox/statistics/?year=2026").content.decode()
        assert "待评价</th>" in stats
    day_after = deadline.toordinal() + 1
    from datetime import date

    with time_machine.travel(date.fromordinal(day_after).isoformat() + " 09:00 +0800", tick=False):
        html = query(client, letter.number, code).content.decode()
        assert "满意（逾期未评价，按满意计）" in html and "您对答复是否满意" not in html
        assert rate(client, letter.number, code, "unsatisfied") and Letter.objects.get().rating == ""


# Published letters


def test_only_replied_letters_the_writer_allowed_are_listed_with_personal_data_masked(client, office, leader, unit):
    with time_machine.travel(NOW, tick=False):
        shown, _ = replied_letter(office, leader, unit, name="张三丰", phone="13812345678", email="z@example.com")
        replied_letter(office, leader, unit, title="不同意公开的来信标题示例", allow_publish=False)
        make_letter(title="还没有答复的来信标题示例")
    html = client.get("/mailbox/").content.decode()
    assert TITLE in html and "张**" in html and "张三丰" not in html and "13812345678" not in html
    assert "不同意公开的来信标题示例" not in html and "还没有答复的来信标题示例" not in html
    for label in ("受理日期", "答复日期", "答复部门", "答复内容", "青石镇人民政府", "2026-11-25"):
        assert label in html
    detail = client.get(f"/mailbox/letters/{shown.number}/").content.decode()
    assert CONTENT in detail and "张**" in detail and "13812345678" not in detail and "z@example.com" not in detail


def test_unpublished_letters_have_no_public_page(client, office, leader, unit):
    hidden, _ = replied_letter(office, leader, unit, allow_publish=False)
    pending, _ = make_letter(title="还没有答复的来信标题示例")
    assert client.get(f"/mailbox/letters/{hidden.number}/").status_code == 404
    assert client.get(f"/mailbox/letters/{pending.number}/").status_code == 404


def test_staff_can_withhold_a_published_letter(client, office, leader, unit):
    letter, _ = replied_letter(office, leader, unit)
    workflow.set_withheld(letter, office, True, "含第三人姓名")
    assert TITLE not in client.get("/mailbox/").content.decode()
    assert client.get(f"/mailbox/letters/{letter.number}/").status_code == 404


def test_keyword_search_and_category_filter(client, office, leader, unit):
    replied_letter(office, leader, unit, title="关于夜间施工噪音扰民的投诉", category="complaint")
    replied_letter(office, leader, unit, title="建议在学校门口增设护学岗", category="suggestion", reply="已采纳。")
    html = client.get("/mailbox/", {"q": "噪音"}).content.decode()
    assert "夜间施工噪音" in html and "护学岗" not in html and "共 1 封" in html
    html = client.get("/mailbox/", {"q": "采纳"}).content.decode()
    assert "护学岗" in html and "夜间施工噪音" not in html
    html = client.get("/mailbox/", {"category": "suggestion"}).content.decode()
    assert "护学岗" in html and "夜间施工噪音" not in html
    html = client.get("/mailbox/", {"q": "没有这个词"}).content.decode()
    assert "没有找到符合条件的公开来信" in html


def test_the_listing_is_paginated_and_has_an_empty_state(client, office, leader, unit, settings):
    assert "暂无公开的来信" in client.get("/mailbox/").content.decode()
    settings.MAILBOX_PAGE_SIZE = 2
    for index in range(3):
        replied_letter(office, leader, unit, title=f"第{index}封公开来信的标题内容")
    first = client.get("/mailbox/").content.decode()
    second = client.get("/mailbox/?page=2").content.decode()
    assert "第 1 / 2 页，共 3 条" in first and first.count("mailbox-list__item") == 2
    assert second.count("mailbox-list__item") == 1


def test_the_home_page_links_to_the_mailbox(client):
    html = client.get("/").content.decode()
    assert 'href="/mailbox/"' in html


def test_markup_in_stored_letters_is_escaped(client, office, leader, unit):
    letter, _ = replied_letter(office, leader, unit, reply="答复<b>加粗</b>")
    html = client.get(f"/mailbox/letters/{letter.number}/").content.decode()
    assert "答复&lt;b&gt;加粗&lt;/b&gt;" in html


def test_the_letter_is_committed_before_mail_is_sent(transactional_db, monkeypatch, settings):
    """Checked in a real transaction: when the mail is sent, the letter is already in the database."""
    seen = []

    def spy(subject, body, sender, recipients):
        seen.append((connection.in_atomic_block, Letter.objects.filter(email="wang@example.com").exists()))

    monkeypatch.setattr("portal.mail.send_mail", spy)
    make_letter(email="wang@example.com")
    assert seen == [(False, True)]


def test_the_reply_deadline_is_a_setting_in_working_days(client, settings, frozen):
    settings.MAILBOX_REPLY_WORKDAYS = 10
    submit(client)
    assert Letter.objects.get().due_date == add_workdays(NOW, 10)
    assert "来信在10个工作日内答复" in client.get("/mailbox/").content.decode()


def test_the_english_site_serves_the_mailbox_under_its_prefix(client):
    assert client.get("/en/mailbox/write/").status_code == 200


def test_behind_a_proxy_the_limit_counts_the_address_the_proxy_reports(client, settings):
    settings.RATELIMIT_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.MAILBOX_SUBMIT_LIMIT_PER_IP = (1, 3600)
    first = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5")
    second = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7, 203.0.113.9")
    submit(first)
    submit(second, phone="13900001111")
    assert Letter.objects.count() == 2
    response = first.post(WRITE_URL, letter_data(first, phone="13700001111"))
    assert response.status_code == 429 and Letter.objects.count() == 2
