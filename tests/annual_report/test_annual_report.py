"""The annual report: figures of a year from the portal's records, edits, issuing, exports, publication, access."""

import io
from decimal import ROUND_HALF_UP, Decimal

import pytest
import time_machine
from openpyxl import load_workbook
from pypdf import PdfReader

from django.core.exceptions import ValidationError
from django.urls import reverse

from wagtail.models import ModelLogEntry, WorkflowState

from annual_report.models import AnnualReport, ReportStatus
from disclosure.models import DisclosurePage
from tests.portal.admin_text import english_words, visible_text

from .conftest import TIMELINE, YEAR, at

INDEX = reverse("annual_report:index")
JANUARY = at(YEAR + 1, 1, 10, 9)


def url(name, report):
    return reverse(f"annual_report:{name}", args=[report.pk])


def in_year(moment):
    return moment is not None and moment.year == YEAR


def mean_days(pairs):
    days = [(end.date() - start.date()).days for start, end in pairs]
    return str((Decimal(sum(days)) / len(days)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def expected_figures():
    """The figures of ``YEAR`` worked out from the timeline itself, not through the portal's queries."""
    items = [(key, title, moment) for key, title, moment, live in TIMELINE.items if live and in_year(moment)]
    per_column = {key: sum(1 for k, _, _ in items if k == key) for key in ("news", "notices", "gov_info")}
    answered_letters = [(a, b) for a, b, _ in TIMELINE.letters if in_year(b)]
    closed = [(a, b) for a, b in TIMELINE.corrections if in_year(b)]
    return {
        "unique_visitors": sum(v for d, s, _, v in TIMELINE.visits if d.year == YEAR and s == "site"),
        "page_views": sum(n for d, s, n, _ in TIMELINE.visits if d.year == YEAR and s == "site"),
        "info_total": len(items),
        "info_news": per_column["news"] + per_column["notices"],
        "info_catalogue": per_column["gov_info"],
        "info_overview": 0,
        "columns_new": sum(1 for moment in TIMELINE.columns.values() if in_year(moment)),
        "columns_updated": sum(1 for count in per_column.values() if count),
        "topics_maintained": sum(1 for moment in TIMELINE.topics if moment.year <= YEAR),
        "topics_new": sum(1 for moment in TIMELINE.topics if in_year(moment)),
        "interpretations": sum(1 for _, title, _ in items if "解读" in title),
        "interpretation_materials": sum(1 for key, title, _ in items if "解读" in title and key == "gov_info"),
        "letters_received": sum(1 for a, _, _ in TIMELINE.letters if in_year(a)),
        "letters_answered": len(answered_letters),
        "letters_average_days": mean_days(answered_letters),
        "letters_published": sum(1 for _, b, p in TIMELINE.letters if in_year(b) and p),
        "corrections_received": sum(1 for a, _ in TIMELINE.corrections if in_year(a)),
        "corrections_answered": len(closed),
        "corrections_average_days": mean_days(closed),
        "disclosure_received": sum(1 for a, _ in TIMELINE.requests if in_year(a)),
        "disclosure_answered": sum(1 for _, b in TIMELINE.requests if in_year(b)),
    }, per_column


def create(client, year=YEAR):
    return client.post(INDEX, {"year": year})


@pytest.fixture
def report(client, office, timeline):
    client.force_login(office)
    with time_machine.travel(JANUARY, tick=False):
        response = create(client)
    assert response.status_code == 302
    return AnnualReport.objects.get(year=YEAR)


def edit_data(report, **overrides):
    data = {key: value for key, value in report.figures.items()}
    data.update({f"column_{i}": row["count"] for i, row in enumerate(report.column_counts)})
    data.update(overrides)
    return data


def test_the_figures_of_a_year_match_an_independent_count(report, timeline):
    expected, per_column = expected_figures()
    figures = report.figures
    assert {key: figures[key] for key in expected} == expected
    assert expected["info_total"] == 5 and expected["letters_answered"] == 2  # the boundaries matter
    assert figures["site_name"] and figures["site_url"] == "http://testserver"
    counts = {row["title"]: row["count"] for row in report.column_counts}
    assert counts == {"政法要闻": per_column["news"], "通知公告": per_column["notices"], "政务公开": 1, "专题专栏": 0}
    assert report.status == ReportStatus.DRAFT and report.created_by.username == "office"


def test_a_year_is_reported_once_and_bad_years_are_refused_in_chinese(client, report):
    with time_machine.travel(JANUARY, tick=False):
        for year, message in [(YEAR, "已经存在"), (YEAR + 1, "尚未结束"), ("abc", "四位数的年份"), (1999, "不能早于")]:
            response = create(client, year)
            assert response.status_code == 200
            assert message in response.content.decode()
    assert AnnualReport.objects.count() == 1


def test_edits_are_kept_and_recalculation_refreshes_only_the_computed_figures(client, report, timeline):
    response = client.post(
        url("edit", report),
        edit_data(report, page_views=123456, ops_staff=3, editor_staff=7, column_0=9, security_measures="双因素登录"),
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.figures["page_views"] == 123456 and report.figures["ops_staff"] == 3
    assert report.column_counts[0]["count"] == 9

    bad = client.post(url("edit", report), edit_data(report, ops_staff=-1, letters_average_days="abc"))
    assert "不能为负数" in bad.content.decode() and "请填写数字" in bad.content.decode()
    report.refresh_from_db()
    assert report.figures["ops_staff"] == 3

    with time_machine.travel(JANUARY, tick=False):
        client.post(url("recalculate", report))
    report.refresh_from_db()
    assert report.figures["page_views"] == expected_figures()[0]["page_views"]
    assert report.figures["ops_staff"] == 3 and report.figures["security_measures"] == "双因素登录"


def test_an_issued_report_is_frozen(client, report):
    client.post(url("issue", report))
    report.refresh_from_db()
    assert report.status == ReportStatus.ISSUED and report.issued_by.username == "office"
    before = (report.figures, report.column_counts)

    response = client.post(url("edit", report), edit_data(report, page_views=1), follow=True)
    assert "已印发，不能再修改" in response.content.decode()
    response = client.post(url("recalculate", report), follow=True)
    assert "不能重新计算" in response.content.decode()
    report.refresh_from_db()
    assert (report.figures, report.column_counts) == before
    assert 'name="page_views"' not in client.get(url("edit", report)).content.decode()
    report.figures["page_views"] = 1
    with pytest.raises(ValidationError):
        report.save()  # no other code path changes it either
    actions = list(ModelLogEntry.objects.for_instance(report).values_list("action", flat=True))
    assert sorted(actions) == ["wagtail.create", "wagtail.publish"]


def test_the_admin_pages_are_chinese_for_an_english_browser(client, report):
    client.post(url("issue", report))
    english = {}
    for name in ("index", "edit", "print"):
        link = INDEX if name == "index" else url(name, report)
        html = client.get(link, headers={"accept-language": "en-US,en;q=0.9"}).content.decode()
        chunks, _ = visible_text(html)
        words = english_words(chunks, user_content=[report.figures["site_url"]])
        if words:
            english[name] = words
    assert english == {}


def test_excel_and_pdf_carry_the_figures(client, report):
    client.post(url("edit", report), edit_data(report, filler='=HYPERLINK("x")', editor_staff=7))
    report.refresh_from_db()
    response = client.get(url("excel", report))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = {row[0]: row[1] for row in load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True)}
    assert rows["网站总访问量"] == f"{report.figures['page_views']} 次"
    assert rows["书记信箱平均办理时间（自然日）"] == f"{report.figures['letters_average_days']} 天"
    assert rows["编辑人员数量"] == "7 人"
    assert rows["政法要闻"] == f"{report.column_counts[0]['count']} 条"
    assert rows["填报人"] == '\'=HYPERLINK("x")'  # never a formula

    response = client.get(url("pdf", report))
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert f"{YEAR}年度政府网站工作年度报表" in text
    assert "独立用户访问总量" in text and f"{report.figures['unique_visitors']} 个" in text

    printable = client.get(url("print", report)).content.decode()
    assert "annual_report/print.css" in printable and "style=" not in printable
    assert f"{report.figures['page_views']} 次" in printable


def test_the_issued_report_becomes_a_draft_page_under_gov_info_in_the_review(client, report, timeline):
    response = client.post(url("publish", report), follow=True)
    assert "印发后才能发布" in response.content.decode()
    assert not DisclosurePage.objects.exists()

    client.post(url("issue", report))
    response = client.post(url("publish", report))
    page = DisclosurePage.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert not page.live and page.get_parent().pk == timeline.columns["gov_info"].pk
    assert f"{report.figures['page_views']} 次" in page.body and 'linktype="document"' in page.body
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and state.workflow.name == "信息报送审核流程"
    report.refresh_from_db()
    assert report.page_id == page.pk

    again = client.post(url("publish", report), follow=True)
    assert "已经生成过" in again.content.decode() and DisclosurePage.objects.count() == 1


def test_january_reminds_until_last_years_report_is_issued(client, office, home):
    client.force_login(office)
    dashboard = reverse("wagtailadmin_home")
    with time_machine.travel(JANUARY, tick=False):
        assert f"{YEAR}年度政府网站工作年度报表尚未印发" in client.get(dashboard).content.decode()
        AnnualReport.objects.create(year=YEAR, status=ReportStatus.ISSUED)
        assert "尚未印发" not in client.get(dashboard).content.decode()
    with time_machine.travel(at(YEAR, 2, 10), tick=False):
        assert "尚未印发" not in client.get(dashboard).content.decode()


@pytest.mark.parametrize("who", ["office", "site_admin"])
def test_the_office_and_the_site_administrators_may_use_it(client, who, request, home):
    client.force_login(request.getfixturevalue(who))
    response = client.get(INDEX)
    assert response.status_code == 200 and "政府网站工作年度报表" in response.content.decode()


def test_a_correspondent_gets_nothing(client, correspondent):
    report = AnnualReport.objects.create(year=YEAR)
    client.force_login(correspondent)
    assert "网站年度报表" not in client.get(reverse("wagtailadmin_home")).content.decode()
    for response in [
        client.get(INDEX),
        client.post(INDEX, {"year": YEAR - 1}),
        client.get(url("edit", report)),
        client.get(url("excel", report)),
        client.get(url("pdf", report)),
        client.get(url("print", report)),
        client.post(url("issue", report)),
        client.post(url("recalculate", report)),
        client.post(url("publish", report)),
    ]:
        # Wagtail's admin answers a refused permission by sending the user back to the dashboard
        assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT and AnnualReport.objects.count() == 1
