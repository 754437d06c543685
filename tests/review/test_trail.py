"""信息报送审批单: the whole review trail as a print view and as a PDF."""

import pytest

from review.models import SensitiveWord
from tests.review.helpers import approve, check, login, sign, submit_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(client, people):
    SensitiveWord.objects.create(word="进社区", level="blocking")
    page = submit_item(client, people.correspondent, people.news_column)
    sign(client, people, page, comment="情况属实，同意报送。")
    approve(client, people.office, page, comment="文字已核。")
    check(client, people, page, override_reason="活动名称，可以使用。")
    approve(client, people.final, page, comment="同意发布。")
    page.refresh_from_db()
    assert page.live
    return page


def test_print_view_shows_every_step(client, people, published):
    login(client, people.correspondent)
    response = client.get(f"/admin/review/trail/{published.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "信息报送审批单" in html and published.title in html and "测试市公安局" in html
    for text in (
        "报前初审（报送单位领导签字）",
        "测试市公安局领导",
        "情况属实，同意报送。",
        "已验证密码",
        "录入前再审（办公室）",
        "文字已核。",
        "录入后检查",
        "含有禁用词“进社区”",
        "放行理由：活动名称，可以使用。",
        "终审（分管领导）",
        "同意发布。",
        "发布后复查",
        "待复查",
        "data-print",
    ):
        assert text in html, text


def test_pdf(client, people, published):
    login(client, people.office)
    response = client.get(f"/admin/review/trail/{published.pk}/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert b"STSong-Light" in response.content
    assert "attachment" not in response["Content-Disposition"]


def test_other_units_cannot_see_the_trail(client, people, published):
    login(client, people.other_correspondent)
    assert client.get(f"/admin/review/trail/{published.pk}/").status_code in (302, 403)
    assert client.get(f"/admin/review/trail/{published.pk}/pdf/").status_code in (302, 403)


def test_trail_of_an_item_never_submitted(admin_client, people):
    from columns.plugins.news.models import NewsPage

    draft = people.news_column.add_child(instance=NewsPage(title="未提交的稿件", slug="wtj", live=False))
    html = admin_client.get(f"/admin/review/trail/{draft.pk}/").content.decode()
    assert "该信息尚未提交审核。" in html
    assert admin_client.get(f"/admin/review/trail/{draft.pk}/pdf/").content.startswith(b"%PDF")


def test_trail_is_linked_from_the_page_editor(client, people):
    page = submit_item(client, people.correspondent, people.news_column)
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert f"/admin/review/trail/{page.pk}/" in html
