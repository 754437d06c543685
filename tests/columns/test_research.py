"""调查研究: research reports with a required report file offered as a prominent download."""

import pytest

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.test.utils.form_data import nested_form_data, streamfield

from columns.plugins.gov_info.models import GovInfoColumnPage
from columns.plugins.research.models import REPORT_REQUIRED_MESSAGE, ResearchColumnPage, ResearchReportPage
from demo.columns import seed_column
from demo.columns.research import demo_report_pdf
from home.models import HomePage
from tests.columns.helpers import add_column

pytestmark = pytest.mark.django_db


@pytest.fixture
def column(home):
    return add_column(home, ResearchColumnPage, "调查研究", "dcyj")


def make_document(title="矛盾纠纷化解调研报告", name="report.pdf", content=b"%PDF-1.4 " + b"x" * 2048):
    document = get_document_model()(title=title, file=ContentFile(content, name=name))
    document._set_document_file_metadata()
    document.save()
    return document


def add_report(column, slug, **fields):
    values = {
        "title": f"调研报告{slug}",
        "author_units": "市委政法委研究室",
        "report": make_document(name=f"{slug}.pdf"),
    }
    values.update(fields)
    page = column.add_child(instance=ResearchReportPage(slug=slug, **values))
    page.save_revision().publish()
    return page


def admin_data(**overrides):
    data = {
        "title": "关于基层社会治理的调研报告",
        "slug": "jcshzl",
        "publish_date": "2026-03-10 09:00",
        "source": "",
        "author": "",
        "editor": "",
        "summary": "调研发现基层治理力量不足。",
        "body": streamfield([]),
        "attachments": streamfield([]),
        "author_units": "市委政法委研究室、市司法局",
        "report": "",
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def add_url(column):
    return f"/admin/pages/add/research/researchreportpage/{column.pk}/"


def test_column_lives_under_the_home_page_once(home, column):
    assert ResearchColumnPage in HomePage.allowed_subpage_models()
    assert not ResearchColumnPage.can_create_at(home)
    assert not ResearchColumnPage.can_create_at(column)


def test_reports_live_only_in_their_column(home, column):
    other = add_column(home, GovInfoColumnPage, "政务公开", "zwgk")
    assert column.allowed_subpage_models() == [ResearchReportPage]
    assert ResearchReportPage.can_create_at(column)
    assert not ResearchReportPage.can_create_at(home)
    assert not ResearchReportPage.can_create_at(other)
    assert ResearchReportPage.allowed_subpage_models() == []


def test_admin_publishes_a_report_with_its_file(admin_client, column):
    document = make_document()
    response = admin_client.post(add_url(column), admin_data(report=document.pk))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = ResearchReportPage.objects.get(slug="jcshzl")
    assert page.live and page.report == document and page.column_id == column.pk


def test_admin_refuses_publishing_without_a_report_file(admin_client, column):
    response = admin_client.post(add_url(column), admin_data())
    assert response.status_code == 200
    assert REPORT_REQUIRED_MESSAGE in response.content.decode()
    assert not ResearchReportPage.objects.exists()


def test_admin_may_save_a_draft_before_the_file_is_ready(admin_client, column):
    data = admin_data()
    del data["action-publish"]
    response = admin_client.post(add_url(column), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = ResearchReportPage.objects.get(slug="jcshzl")
    assert not page.live and page.report is None


def test_admin_requires_the_author_units(admin_client, column):
    response = admin_client.post(add_url(column), admin_data(author_units="", report=make_document().pk))
    assert response.status_code == 200
    assert not ResearchReportPage.objects.exists()


def test_item_page_shows_the_download_with_type_and_size(client, column):
    page = add_report(column, "a", summary="课题组走访了12个镇街。")
    html = client.get(page.url).content.decode()
    assert "下载报告" in html and f'href="{page.report.url}"' in html
    assert "（PDF，2.0\xa0KB）" in html
    assert "调研单位" in html and "市委政法委研究室" in html
    assert "内容摘要" in html and "课题组走访了12个镇街。" in html


def test_item_page_lists_further_files_as_attachments(client, column):
    annex = make_document(title="问卷统计表", name="annex.xlsx", content=b"x" * 100)
    page = add_report(column, "a", attachments=[("attachment", {"document": annex, "title": ""})])
    html = client.get(page.url).content.decode()
    assert "下载报告" in html and "问卷统计表" in html and "XLSX" in html


def test_item_page_survives_a_deleted_report_file(client, column):
    page = add_report(column, "a")
    page.report.delete()
    response = client.get(page.url)
    assert response.status_code == 200
    assert "报告文件暂不可用" in response.content.decode()


def test_empty_column_renders(client, column):
    response = client.get(column.url)
    assert response.status_code == 200
    assert "本栏目暂无信息。" in response.content.decode()


def test_column_lists_reports_a_page_at_a_time(client, column):
    for number in range(ResearchColumnPage.items_per_page + 1):
        add_report(column, f"r{number:02d}")
    first = client.get(column.url).content.decode()
    assert "第 1 / 2 页" in first and "调研报告r15" in first and "调研报告r00" not in first
    assert "调研报告r00" in client.get(column.url, {"page": 2}).content.decode()


def test_demo_pdf_is_a_pdf_with_the_text():
    pdf = demo_report_pdf("调研报告", ["第一段"])
    assert pdf.startswith(b"%PDF-1.4") and pdf.rstrip().endswith(b"%%EOF")
    assert "调研报告".encode("utf-16-be").hex().encode() in pdf


def test_seed_demo_creates_reports_with_files_once(client, column):
    seed_column(column)
    count = ResearchReportPage.objects.child_of(column).count()
    assert 3 <= count <= 5
    documents = get_document_model().objects.count()
    seed_column(column)
    assert ResearchReportPage.objects.child_of(column).count() == count
    assert get_document_model().objects.count() == documents == count
    for page in ResearchReportPage.objects.child_of(column).live():
        assert page.report.file_extension == "pdf"
        assert "下载报告" in client.get(page.url).content.decode()
