"""政务公开: catalogue fields, 索引号 allocation, 文号 validation, validity badges and the filtered listing."""

import datetime
from datetime import timedelta

import pytest
import time_machine

from django.db import IntegrityError, transaction
from django.utils import timezone

from wagtail.test.utils.form_data import nested_form_data, streamfield

from columns.plugins.gov_info.models import (
    GovInfoColumnPage,
    GovInfoPage,
    Validity,
    allocate_index_number,
    normalise_document_number,
)
from columns.plugins.news.models import NewsColumnPage, NewsPage
from demo.columns import seed_column
from disclosure.models import DisclosurePage
from home.models import HomePage
from portal.models import SerialCounter
from tests.columns.helpers import add_column

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 3, 10, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def column(home):
    return add_column(home, GovInfoColumnPage, "政务公开", "zwgk")


def add_document(column, slug, *, publish_date=None, **fields):
    publish_date = publish_date or timezone.now()
    values = {
        "title": f"文件{slug}",
        "issuing_body": "中共测试市委政法委员会",
        "written_date": timezone.localdate(publish_date) - timedelta(days=2),
        "category": "zfzz",
    }
    values.update(fields)
    page = column.add_child(instance=GovInfoPage(slug=slug, publish_date=publish_date, **values))
    page.save_revision().publish()
    return page


def admin_data(**overrides):
    data = {
        "title": "关于加强网格化管理的通知",
        "slug": "wghgl",
        "publish_date": "2026-03-10 09:00",
        "source": "",
        "author": "",
        "editor": "",
        "summary": "",
        "body": streamfield([]),
        "attachments": streamfield([]),
        "issuing_body": "中共测试市委政法委员会",
        "document_number": "测政法〔2026〕12号",
        "written_date": "2026-03-05",
        "category": "zfzz",
        "validity": "valid",
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def add_url(column):
    return f"/admin/pages/add/gov_info/govinfopage/{column.pk}/"


# Parents and children


def test_column_lives_under_the_home_page_once(home, column):
    assert GovInfoColumnPage in HomePage.allowed_subpage_models()
    assert not GovInfoColumnPage.can_create_at(home)
    assert not GovInfoColumnPage.can_create_at(column)


def test_documents_live_only_in_their_column(home, column):
    news = add_column(home, NewsColumnPage, "政法要闻", "zfyw")
    # besides its documents, the column holds the 政务公开 text pages (指南, 制度, 年度报告, 依申请公开)
    assert column.allowed_subpage_models() == [GovInfoPage, DisclosurePage]
    assert GovInfoPage.can_create_at(column)
    assert not GovInfoPage.can_create_at(home)
    assert not GovInfoPage.can_create_at(news)
    assert not NewsPage.can_create_at(column)
    assert GovInfoPage.allowed_subpage_models() == []


# 索引号


def test_index_number_is_generated_on_first_save_from_the_site_code(column):
    first = add_document(column, "a")
    second = add_document(column, "b")
    assert first.index_number == "1234567890/2026-00001"
    assert second.index_number == "1234567890/2026-00002"


def test_index_number_survives_edits_and_new_revisions(admin_client, column):
    page = add_document(column, "a")
    page.title = "改过标题"
    page.save_revision().publish()
    data = admin_data(slug="a", title="再次修改", index_number="FAKE/2026-99999")
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    assert page.title == "再次修改"
    assert page.index_number == "1234567890/2026-00001"


def test_index_number_is_shown_read_only_in_the_admin(admin_client, column):
    page = add_document(column, "a")
    html = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "1234567890/2026-00001" in html
    assert 'name="index_number"' not in html


def test_copy_of_a_document_gets_a_new_index_number(column):
    page = add_document(column, "a")
    copy = page.copy(update_attrs={"slug": "a-copy", "title": "副本"})
    assert copy.index_number == "1234567890/2026-00002"


def test_allocation_gives_distinct_numbers_and_restarts_each_year(db):
    numbers = [allocate_index_number(2026, "QJZFW") for _ in range(3)]
    assert numbers == ["QJZFW/2026-00001", "QJZFW/2026-00002", "QJZFW/2026-00003"]
    assert allocate_index_number(2027, "QJZFW") == "QJZFW/2027-00001"
    assert SerialCounter.objects.get(key="govinfo-index-2026").value == 3


def test_allocation_skips_numbers_already_taken(column):
    page = add_document(column, "a")
    SerialCounter.objects.filter(key="govinfo-index-2026").update(value=0)
    assert allocate_index_number(2026, "1234567890") != page.index_number


def test_index_number_has_a_database_unique_constraint(column):
    assert GovInfoPage._meta.get_field("index_number").unique
    first = add_document(column, "a")
    second = add_document(column, "b")
    with pytest.raises(IntegrityError), transaction.atomic():
        GovInfoPage.objects.filter(pk=second.pk).update(index_number=first.index_number)


def test_index_year_follows_the_publish_date(column):
    page = add_document(column, "old", publish_date=datetime.datetime(2025, 12, 31, 20, 0, tzinfo=datetime.UTC))
    assert page.index_number == "1234567890/2026-00001"  # 2026-01-01 04:00 in Asia/Shanghai
    page = add_document(column, "older", publish_date=datetime.datetime(2025, 6, 1, tzinfo=datetime.UTC))
    assert page.index_number == "1234567890/2025-00001"


def test_fixed_prefix_when_the_site_has_no_code(column):
    from portal.models import SiteIdentity

    SiteIdentity.objects.update(site_code="")
    assert add_document(column, "a").index_number == "QJZFW/2026-00001"


# 文号 and dates


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("清政法〔2026〕12号", "清政法〔2026〕12号"),
        ("清政办发〔2025〕3号", "清政办发〔2025〕3号"),
        ("清政法[2026]12号", "清政法〔2026〕12号"),
        ("清政法［2026］12号", "清政法〔2026〕12号"),
        ("清政法【2026】12号", "清政法〔2026〕12号"),
        (" 清政法 [2026] 12号 ", "清政法〔2026〕12号"),
    ],
)
def test_document_number_valid_and_normalised_forms(typed, stored):
    assert normalise_document_number(typed) == stored


@pytest.mark.parametrize(
    "typed",
    [
        "清政法2026年12号",
        "清政法〔26〕12号",
        "清政法〔2026〕012号",
        "〔2026〕12号",
        "QZF〔2026〕12号",
        "清政法〔2026〕12",
    ],
)
def test_document_number_invalid_forms(typed):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="文号格式不正确"):
        normalise_document_number(typed)


def test_admin_publishes_a_document_with_a_normalised_number(admin_client, column):
    response = admin_client.post(add_url(column), admin_data(document_number="测政法【2026】12号"))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = GovInfoPage.objects.get(slug="wghgl")
    assert page.live and page.document_number == "测政法〔2026〕12号"
    assert page.index_number == "1234567890/2026-00001"
    assert page.column_id == column.pk


def test_admin_refuses_an_invalid_document_number(admin_client, column):
    response = admin_client.post(add_url(column), admin_data(document_number="测政法2026-12"))
    assert response.status_code == 200
    assert "文号格式不正确" in response.content.decode()
    assert not GovInfoPage.objects.exists()


def test_admin_refuses_a_written_date_after_the_publish_date(admin_client, column):
    response = admin_client.post(add_url(column), admin_data(written_date="2026-03-11"))
    assert response.status_code == 200
    assert "成文日期不能晚于发布日期" in response.content.decode()
    assert not GovInfoPage.objects.exists()


def test_admin_requires_the_issuing_body_on_publish(admin_client, column):
    response = admin_client.post(add_url(column), admin_data(issuing_body=""))
    assert response.status_code == 200
    assert not GovInfoPage.objects.exists()


def test_document_without_number_is_accepted(admin_client, column):
    response = admin_client.post(add_url(column), admin_data(document_number=""))
    assert response.status_code == 302
    assert GovInfoPage.objects.get().document_number == ""


# The item page


@pytest.mark.parametrize("view", ["page", "print"])
def test_item_page_and_its_print_view_show_the_catalogue_table(client, column, view):
    page = add_document(column, "a", document_number="测政法〔2026〕7号", category="czyjs")
    html = client.get(page.url if view == "page" else f"/columns/item/{page.pk}/print/").content.decode()
    for text in ["索引号", "1234567890/2026-00001", "发布机构", "中共测试市委政法委员会", "文号", "测政法〔2026〕7号"]:
        assert text in html
    for text in ["成文日期", "2026年3月8日", "发布日期", "2026年3月10日", "主题分类", "财政预决算", "有效性"]:
        assert text in html
    assert html.index('class="catalogue"') < html.index('class="item__body')
    assert "validity-badge" not in html


@pytest.mark.parametrize(("validity", "label"), [(Validity.REPEALED, "已废止"), (Validity.AMENDED, "已修改")])
def test_documents_no_longer_in_force_carry_a_badge(client, column, validity, label):
    page = add_document(column, "a", validity=validity)
    html = client.get(page.url).content.decode()
    assert f'<span class="validity-badge validity-badge--{validity}">{label}</span>' in html
    assert "本文件已" in html
    listing = client.get(column.url).content.decode()
    assert f'<span class="validity-badge validity-badge--{validity}">{label}</span>' in listing


# The column page


def test_empty_column_renders(client, column):
    response = client.get(column.url)
    assert response.status_code == 200
    assert "本栏目暂无信息。" in response.content.decode()


def test_listing_shows_documents_with_their_number(client, column):
    add_document(column, "a", title="清江市网格化管理办法", document_number="测政法〔2026〕1号")
    html = client.get(column.url).content.decode()
    assert "清江市网格化管理办法" in html and "测政法〔2026〕1号" in html and "政法综治" in html


def test_filter_by_category(client, column):
    add_document(column, "budget", title="部门预算公开", category="czyjs")
    add_document(column, "grid", title="网格化管理办法", category="zfzz")
    html = client.get(column.url, {"category": "czyjs"}).content.decode()
    assert "部门预算公开" in html and "网格化管理办法" not in html
    assert "当前筛选" in html and "主题分类：财政预决算" in html
    assert '<option value="czyjs" selected>' in html


def test_filter_by_year(client, column):
    add_document(column, "new", title="今年的文件")
    add_document(column, "old", title="去年的文件", publish_date=datetime.datetime(2025, 5, 1, tzinfo=datetime.UTC))
    html = client.get(column.url, {"year": "2025"}).content.decode()
    assert "去年的文件" in html and "今年的文件" not in html
    assert "发布年份：2025年" in html
    assert '<option value="2026">2026年</option>' in html and '<option value="2025" selected>' in html


def test_filters_combine_and_say_when_nothing_matches(client, column):
    add_document(column, "a", title="今年的文件", category="zfzz")
    html = client.get(column.url, {"year": "2026", "category": "rsgz"}).content.decode()
    assert "今年的文件" not in html and "没有符合筛选条件的文件。" in html


@pytest.mark.parametrize(
    "query",
    [
        {"category": "nonsense"},
        {"year": "abc"},
        {"year": "99999999999999999999"},
        {"year": "-1"},
        {"year": "٢٠٢٦"},
        {"category": "", "year": ""},
        {"page": "x", "year": "0"},
    ],
)
def test_invalid_filters_are_ignored(client, column, query):
    add_document(column, "a", title="今年的文件")
    response = client.get(column.url, query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "今年的文件" in html and "当前筛选" not in html


def test_pagination_keeps_the_filters(client, column):
    for number in range(GovInfoColumnPage.items_per_page + 2):
        add_document(column, f"p{number:02d}", title=f"预算文件{number:02d}", category="czyjs")
    add_document(column, "other", title="其他分类文件", category="qt")
    first = client.get(column.url, {"category": "czyjs", "year": "2026"}).content.decode()
    assert "共 17 条" in first
    assert 'href="?page=2&amp;category=czyjs&amp;year=2026"' in first
    second = client.get(column.url, {"category": "czyjs", "year": "2026", "page": "2"}).content.decode()
    assert "第 2 / 2 页" in second and "其他分类文件" not in second
    assert 'href="?page=1&amp;category=czyjs&amp;year=2026"' in second


# Demo content


def test_seed_demo_creates_documents_once(client, column):
    seed_column(column)
    count = GovInfoPage.objects.child_of(column).count()
    assert 3 <= count <= 5
    seed_column(column)
    assert GovInfoPage.objects.child_of(column).count() == count
    pages = GovInfoPage.objects.child_of(column).live()
    assert len({page.index_number for page in pages}) == count
    assert any(page.validity == Validity.REPEALED for page in pages)
    html = client.get(column.url).content.decode()
    assert "已废止" in html
    for page in pages:
        assert client.get(page.url).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_index_numbers_stay_unique_when_documents_are_numbered_at_the_same_moment():
    """Eight threads, each with its own database connection, take numbers at once (a barrier lines them up)."""
    import threading

    from django.db import connection

    barrier = threading.Barrier(8)
    numbers, errors = [], []

    def take():
        try:
            barrier.wait()
            for _ in range(5):
                numbers.append(allocate_index_number(2026, "QJZFW"))
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=take) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(numbers) == 40 and len(set(numbers)) == 40
    assert sorted(numbers) == [f"QJZFW/2026-{n:05d}" for n in range(1, 41)]
