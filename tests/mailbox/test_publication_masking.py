"""Letters and replies go on the public site with the writer's personal details hidden (issue 13, item 17)."""

import time_machine

from mailbox import workflow
from mailbox.models import Action, Letter
from tests.mailbox.factories import CONTENT
from tests.mailbox.helpers import ADMIN_URL, NOW, make_letter, replied_letter

WRITER = {"name": "王秀兰", "phone": "13912345678"}
REPLY = (
    "王秀兰同志：您好！您反映的江北区人民路58号3栋2单元501室楼下噪音问题已处理，"
    "依据清政发〔2023〕12号文件，3月5号起每日巡查。秀兰同志如有疑问可拨打139-1234-5678回访。"
)
LETTER_TEXT = CONTENT + "我是王秀兰，身份证110101199003071234，住人民路58号3栋2单元501室，电话13912345678。"


def _published(office, leader, unit):
    with time_machine.travel(NOW, tick=False):
        letter, _code = replied_letter(
            office, leader, unit, reply=REPLY, content=LETTER_TEXT, title="王秀兰反映噪音扰民", **WRITER
        )
    return letter


def test_the_published_reply_and_letter_hide_the_writers_details(client, office, leader, unit):
    letter = _published(office, leader, unit)
    for url in (f"/mailbox/letters/{letter.number}/", "/mailbox/"):
        html = client.get(url).content.decode()
        for secret in ("王秀兰", "秀兰", "13912345678", "139-1234-5678", "110101199003071234", "58号3栋2单元501室"):
            assert secret not in html, (url, secret)
        assert "王**" in html
    detail = client.get(f"/mailbox/letters/{letter.number}/").content.decode()
    assert "王**同志：您好" in detail and "139****5678" in detail and "110*************34" in detail
    # Document numbers, dates and the street stay readable.
    assert "清政发〔2023〕12号" in detail and "3月5号" in detail and "江北区人民路**" in detail


def test_searching_the_public_listing_by_the_writers_name_finds_nothing(client, office, leader, unit):
    letter = _published(office, leader, unit)
    assert letter.number not in client.get("/mailbox/", {"q": "王秀兰"}).content.decode()
    assert letter.number not in client.get("/mailbox/", {"q": "13912345678"}).content.decode()
    assert letter.number in client.get("/mailbox/", {"q": "噪音"}).content.decode()


def test_the_writer_still_sees_their_own_reply_unmasked(client, office, leader, unit):
    with time_machine.travel(NOW, tick=False):
        letter, code = replied_letter(office, leader, unit, reply=REPLY, **WRITER)
    html = client.post("/mailbox/query/", {"number": letter.number, "query_code": code}).content.decode()
    assert "王秀兰同志：您好" in html


def test_the_approver_sees_what_will_be_hidden_before_approving(client, office, leader, unit):
    letter, _code = make_letter(content=LETTER_TEXT, **WRITER)
    workflow.accept(letter, office)
    workflow.forward(letter, office, unit, letter.due_date)
    workflow.draft_reply(letter, office, REPLY)
    client.force_login(leader)
    html = client.get(f"{ADMIN_URL}letters/{letter.pk}/").content.decode()
    assert "网站公开预览" in html and "以下来信人信息将在网站上自动隐去" in html
    for original, shown in (
        ("王秀兰", "王**"),
        ("110101199003071234", "110*************34"),
        ("139-1234-5678", "139****5678"),
    ):
        assert f"<td>{original}</td><td>{shown}</td>" in html
    assert Letter.objects.get(pk=letter.pk).public_reply == ""  # nothing public before approval

    workflow.approve_reply(Letter.objects.get(pk=letter.pk), leader)
    event = Letter.objects.get(pk=letter.pk).events.get(action=Action.REPLIED)
    assert event.note.startswith("公开时已隐去：") and "姓名" in event.note and "电话" in event.note
