"""The admin's 全部内容 search: pages, documents, images, letters and legal-aid applications by Chinese words,
ranked like the public search, within each user's permissions."""

import re
from datetime import timedelta

import pytest

from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from legal_services.models import AidStatus
from review.models import ReportingUnit
from search.admin_search import AdminSearchSource
from tests.legal_services.test_aid import make_application, staff_user
from tests.mailbox.helpers import letter_unit, make_letter, make_staff
from tests.review.helpers import login, make_unit, make_user, submit_item

URL = "/admin/search-all/"


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def section(html, name):
    """The titles listed in one source's section, in order ([] when the section is absent)."""
    match = re.search(rf'data-source="{name}">(.*?)</section>', html, re.S)
    return re.findall(r'<li><a href="[^"]*">([^<]*)</a>', match.group(1)) if match else None


def get(client, query):
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def editor(admin_user, client):
    client.force_login(admin_user)
    return client


def test_pages_rank_phrase_first_then_title(editor, news_column, make_page):
    make_page(news_column, "工地检查", "夜间噪音超标。施工扰民投诉。", days_ago=1)
    make_page(news_column, "工作动态", "整治噪音扰民问题。", days_ago=3)
    make_page(news_column, "噪音扰民整治", "专项行动。", days_ago=5)

    html = get(editor, "噪音扰民")

    assert section(html, "pages") == ["噪音扰民整治", "工作动态", "工地检查"]


def test_documents_and_images_are_found_by_chinese_words(editor, chinese_backend):
    get_document_model().objects.create(title="法律援助申请表（2026年版）", file=ContentFile(b"%PDF-1.4", "form.pdf"))
    get_document_model().objects.create(title="会议通知", file=ContentFile(b"%PDF-1.4", "notice.pdf"))
    get_image_model().objects.create(title="法律援助工作站揭牌", file=get_test_image_file())

    html = get(editor, "法律援助")

    assert section(html, "documents") == ["法律援助申请表（2026年版）"]
    assert section(html, "images") == ["法律援助工作站揭牌"]


def test_letters_only_for_users_who_may_see_them(client, db):
    unit, other = letter_unit("青石镇人民政府"), letter_unit("市公安局交警支队")
    ours, _code = make_letter(title="噪音扰民问题", content="夜间施工噪音扰民，影响休息。")
    theirs, _code = make_letter(title="道路积水", content="下雨后路口积水，施工噪音大，渣土车扰民。")
    ours.unit, theirs.unit = unit, other
    ours.save(), theirs.save()
    office = make_staff("office", "handle_letter", "view_letter")
    unit_staff = make_staff("unitstaff", "reply_letter", units=[unit])
    outsider = make_staff("outsider")

    login(client, office)
    assert section(get(client, "噪音扰民"), "letters") == ["噪音扰民问题", "道路积水"]
    login(client, unit_staff)
    assert section(get(client, "噪音扰民"), "letters") == ["噪音扰民问题"]
    login(client, outsider)
    assert section(get(client, "噪音扰民"), "letters") is None


def test_applications_only_for_users_who_may_see_them_phrase_first(client, db):
    lawyer = staff_user("lawyer", "view_legalaidapplication", "change_legalaidapplication")
    clerk = staff_user("clerk", "view_legalaidapplication", "view_all_legalaidapplication")
    apart = make_application(facts="邻居装修噪音大，多次协商不成，扰民至今。", applicant_name="孙甲")
    together = make_application(facts="楼下商铺噪音扰民，请求援助。", applicant_name="周乙", received_at=days_ago(1))
    assigned = make_application(
        facts="工地夜间噪音扰民。",
        applicant_name="吴丙",
        status=AidStatus.ASSIGNED,
        assigned_lawyer=lawyer,
        received_at=days_ago(2),
    )

    login(client, clerk)
    titles = section(get(client, "噪音扰民"), "legal-aid")
    assert titles == [
        f"{together.tracking_number} 周乙",
        f"{assigned.tracking_number} 吴丙",
        f"{apart.tracking_number} 孙甲",
    ]
    login(client, lawyer)
    assert section(get(client, "噪音扰民"), "legal-aid") == [f"{assigned.tracking_number} 吴丙"]
    login(client, staff_user("outsider"))
    assert section(get(client, "噪音扰民"), "legal-aid") is None


def test_correspondent_never_sees_another_units_drafts(client, home, news_column, notice_column, chinese_backend):
    correspondent, other_correspondent = make_user("xxy_a"), make_user("xxy_b")
    make_unit("测试市公安局", ReportingUnit.CATEGORY_KEY, [news_column], correspondent, make_user("ld_a"))
    make_unit("测试市司法局", ReportingUnit.CATEGORY_KEY, [news_column], other_correspondent, make_user("ld_b"))
    ours = submit_item(client, correspondent, news_column, slug="benbu", title="公安局 平安建设 草稿")
    theirs = submit_item(client, other_correspondent, news_column, slug="qita", title="司法局 平安建设 草稿")

    login(client, correspondent)
    pages = section(get(client, "平安建设"), "pages")
    assert ours.title in pages and theirs.title not in pages
    login(client, other_correspondent)
    assert theirs.title in section(get(client, "平安建设"), "pages")


def test_search_area_sits_in_the_admin_search_tabs(editor):
    html = editor.get("/admin/pages/search/", {"q": "平安"}).content.decode()
    assert 'href="/admin/search-all/?q=%E5%B9%B3%E5%AE%89"' in html or "/admin/search-all/" in html
    assert "全部内容" in html


@pytest.mark.parametrize("query", ['"食品', "食品 NEAR/5 安全", "((法律) 援助", "", "   ", "'; DROP TABLE x; --"])
def test_hostile_or_empty_queries_are_answered(editor, query):
    response = editor.get(URL, {"q": query})
    assert response.status_code == 200


def test_a_source_name_taken_twice_is_refused(editor):
    class Twice(AdminSearchSource):
        name = "pages"

    with (
        hooks.register_temporarily("register_admin_search_source", Twice),
        pytest.raises(ImproperlyConfigured, match="pages"),
    ):
        editor.get(URL, {"q": "平安"})
