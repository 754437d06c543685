"""The wording check over live content (严重表述错误): leaders' names and titles and organisations' official
names that editors maintain, with the sensitive-word and term lists; findings name the page and the sentence."""

import pytest

from django.core.management import call_command

from columns.plugins.news.models import NewsPage
from review.models import LeaderName, OfficialName, TermCorrection, WordingFinding
from tests.inspection.test_site_inspection import REPORT, state_of

pytestmark = pytest.mark.django_db


def publish_item(column, title, text):
    page = column.add_child(instance=NewsPage(title=title, slug=f"p{NewsPage.objects.count()}", live=False))
    page.body = [("paragraph", f"<p>{text}</p>")]
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_the_lists_are_edited_in_the_admin_by_the_office(office_client):
    response = office_client.post(
        "/admin/snippets/review/leadername/add/",
        {"name": "张三", "titles": "市委书记", "active": "on", "sort_order": 0},
    )
    assert response.status_code == 302
    response = office_client.post(
        "/admin/snippets/review/officialname/add/",
        {"name": "中共清江市委政法委员会", "wrong_forms": "清江市政法委员会\n清江市委政法办"},
    )
    assert response.status_code == 302
    assert LeaderName.objects.get().title_list == ["市委书记"]
    assert OfficialName.objects.get().wrong_form_list == ["清江市政法委员会", "清江市委政法办"]
    empty = office_client.post("/admin/snippets/review/leadername/add/", {"name": "", "titles": ""})
    assert empty.status_code == 200 and LeaderName.objects.count() == 1


def test_a_wrong_title_next_to_a_leaders_name_is_found_on_publication(office_client, news_column):
    LeaderName.objects.create(name="张三", titles="市委书记")
    LeaderName.objects.create(name="李四", titles="市委副书记、市长")
    assert state_of(office_client.get(REPORT).content.decode(), "wording") == "正常"
    page = publish_item(
        news_column, "全市政法工作会议召开", "会议由市长张三主持。市委副书记、市长李四出席并讲话。张三 市委书记作总结。"
    )
    html = office_client.get(REPORT).content.decode()
    assert state_of(html, "wording") == "已触发"
    assert "“张三”的职务是“市委书记”，不是“市长”。" in html
    assert "句子：会议由市长张三主持。" in html
    assert f"{page.url}#:~:text=%E5%BC%A0%E4%B8%89" in html  # the live page, scrolled to the name
    assert WordingFinding.objects.count() == 1  # 李四 and 市委书记 张三 are right
    page.unpublish()
    assert state_of(office_client.get(REPORT).content.decode(), "wording") == "正常"


def test_a_list_edited_later_applies_to_published_content_on_the_nightly_run(office_client, news_column):
    publish_item(
        news_column, "平安建设推进会", "清江市政法委员会召开平安建设推进会。中共清江市委政法委员会负责同志出席。"
    )
    OfficialName.objects.create(name="中共清江市委政法委员会", wrong_forms="清江市政法委员会")
    TermCorrection.objects.create(wrong="推进会", right="推进会议", level="warning")
    assert state_of(office_client.get(REPORT).content.decode(), "wording") == "正常"  # not run yet
    call_command("check_live_wording", stdout=(out := __import__("io").StringIO()))
    assert "发现3处表述问题" in out.getvalue()
    html = office_client.get(REPORT).content.decode()
    assert state_of(html, "wording") == "已触发"
    assert "机构名称“清江市政法委员会”应为“中共清江市委政法委员会”。" in html
    # The wrong form inside the official name itself is not a finding: one organisation finding only.
    assert WordingFinding.objects.filter(kind="organisation").count() == 1
    assert WordingFinding.objects.filter(kind="term").count() == 2  # title and body
    OfficialName.objects.all().delete()
    TermCorrection.objects.all().delete()
    call_command("check_live_wording", stdout=out)
    assert state_of(office_client.get(REPORT).content.decode(), "wording") == "正常"
