"""Office entry (录入): the office types in a unit's paper material on its behalf; the unit's leader signs
online, or the office uploads the scan of the paper form the leader signed."""

import json
from datetime import date, datetime
from io import BytesIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from PIL import Image

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.models import TaskState

from columns.plugins.news.models import NewsPage
from review.models import PostPublicationCheck, ReportedItem, ReportingUnit, Signature
from tests.assessment.helpers import report_rows
from tests.review.factories import ReportingUnitFactory, UnitMemberFactory
from tests.review.helpers import (
    add_item_url,
    approve,
    check,
    current_task_state,
    item_data,
    login,
    make_user,
    sign,
    submit_item,
)

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def png_bytes():
    buffer = BytesIO()
    Image.new("RGB", (20, 20), "white").save(buffer, "PNG")
    return buffer.getvalue()


def office_draft(client, office, column, **overrides):
    """The office types in a unit's paper material as a draft; returns the page."""
    login(client, office)
    response = client.post(add_item_url(column), item_data(action=None, **overrides))
    assert response.status_code == 302, response.content.decode()[:3000]
    return NewsPage.objects.get(slug=overrides.get("slug", "fzxc"))


def enter_for(client, office, page, unit):
    login(client, office)
    return client.post(f"/admin/review/entry/{page.pk}/", {"unit": unit.pk})


def submit(client, user, page, **overrides):
    login(client, user)
    response = client.post(f"/admin/pages/{page.pk}/edit/", item_data(**overrides))
    assert response.status_code == 302, response.content.decode()[:3000]
    page.refresh_from_db()
    return page


def upload_scan(client, user, page, leader, content=PDF, name="签字.pdf", comment=""):
    login(client, user)
    return client.post(
        f"/admin/review/entry/{page.pk}/scan/",
        {"leader": leader.pk, "scan": SimpleUploadedFile(name, content), "comment": comment},
    )


@pytest.fixture
def entered(client, people):
    """An item the office typed in for unit A (公安局) and submitted: it waits for the leader's signature."""
    people.office2 = make_user("office2", groups=["办公室审核员"])
    page = office_draft(client, people.office, people.news_column)
    assert enter_for(client, people.office, page, people.unit).status_code == 302
    return submit(client, people.office, page)


def leader_member(people):
    return people.unit.leaders().get()


def test_office_enters_an_item_for_a_unit(client, people, django_capture_on_commit_callbacks):
    page = office_draft(client, people.office, people.news_column)
    login(client, people.office)
    form = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "代单位录入" in form
    entry = client.get(f"/admin/review/entry/{page.pk}/").content.decode()
    assert "测试市公安局" in entry and "测试市司法局" in entry

    assert enter_for(client, people.office, page, people.unit).status_code == 302
    reported = ReportedItem.objects.get(page=page)
    assert (reported.unit, reported.entered_by, reported.correspondent) == (people.unit, people.office, None)

    with django_capture_on_commit_callbacks(execute=True):
        submit(client, people.office, page)
    task_state = current_task_state(page)
    assert task_state.task.name == "报前初审（报送单位领导签字）"
    assert task_state.status == TaskState.STATUS_IN_PROGRESS  # not skipped: the unit's leader signs
    requests = [message for message in mail.outbox if message.subject.startswith("【待签字】")]
    assert [message.to for message in requests] == [["ld_a@example.gov.cn"]]


def test_the_units_leader_may_sign_an_office_entry_online(client, people, entered):
    assert json.loads(sign(client, people, entered).content)["step"] == "success"
    signature = Signature.objects.get()
    assert signature.method == Signature.METHOD_ONLINE and signature.signer == people.leader
    assert current_task_state(entered).task.name == "录入前再审（办公室）"


def test_office_uploads_the_paper_signature_scan(client, people, entered):
    revision = entered.get_latest_revision()
    login(client, people.office)
    assert "上传签字扫描件" in client.get(f"/admin/pages/{entered.pk}/edit/").content.decode()
    form = client.get(f"/admin/review/entry/{entered.pk}/scan/").content.decode()
    assert f"第{revision.pk}号版本" in form and "测试市公安局领导" in form

    with time_machine.travel(datetime(2026, 11, 20, 15, 30, tzinfo=SHANGHAI), tick=False):
        response = upload_scan(client, people.office, entered, leader_member(people), comment="纸质审批单已签字。")
    assert response.status_code == 302
    signature = Signature.objects.get()
    assert signature.method == Signature.METHOD_SCAN
    assert signature.uploaded_by == people.office and signature.signer == people.leader
    assert signature.signer_name == "测试市公安局领导"
    assert signature.revision == revision and signature.task_state.revision == revision
    assert signature.task_state.status == TaskState.STATUS_APPROVED
    assert signature.scan_content_type == "application/pdf"
    assert not signature.scan.name.endswith("签字.pdf") and signature.scan.name.endswith(".pdf")
    assert current_task_state(entered).task.name == "录入前再审（办公室）"

    # The scan is private: under PRIVATE_MEDIA_ROOT, with no public URL; staff download it through the admin.
    assert signature.scan.storage.exists(signature.scan.name)
    with pytest.raises(ValueError):
        signature.scan.url  # noqa: B018
    download = client.get(f"/admin/review/signatures/{signature.pk}/scan/")
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert download["Content-Type"] == "application/pdf" and "attachment" in download["Content-Disposition"]
    login(client, people.other_correspondent)
    assert client.get(f"/admin/review/signatures/{signature.pk}/scan/").status_code in (302, 403)

    login(client, people.office)
    trail = client.get(f"/admin/review/trail/{entered.pk}/").content.decode()
    assert "纸质签字扫描件：测试市公安局领导签字，office于2026-11-20 15:30上传" in trail
    assert "代录入" in trail and "下载扫描件" in trail
    assert client.get(f"/admin/review/trail/{entered.pk}/pdf/").status_code == 200


def test_scan_accepts_png_by_content(client, people, entered):
    assert (
        upload_scan(client, people.office, entered, leader_member(people), png_bytes(), "scan.jpg").status_code == 302
    )
    signature = Signature.objects.get()
    assert signature.scan_content_type == "image/png" and signature.scan.name.endswith(".png")


@pytest.mark.parametrize(
    "content",
    [b"<html><script>alert(1)</script></html>", b"%PDF-1.4 truncated without end marker", b"\x89PNG\r\n\x1a\nnot png"],
)
def test_scan_refuses_files_that_are_not_pdf_jpg_or_png(client, people, entered, content):
    response = upload_scan(client, people.office, entered, leader_member(people), content, "签字.pdf")
    assert response.status_code == 200
    assert "签字扫描件只能是PDF、JPG或PNG文件" in response.content.decode()
    assert not Signature.objects.exists()
    assert current_task_state(entered).status == TaskState.STATUS_IN_PROGRESS


def test_scan_refuses_a_file_over_the_size_limit(client, people, entered, settings):
    settings.REVIEW_SCAN_MAX_MB = 0
    response = upload_scan(client, people.office, entered, leader_member(people))
    assert "签字扫描件不能超过0MB" in response.content.decode()
    assert not Signature.objects.exists()


def test_only_office_staff_use_the_scan_path(client, people, entered):
    for user in (people.leader, people.correspondent, people.checker, people.final):
        assert upload_scan(client, user, entered, leader_member(people)).status_code in (302, 403)
        assert client.get(f"/admin/review/entry/{entered.pk}/").status_code in (302, 403)
    assert not Signature.objects.exists()
    assert current_task_state(entered).status == TaskState.STATUS_IN_PROGRESS


def test_scan_must_name_a_leader_of_the_reporting_unit(client, people, entered):
    other_leader = people.other_unit.leaders().get()
    response = upload_scan(client, people.office, entered, other_leader)
    assert response.status_code == 200 and "请从列表中选择签字领导" in response.content.decode()
    assert not Signature.objects.exists()


def test_no_scan_for_an_item_the_unit_drafted_itself(client, people):
    page = submit_item(client, people.correspondent, people.news_column)
    response = upload_scan(client, people.office, page, leader_member(people))
    assert response.status_code == 302
    assert not Signature.objects.exists()
    assert current_task_state(page).status == TaskState.STATUS_IN_PROGRESS
    login(client, people.office)
    assert "上传签字扫描件" not in client.get(f"/admin/pages/{page.pk}/edit/").content.decode()


def test_a_change_after_the_scan_restarts_the_review_from_the_signature(client, people, entered):
    upload_scan(client, people.office, entered, leader_member(people))
    login(client, people.office2)
    response = client.post(
        f"/admin/pages/{entered.pk}/edit/", item_data(action=None, title="公安局开展反诈宣传活动（修改）")
    )
    assert response.status_code == 302
    task_state = current_task_state(entered)
    assert task_state.task.name == "报前初审（报送单位领导签字）"
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    # The old scan covered the old revision only; the office must upload a new one (or the leader signs online).
    assert Signature.objects.get().revision != entered.get_latest_revision()
    assert upload_scan(client, people.office, entered, leader_member(people)).status_code == 302
    assert Signature.objects.latest("pk").revision == entered.get_latest_revision()


def test_office_entry_counts_for_the_unit_and_the_unit_does_the_check(
    client, people, django_capture_on_commit_callbacks
):
    """The office clerk belongs to the committee's own office (an internal unit): the item still counts
    for the 报送单位, whose people get the publication notice and the 发布后复查."""
    own_office = ReportingUnitFactory(name="政法委办公室", category=ReportingUnit.CATEGORY_INTERNAL)
    UnitMemberFactory(unit=own_office, user=people.office, name="王录入", position="科员")
    own_office.save()
    ReportingUnit.objects.filter(pk=people.unit.pk).update(assessed_from=date(2026, 11, 1))
    people.office2 = make_user("office2", groups=["办公室审核员"])
    with time_machine.travel(datetime(2026, 11, 18, 10, tzinfo=SHANGHAI), tick=False):
        page = office_draft(client, people.office, people.news_column)
        assert ReportedItem.objects.get(page=page).unit == own_office  # drafted by a member of the office
        assert enter_for(client, people.office, page, people.unit).status_code == 302
        submit(client, people.office, page)
        upload_scan(client, people.office, page, leader_member(people))
        approve(client, people.office2, page)  # the clerk who entered it does not approve it
        assert json.loads(check(client, people, page).content)["step"] == "success"
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            approve(client, people.final, page)
    page.refresh_from_db()
    assert page.live
    post_check = PostPublicationCheck.objects.get(page=page)
    assert post_check.unit == people.unit
    notices = [message for message in mail.outbox if message.subject.startswith("【信息已发布】")]
    assert len(notices) == 1 and set(notices[0].to) == {"xxy_a@example.gov.cn", "ld_a@example.gov.cn"}

    login(client, people.correspondent)
    assert client.post(f"/admin/review/checks/{post_check.pk}/confirm/").status_code == 302
    post_check.refresh_from_db()
    assert post_check.status == "confirmed"

    with time_machine.travel(datetime(2026, 12, 1, 10, tzinfo=SHANGHAI), tick=False):
        login(client, make_user("kh", superuser=True))
        rows = report_rows(client, "month", 2026, 11)
    assert rows["测试市公安局"]["报送"] == 1 and rows["测试市公安局"]["本网站采用"] == 1
    assert "政法委办公室" not in rows


def test_entry_is_refused_for_a_units_own_draft_and_during_the_review(client, people, entered):
    login(client, people.office)
    response = client.get(f"/admin/review/entry/{entered.pk}/")
    assert "信息正在审核中，不能更改报送单位" in response.content.decode()
    client.post(f"/admin/review/entry/{entered.pk}/", {"unit": people.other_unit.pk})
    assert ReportedItem.objects.get(page=entered).unit == people.unit
    assert "代单位录入" not in client.get(f"/admin/pages/{entered.pk}/edit/").content.decode()

    drafted = submit_item(client, people.correspondent, people.news_column, action=None, slug="gaj")
    login(client, people.office)
    response = client.post(f"/admin/review/entry/{drafted.pk}/", {"unit": people.other_unit.pk})
    assert "该信息由测试市公安局的人员起草，不能改为代录入。" in response.content.decode()
    assert ReportedItem.objects.get(page=drafted).unit == people.unit
    assert ReportedItem.objects.get(page=drafted).entered_by is None


def test_entry_needs_a_valid_unit(client, people):
    page = office_draft(client, people.office, people.news_column)
    login(client, people.office)
    for value in ("", "999999", "abc"):
        response = client.post(f"/admin/review/entry/{page.pk}/", {"unit": value})
        assert response.status_code == 200
        body = response.content.decode()
        assert "请选择报送单位" in body or "请从列表中选择报送单位" in body
    assert not ReportedItem.objects.filter(page=page).exists()
    assert client.get("/admin/review/entry/999999/").status_code == 404
