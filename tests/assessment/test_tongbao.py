"""The formal 通报 (issue 16, item 5): document numbers per year, the editable header, issuing freezes it,
bad requests change nothing, permissions, the A4 print page and the files of a draft."""

import re
from datetime import date
from io import BytesIO

import pytest
from docx import Document
from pypdf import PdfReader

from django.contrib.auth.models import Group, Permission

from assessment.models import InterviewFollowUp, Tongbao
from review.models import ReportingUnit
from tests.assessment.helpers import at, make_item, make_unit
from tests.portal.factories import UserFactory

TOWNSHIP = ReportingUnit.CATEGORY_TOWNSHIP


@pytest.fixture
def units(news_column):
    """甲镇 reports every month from September; 乙镇 never: last three months running by November."""
    first = make_unit("甲镇", TOWNSHIP)
    second = make_unit("乙镇", TOWNSHIP)
    for month in (9, 10, 11):
        make_item(news_column, first, submitted=at(2026, month, 5), published=at(2026, month, 6))
    return first, second


def create(client, month, year=2026):
    response = client.post("/admin/assessment/tongbao/new/", {"kind": "month", "year": year, "number": month})
    assert response.status_code == 302
    return Tongbao.objects.order_by("-pk").first()


def issue(client, tongbao):
    return client.post(f"/admin/assessment/tongbao/{tongbao.pk}/issue/", follow=True)


def header_data(tongbao, **changes):
    data = {
        "title": tongbao.title,
        "issuing_body": tongbao.issuing_body,
        "number_pattern": tongbao.number_pattern,
        "issue_date": tongbao.issue_date.isoformat(),
        "distribution": tongbao.distribution,
    }
    return data | changes


def test_numbers_run_per_year_from_the_pattern_and_issuing_freezes(staff, units, news_column, notice_column):
    november = create(staff, 11)
    assert november.status == Tongbao.STATUS_DRAFT and november.number == ""
    response = staff.post(
        f"/admin/assessment/tongbao/{november.pk}/edit/",
        header_data(november, distribution="市四套班子领导\n各乡镇", issuing_body="中共清城市委政法委员会"),
    )
    assert response.status_code == 302
    issue(staff, november)
    november.refresh_from_db()
    assert november.number == "清政法〔2026〕1号" and november.issued
    assert november.data["interview"] == [{"id": units[1].pk, "name": "乙镇"}]
    assert InterviewFollowUp.objects.filter(tongbao=november, unit=units[1]).exists()

    october = create(staff, 10)
    issue(staff, october)
    october.refresh_from_db()
    assert october.number == "清政法〔2026〕2号"

    september = create(staff, 9)
    staff.post(f"/admin/assessment/tongbao/{september.pk}/edit/", header_data(september, issue_date="2027-01-04"))
    issue(staff, september)
    september.refresh_from_db()
    assert september.number == "清政法〔2027〕1号"

    # Issued: the header cannot change, it cannot be issued twice, later items leave it as it was.
    before = (november.title, november.data, november.number)
    response = staff.post(
        f"/admin/assessment/tongbao/{november.pk}/edit/", header_data(november, title="改过的标题"), follow=True
    )
    assert "该通报已印发，内容已冻结，不能修改。" in response.content.decode()
    response = issue(staff, november)
    assert "该通报已印发，不能重复印发。" in response.content.decode()
    make_item(news_column, units[1], submitted=at(2026, 11, 10), published=at(2026, 11, 11))
    november.refresh_from_db()
    assert (november.title, november.data, november.number) == before
    text = "".join(p.extract_text() for p in PdfReader(november.pdf_file.open("rb")).pages)
    assert "中共清城市委政法委员会" in text and "市四套班子领导" in re.sub(r"\s+", "", text)


def test_number_pattern_must_have_year_and_sequence(staff, units):
    tongbao = create(staff, 11)
    response = staff.post(
        f"/admin/assessment/tongbao/{tongbao.pk}/edit/", header_data(tongbao, number_pattern="清政法〔{year}〕号")
    )
    assert response.status_code == 400
    assert "文号格式须同时包含{year}（年份）和{seq}（序号）" in response.content.decode()
    tongbao.refresh_from_db()
    assert tongbao.number_pattern == "清政法〔{year}〕{seq}号"


def test_a_period_not_over_cannot_be_issued_and_nothing_changes(staff, units, notice_column):
    december = create(staff, 12)
    response = issue(staff, december)
    assert "本期尚未结束，任务完成情况尚未判定，不能印发通报。" in response.content.decode()
    december.refresh_from_db()
    assert not december.issued and december.number == "" and december.notice is None
    response = staff.post("/admin/assessment/tongbao/new/", {"kind": "month", "year": 2027, "number": 2}, follow=True)
    assert "该期尚未开始，不能生成通报。" in response.content.decode()
    assert Tongbao.objects.count() == 1


def test_without_a_notice_column_issuing_is_refused_whole(staff, units):
    tongbao = create(staff, 11)
    response = issue(staff, tongbao)
    assert "网站还没有“通知公告”栏目" in response.content.decode()
    tongbao.refresh_from_db()
    assert not tongbao.issued and tongbao.number == "" and not tongbao.pdf_file
    assert not InterviewFollowUp.objects.exists()


def test_notice_draft_carries_the_content_and_the_excel(staff, units, notice_column):
    tongbao = create(staff, 11)
    issue(staff, tongbao)
    tongbao.refresh_from_db()
    notice = tongbao.notice.specific
    assert notice.get_parent().pk == notice_column.pk and not notice.live
    body = str(notice.body)
    assert "清政法〔2026〕1号" in body and "乙镇" in body and "报送/抄送" in body
    document = notice.attachments[0].value["document"]
    assert document.file.read() == tongbao.xlsx_file.open("rb").read()


def test_permissions(client, staff, units):
    tongbao = create(staff, 11)
    reader = UserFactory(username="reader", password="pw-reader")
    reader.groups.add(group := Group.objects.create(name="考核查看"))
    group.permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="view_report")
    )
    client.force_login(reader)
    assert client.get(f"/admin/assessment/tongbao/{tongbao.pk}/").status_code == 200
    denied = (302, "/admin/")  # Wagtail's "no permission"
    response = client.post(f"/admin/assessment/tongbao/{tongbao.pk}/issue/")
    assert (response.status_code, response["Location"]) == denied
    response = client.post("/admin/assessment/tongbao/new/", {"kind": "month", "year": 2026, "number": 10})
    assert (response.status_code, response["Location"]) == denied
    tongbao.refresh_from_db()
    assert not tongbao.issued and Tongbao.objects.count() == 1
    group.permissions.remove(Permission.objects.get(codename="view_report"))
    for url in (f"/admin/assessment/tongbao/{tongbao.pk}/pdf/", "/admin/assessment/tongbao/"):
        response = client.get(url)
        assert (response.status_code, response["Location"]) == denied


def test_print_page_is_an_a4_document_without_inline_styles(staff, units):
    tongbao = create(staff, 11)
    response = staff.get(f"/admin/assessment/tongbao/{tongbao.pk}/print/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "assessment/tongbao.css" in html and 'style="' not in html and "<script>" not in html
    assert "中共市委政法委员会文件" in html and "关于2026年11月信息报送考核情况的通报" in html
    assert "约谈：乙镇。" in html
    css = staff.get("/static/assessment/tongbao.css")
    assert b"size: A4" in b"".join(css.streaming_content)


def test_draft_files_are_rendered_from_the_live_figures(staff, units):
    tongbao = create(staff, 11)
    pdf = staff.get(f"/admin/assessment/tongbao/{tongbao.pk}/pdf/")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    docx = staff.get(f"/admin/assessment/tongbao/{tongbao.pk}/docx/")
    paragraphs = [p.text for p in Document(BytesIO(docx.content)).paragraphs]
    assert "清政法〔2026〕　号" in paragraphs  # no number before it is issued
    assert staff.get(f"/admin/assessment/tongbao/{tongbao.pk}/odt/").status_code == 404
    listing = staff.get("/admin/assessment/tongbao/").content.decode()
    assert "（未编号）" in listing and tongbao.title in listing


def test_issue_date_is_today_by_default(staff, units):
    assert create(staff, 11).issue_date == date(2026, 12, 20)
