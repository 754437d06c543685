"""网上法律援助: the public application and query, the admin's review with masked data, and the commands."""

import os
import re
import secrets
import subprocess
import sys
from datetime import date, datetime, timedelta
from io import StringIO
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from cryptography.fernet import Fernet

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client

from wagtail.models import ModelLogEntry

from legal_services.models import AidStatus, LegalAidApplication, LegalAidAttachment, LegalAidEvent
from tests.intake.helpers import image_bytes, pdf_bytes

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 25, 10, 30, tzinfo=SHANGHAI)
APPLY, DONE, QUERY = "/legal/aid/", "/legal/aid/done/", "/legal/aid/query/"
ADMIN_LIST = "/admin/snippets/legal_services/legalaidapplication/"
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_number(region="330102", birth="19850612", sequence="123", check=None):
    """An ID number with the right check digit, unless ``check`` forces one."""
    body = f"{region}{birth}{sequence}"
    right = "10X98765432"[sum(int(d) * w for d, w in zip(body, WEIGHTS, strict=True)) % 11]
    return body + (check if check is not None else right)


VALID_ID = id_number()


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def form_data(**overrides):
    data = {
        "applicant_name": "赵永强",
        "id_number": VALID_ID,
        "phone": "138 0000 1234",
        "address": "清江市青石镇青石村5组12号",
        "case_type": "labour",
        "facts": "我在青石镇某工地务工八个月，老板拖欠工资三万二千元至今未付，多次讨要无果，请求法律援助。",
        "hardship_basis": "migrant_wages",
        "hardship_details": "",
        "truthful": "on",
        "captcha_0": "x",
        "captcha_1": "PASSED",
        "submission_key": secrets.token_urlsafe(32),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def upload(name="证明.pdf", size=1024, content=None):
    """A real file of its extension's kind (a PDF about ``size`` bytes, or a small photo)."""
    if content is None:
        content = image_bytes() if name.endswith(".jpg") else pdf_bytes(size)
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def submit(client, **overrides):
    return client.post(APPLY, form_data(**overrides))


def files_under(root):
    return [path for path in Path(root).rglob("*") if path.is_file()] if Path(root).exists() else []


def make_application(**fields):
    defaults = {
        "tracking_number": f"FY20261125-{LegalAidApplication.objects.count() + 1:04d}",
        "query_code_hash": "",
        "applicant_name": "钱多多",
        "id_number": VALID_ID,
        "phone": "13900001111",
        "address": "清江市河西街道1号",
        "case_type": "family",
        "facts": "离婚后对方不支付孩子抚养费，请求法律援助。",
        "hardship_basis": "minimum_living",
    }
    defaults.update(fields)
    return LegalAidApplication.objects.create(**defaults)


# The public form


def test_the_form_renders_with_captcha_csrf_and_file_upload(client, home):
    html = client.get(APPLY).content.decode()
    assert 'enctype="multipart/form-data"' in html and 'name="csrfmiddlewaretoken"' in html
    assert 'name="captcha_1"' in html and 'type="file"' in html and "multiple" in html
    assert "自收到申请之日起七日内" in html


def test_without_configured_keys_in_production_the_form_is_closed_and_stores_nothing(client, home, settings):
    settings.LEGAL_DATA_KEYS = []
    settings.LEGAL_DATA_KEYS_FROM_SECRET_KEY = False
    response = client.get(APPLY)
    assert response.status_code == 503 and "网上法律援助申请暂未开通" in response.content.decode()
    assert "12348" in response.content.decode()
    response = submit(client)
    assert response.status_code == 503
    assert not LegalAidApplication.objects.exists()


def test_a_valid_application_is_stored_encrypted_and_the_receipt_shows_number_and_code_once(
    client, home, frozen, private_root, django_capture_on_commit_callbacks
):
    get_user_model().objects.create_superuser("reviewer", "reviewer@example.com", "pass-word-123")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(APPLY, {**form_data(), "attachments": [upload(), upload("低保证.jpg")]})
    assert response.status_code == 302 and response["Location"] == DONE
    application = LegalAidApplication.objects.get()
    assert application.tracking_number == "FY20261125-0001"
    assert application.id_number == VALID_ID and application.phone == "13800001234"
    assert application.review_deadline == date(2026, 12, 2)
    assert application.status == AidStatus.SUBMITTED
    with connection.cursor() as cursor:
        cursor.execute("SELECT id_number, phone FROM legal_services_legalaidapplication")
        raw_id, raw_phone = cursor.fetchone()
    assert VALID_ID not in raw_id and "13800001234" not in raw_phone and raw_id.startswith("gAAAA")
    receipt = client.get(DONE)
    html = receipt.content.decode()
    assert "FY20261125-0001" in html and "查询码只显示这一次" in html
    assert "no-cache" in receipt["Cache-Control"] or "no-store" in receipt["Cache-Control"]
    assert client.get(DONE).status_code == 302
    stored = files_under(private_root)
    assert len(stored) == 2 and application.attachments.count() == 2
    assert list(application.events.values_list("to_status", flat=True)) == [AidStatus.SUBMITTED]
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["reviewer@example.com"]
    message = mail.outbox[0].subject + mail.outbox[0].body
    assert "FY20261125-0001" in message and VALID_ID not in message and "赵永强" not in message


def test_attachments_are_kept_out_of_the_public_media_root(client, home, media_root, private_root):
    client.post(APPLY, {**form_data(), "attachments": [upload()]})
    assert files_under(private_root) and not files_under(media_root)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"id_number": id_number(check="0") if VALID_ID[-1] != "0" else id_number(check="1")}, "身份证号码校验位"),
        ({"id_number": id_number(birth="20991231")}, "出生日期（第7至14位）晚于今天"),
        ({"id_number": id_number(birth="19850230")}, "出生日期（第7至14位）不是有效日期"),
        ({"id_number": "33010219850612123"}, "身份证号码应为18位"),
        ({"id_number": "3301021985061212AB"}, "身份证号码应为18位"),
        ({"captcha_1": "WRONG"}, "验证码错误，请重新输入。"),
        ({"captcha_1": ""}, "请输入验证码。"),
        ({"phone": "1380000"}, "请输入有效的电话号码"),
        ({"facts": "太短"}, "案情简述应为20至2000个字。"),
        ({"case_type": "nonsense"}, "请选择列表中的案件类型。"),
        ({"truthful": None}, "请阅读并勾选承诺。"),
        ({"hardship_basis": "other"}, "请说明经济困难的情况"),
        ({"applicant_name": ""}, "请填写申请人姓名。"),
    ],
)
def test_bad_input_gets_a_chinese_message_keeps_what_was_typed_and_stores_nothing(
    client, home, private_root, overrides, message
):
    data = form_data(**overrides)
    response = client.post(APPLY, {**data, "attachments": [upload()]})
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html and "提交未成功" in html and "附件需要重新选择" in html
    assert not LegalAidApplication.objects.exists() and not files_under(private_root)
    assert f'value="{data["address"]}"' in html
    if data.get("applicant_name"):
        assert f'value="{data["applicant_name"]}"' in html


@pytest.mark.parametrize("field", ["applicant_name", "phone", "address", "facts", "hardship_details"])
@pytest.mark.parametrize("bad", ["\x00", "\u202e", "\x1b"], ids=["nul", "rtl-override", "escape"])
def test_control_characters_are_refused_and_nothing_is_stored(client, home, private_root, field, bad):
    data = form_data(hardship_basis="other", hardship_details="家中无固定收入，靠打零工维持生活。")
    data[field] = data[field][:10] + bad + data[field][10:]
    response = client.post(APPLY, {**data, "attachments": [upload()]})
    assert response.status_code == 200
    assert "不能包含控制字符。" in response.content.decode()
    assert not LegalAidApplication.objects.exists() and not files_under(private_root)


def test_a_lowercase_x_check_digit_is_accepted(client, home):
    number = next(id_number(sequence=f"{n:03d}") for n in range(1000) if id_number(sequence=f"{n:03d}")[-1] == "X")
    assert submit(client, id_number=number.lower()).status_code == 302
    assert LegalAidApplication.objects.get().id_number == number


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ([upload(size=1024 * 1024 + 1)], "超过1MB"),
        ([upload("病毒.exe")], "格式不支持"),
        ([upload(f"材料{n}.pdf") for n in range(6)], "最多上传5个文件。"),
        ([SimpleUploadedFile("空.pdf", b"")], "上传的文件是空的"),
    ],
)
def test_bad_attachments_are_refused_and_nothing_is_stored(client, home, settings, private_root, files, message):
    settings.LEGAL_AID_ATTACHMENT_MAX_MB = 1
    response = client.post(APPLY, {**form_data(), "attachments": files})
    assert response.status_code == 200 and message in response.content.decode()
    assert not LegalAidApplication.objects.exists() and not files_under(private_root)


def test_a_failure_while_saving_leaves_no_record_and_no_file(home, private_root, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(LegalAidEvent.objects, "create", broken)
    client = Client(raise_request_exception=False)
    response = client.post(APPLY, {**form_data(), "attachments": [upload()]})
    assert response.status_code == 500
    assert not LegalAidApplication.objects.exists() and not LegalAidAttachment.objects.exists()
    assert not files_under(private_root)


def test_a_post_without_the_csrf_token_is_refused(home):
    response = Client(enforce_csrf_checks=True).post(APPLY, form_data())
    assert response.status_code == 403 and not LegalAidApplication.objects.exists()


# The applicant's query


def submitted(client):
    client.post(APPLY, form_data())
    html = client.get(DONE).content.decode()
    code = html.split('question-receipt__reference">')[2].split("<")[0]
    return LegalAidApplication.objects.get(), code


def test_the_applicant_sees_the_status_and_every_change_with_the_query_code(client, home, admin_client):
    application, code = submitted(client)
    admin_client.post(
        f"{ADMIN_LIST}edit/{application.pk}/",
        admin_data(application, status="needs_materials", decision_reason="请补充近三个月的工资流水。"),
    )
    response = client.post(QUERY, {"tracking_number": application.tracking_number.lower(), "query_code": code})
    html = response.content.decode()
    assert (response.status_code == 200 and "no-store" in response["Cache-Control"]) or "no-cache" in response[
        "Cache-Control"
    ]
    assert "需补充材料" in html and "请补充近三个月的工资流水。" in html and "已提交" in html
    assert VALID_ID not in html and "13800001234" not in html


def test_a_wrong_code_or_unknown_number_reveals_nothing(client, home):
    application, code = submitted(client)
    wrong = "0000000000" if code != "0000000000" else "1111111111"
    for data in (
        {"tracking_number": application.tracking_number, "query_code": wrong},
        {"tracking_number": "FY20991231-0001", "query_code": code},
        {"tracking_number": application.tracking_number, "query_code": "abc"},
    ):
        html = client.post(QUERY, data).content.decode()
        assert "受理编号或查询码不正确" in html and "办理记录" not in html


def test_too_many_failed_queries_are_stopped(client, home):
    for _ in range(10):
        client.post(QUERY, {"tracking_number": "FY20991231-0001", "query_code": "1234567890"})
    response = client.post(QUERY, {"tracking_number": "FY20991231-0001", "query_code": "1234567890"})
    assert response.status_code == 429 and "查询失败次数过多" in response.content.decode()


# The review deadline


def test_the_deadline_is_seven_calendar_days_even_over_a_holiday(client, home):
    with time_machine.travel(datetime(2026, 9, 30, 16, 0, tzinfo=SHANGHAI), tick=False):
        submit(client)
    assert LegalAidApplication.objects.get().review_deadline == date(2026, 10, 7)


def test_overdue_applications_are_flagged_and_filtered_in_the_admin(admin_client, home):
    with time_machine.travel(NOW, tick=False):
        late = make_application()
        decided = make_application(status=AidStatus.APPROVED)
    with time_machine.travel(NOW + timedelta(days=8), tick=False):
        make_application()
        html = admin_client.get(ADMIN_LIST).content.decode()
        assert "已超期1天" in html and "剩余7天" in html
        html = admin_client.get(ADMIN_LIST, {"overdue": "true"}).content.decode()
        assert late.tracking_number in html and decided.tracking_number not in html
        assert list(LegalAidApplication.objects.overdue()) == [late]


# The admin


def admin_data(application, **overrides):
    data = {
        "status": application.status,
        "decision_reason": application.decision_reason,
        "note": "",
        "assigned_lawyer": application.assigned_lawyer_id or "",
        "assigned_organisation": application.assigned_organisation,
        "internal_note": application.internal_note,
    }
    data.update(overrides)
    return data


def test_lists_and_the_edit_form_show_masked_numbers_only(admin_client):
    application = make_application()
    for url in (ADMIN_LIST, f"{ADMIN_LIST}edit/{application.pk}/"):
        html = admin_client.get(url).content.decode()
        assert VALID_ID not in html and "13900001111" not in html
        assert f"{VALID_ID[:3]}{'*' * 11}{VALID_ID[-4:]}" in html and "139****1111" in html


def test_permitted_staff_reveal_full_numbers_and_each_reveal_is_logged(admin_client):
    application = make_application()
    assert "查看完整身份证号和电话" in admin_client.get(f"{ADMIN_LIST}edit/{application.pk}/").content.decode()
    assert admin_client.get(f"{ADMIN_LIST}reveal/{application.pk}/").status_code == 405
    html = admin_client.post(f"{ADMIN_LIST}reveal/{application.pk}/").content.decode()
    assert VALID_ID in html and "13900001111" in html
    admin_client.post(f"{ADMIN_LIST}reveal/{application.pk}/")
    entries = ModelLogEntry.objects.filter(action="legal_services.reveal_personal_data", object_id=str(application.pk))
    assert entries.count() == 2 and entries.first().user.username == "admin"
    assert VALID_ID not in str(list(entries.values()))
    assert (
        "查看了申请人完整身份证号和电话" in admin_client.get(f"{ADMIN_LIST}history/{application.pk}/").content.decode()
    )


def staff_user(username, *codenames, group_name=None):
    user = get_user_model().objects.create_user(username, f"{username}@example.com", "pass-word-123")
    group = Group.objects.create(name=group_name or f"{username}-group")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        group.permissions.add(Permission.objects.get(codename=codename))
    user.groups.add(group)
    return user


def test_staff_without_the_reveal_permission_cannot_reveal(client):
    application = make_application()
    client.force_login(
        staff_user("clerk", "view_legalaidapplication", "change_legalaidapplication", "view_all_legalaidapplication")
    )
    assert "查看完整身份证号和电话" not in client.get(f"{ADMIN_LIST}edit/{application.pk}/").content.decode()
    response = client.post(f"{ADMIN_LIST}reveal/{application.pk}/", follow=True)
    assert response.redirect_chain[0][1] == 302 and VALID_ID not in response.content.decode()
    assert "抱歉，您没有权限访问此区域" in response.content.decode() or "权限" in response.content.decode()
    assert not ModelLogEntry.objects.filter(action="legal_services.reveal_personal_data").exists()


def test_a_lawyer_sees_only_the_applications_assigned_to_them(client):
    lawyer = staff_user(
        "lawyer", "view_legalaidapplication", "change_legalaidapplication", "reveal_legalaidapplication"
    )
    mine = make_application(status=AidStatus.ASSIGNED, assigned_lawyer=lawyer)
    other = make_application()
    attachment = LegalAidAttachment.objects.create(
        application=other, file=SimpleUploadedFile("x.pdf", b"%PDF"), original_name="x.pdf", size=4
    )
    client.force_login(lawyer)
    html = client.get(ADMIN_LIST).content.decode()
    assert mine.tracking_number in html and other.tracking_number not in html
    assert client.get(f"{ADMIN_LIST}edit/{mine.pk}/").status_code == 200
    for url in (
        f"{ADMIN_LIST}edit/{other.pk}/",
        f"{ADMIN_LIST}history/{other.pk}/",
        f"{ADMIN_LIST}usage/{other.pk}/",
        f"{ADMIN_LIST}attachment/{attachment.pk}/",
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(f"{ADMIN_LIST}reveal/{other.pk}/").status_code == 404
    chooser = client.get("/admin/snippets/choose/legal_services/legalaidapplication/").content.decode()
    assert mine.tracking_number in chooser and other.tracking_number not in chooser
    chosen = client.get(f"/admin/snippets/choose/legal_services/legalaidapplication/chosen/{other.pk}/")
    assert chosen.status_code == 404
    assert client.post(f"{ADMIN_LIST}edit/{other.pk}/", admin_data(other, status="reviewing")).status_code == 404
    other.refresh_from_db()
    assert other.status == AidStatus.SUBMITTED


def test_a_lawyer_sees_no_unassigned_tracking_numbers_in_chosen_multiple_or_site_history(client, admin_user):
    from wagtail.log_actions import log

    lawyer = staff_user("lawyer", "view_legalaidapplication", "change_legalaidapplication")
    mine = make_application(status=AidStatus.ASSIGNED, assigned_lawyer=lawyer)
    other = make_application()
    for application in (mine, other):
        log(instance=application, action="wagtail.edit", user=admin_user)
    client.force_login(lawyer)
    chosen = client.get(
        "/admin/snippets/choose/legal_services/legalaidapplication/chosen-multiple/",
        {"id": [mine.pk, other.pk, "x"]},
    )
    assert chosen.status_code == 200
    assert mine.tracking_number in chosen.content.decode()
    assert other.tracking_number not in chosen.content.decode()
    for url in ("/admin/reports/site-history/", "/admin/reports/site-history/results/"):
        history = client.get(url)
        assert history.status_code == 200, url
        assert mine.tracking_number in history.content.decode(), url
        assert other.tracking_number not in history.content.decode(), url
    client.force_login(admin_user)
    assert other.tracking_number in client.get("/admin/reports/site-history/").content.decode()


def test_a_lawyer_closes_their_case_but_cannot_reassign_it(client):
    lawyer = staff_user("lawyer", "view_legalaidapplication", "change_legalaidapplication")
    mine = make_application(status=AidStatus.ASSIGNED, assigned_lawyer=lawyer, assigned_organisation="某律所")
    client.force_login(lawyer)
    response = client.post(
        f"{ADMIN_LIST}edit/{mine.pk}/",
        admin_data(mine, status="closed", assigned_organisation="另一律所", note="已调解结案。"),
    )
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.status == AidStatus.CLOSED and mine.closed_at is not None and mine.assigned_organisation == "某律所"
    assert mine.events.last().note == "已调解结案。" and mine.events.last().user == lawyer


def test_staff_move_an_application_through_review_decision_and_assignment(
    admin_client, django_capture_on_commit_callbacks
):
    application = make_application()
    lawyer = staff_user("lawyer", "view_legalaidapplication", "change_legalaidapplication")
    lawyer.groups.add(Group.objects.get(name="律师"))
    url = f"{ADMIN_LIST}edit/{application.pk}/"
    steps = [
        {"status": "reviewing"},
        {"status": "approved", "note": "经审查符合法律援助条件。"},
        {"status": "assigned", "assigned_lawyer": lawyer.pk, "assigned_organisation": "清江明理律师事务所"},
        {"status": "closed"},
    ]
    for step in steps:
        application.refresh_from_db()
        with django_capture_on_commit_callbacks(execute=True):
            assert admin_client.post(url, admin_data(application, **step)).status_code == 302, step
    application.refresh_from_db()
    assert application.status == AidStatus.CLOSED and application.assigned_lawyer == lawyer
    history = list(application.events.values_list("to_status", "note"))
    assert [status for status, _note in history] == ["reviewing", "approved", "assigned", "closed"]
    assert ("approved", "经审查符合法律援助条件。") in history
    assert ("assigned", "已指派清江明理律师事务所承办。") in history
    assert [message.to for message in mail.outbox] == [["lawyer@example.com"]]
    assert application.tracking_number in mail.outbox[0].subject and VALID_ID not in mail.outbox[0].body


def lawyer_options(html):
    """The (value, label) pairs of the edit form's 承办律师 select."""
    select = re.search(r'<select name="assigned_lawyer"[^>]*>(.*?)</select>', html, re.S).group(1)
    return re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select)


def test_the_lawyer_list_offers_only_active_members_of_the_lawyers_group_by_name(admin_client):
    lawyers = Group.objects.get(name="律师")
    wang = get_user_model().objects.create_user("wang_ls", last_name="王", first_name="明理")
    wang.groups.add(lawyers)
    unnamed = get_user_model().objects.create_user("li_ls")
    unnamed.groups.add(lawyers)
    retired = get_user_model().objects.create_user("zhao_ls", last_name="赵", first_name="退", is_active=False)
    retired.groups.add(lawyers)
    get_user_model().objects.create_user("clerk", last_name="孙", first_name="文员")
    application = make_application(status=AidStatus.APPROVED)
    html = admin_client.get(f"{ADMIN_LIST}edit/{application.pk}/").content.decode()
    assert [option for option in lawyer_options(html) if option[0]] == [
        (str(unnamed.pk), "li_ls"),
        (str(wang.pk), "王明理"),
    ]


def test_assigning_someone_outside_the_lawyers_group_is_refused_and_changes_nothing(admin_client):
    clerk = get_user_model().objects.create_user("clerk", last_name="孙", first_name="文员")
    application = make_application(status=AidStatus.APPROVED)
    response = admin_client.post(
        f"{ADMIN_LIST}edit/{application.pk}/",
        admin_data(application, status="assigned", assigned_lawyer=clerk.pk, assigned_organisation="某律所"),
    )
    assert response.status_code == 200 and "选择一个有效的选项" in response.content.decode()
    application.refresh_from_db()
    assert application.status == AidStatus.APPROVED and application.assigned_lawyer is None
    assert not application.events.exists()


def test_an_application_keeps_its_lawyer_after_they_leave_the_group(admin_client):
    former = get_user_model().objects.create_user("former", last_name="钱", first_name="律")
    application = make_application(status=AidStatus.ASSIGNED, assigned_lawyer=former, assigned_organisation="某律所")
    html = admin_client.get(f"{ADMIN_LIST}edit/{application.pk}/").content.decode()
    assert (str(former.pk), "钱律") in lawyer_options(html)
    response = admin_client.post(f"{ADMIN_LIST}edit/{application.pk}/", admin_data(application, status="closed"))
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == AidStatus.CLOSED and application.assigned_lawyer == former


@pytest.mark.parametrize(
    ("start", "overrides", "message"),
    [
        (AidStatus.SUBMITTED, {"status": "refused"}, "不予法律援助时请写明理由"),
        (AidStatus.SUBMITTED, {"status": "needs_materials"}, "请写明需要补充的材料"),
        (AidStatus.SUBMITTED, {"status": "closed"}, "Select a valid choice"),
        (AidStatus.APPROVED, {"status": "assigned"}, "请指派承办律师或填写承办机构。"),
    ],
)
def test_invalid_admin_changes_are_refused_and_change_nothing(admin_client, start, overrides, message):
    application = make_application(status=start)
    response = admin_client.post(f"{ADMIN_LIST}edit/{application.pk}/", admin_data(application, **overrides))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html or "选择一个有效的选项" in html
    application.refresh_from_db()
    assert application.status == start and not application.events.exists()


def test_a_refusal_with_reasons_is_shown_to_the_applicant(client, home, admin_client):
    application, code = submitted(client)
    admin_client.post(
        f"{ADMIN_LIST}edit/{application.pk}/",
        admin_data(application, status="refused", decision_reason="申请人家庭收入高于本市经济困难标准。"),
    )
    html = client.post(QUERY, {"tracking_number": application.tracking_number, "query_code": code}).content.decode()
    assert "不予法律援助" in html and "申请人家庭收入高于本市经济困难标准。" in html


def test_nobody_adds_applications_in_the_admin(admin_client):
    assert f"{ADMIN_LIST}add/" not in admin_client.get(ADMIN_LIST).content.decode()
    assert admin_client.get(f"{ADMIN_LIST}add/").status_code in (302, 403)


def test_staff_download_attachments_and_each_download_is_logged(admin_client, client, home, private_root):
    content = pdf_bytes()
    client.post(APPLY, {**form_data(), "attachments": [upload(content=content)]})
    attachment = LegalAidAttachment.objects.get()
    response = admin_client.get(f"{ADMIN_LIST}attachment/{attachment.pk}/")
    assert response.status_code == 200 and b"".join(response.streaming_content) == content
    assert "attachment" in response["Content-Disposition"]
    assert ModelLogEntry.objects.filter(action="legal_services.download_attachment").count() == 1
    assert client.get(f"{ADMIN_LIST}attachment/{attachment.pk}/").status_code == 302  # not signed in


# Commands


def test_purge_deletes_applications_closed_longer_ago_than_the_period_with_their_files(
    home, private_root, settings, django_capture_on_commit_callbacks
):
    with time_machine.travel(NOW - timedelta(days=40), tick=False):
        old = make_application(status=AidStatus.CLOSED, assigned_organisation="某律所")
        refused = make_application(status=AidStatus.REFUSED, decision_reason="不符合条件。")
        open_application = make_application()
        LegalAidAttachment.objects.create(
            application=old, file=SimpleUploadedFile("old.pdf", b"%PDF"), original_name="old.pdf", size=4
        )
    with time_machine.travel(NOW - timedelta(days=10), tick=False):
        recent = make_application(status=AidStatus.CLOSED, assigned_organisation="某律所")
    assert files_under(private_root)
    out = StringIO()
    with time_machine.travel(NOW, tick=False), django_capture_on_commit_callbacks(execute=True):
        call_command("purge_legal_aid", "--days", "30", stdout=out)
    assert "已删除 2 份" in out.getvalue()
    assert set(LegalAidApplication.objects.values_list("pk", flat=True)) == {open_application.pk, recent.pk}
    assert not LegalAidApplication.objects.filter(pk__in=[old.pk, refused.pk]).exists()
    assert not files_under(private_root)
    settings.LEGAL_AID_RETENTION_DAYS = 5
    with time_machine.travel(NOW, tick=False):
        call_command("purge_legal_aid", "--dry-run", stdout=out)
        assert "将删除 1 份" in out.getvalue()
        call_command("purge_legal_aid", stdout=out)
    assert list(LegalAidApplication.objects.all()) == [open_application]
    with pytest.raises(CommandError, match="至少为1天"):
        call_command("purge_legal_aid", "--days", "0")


def test_keys_rotate_to_the_newest_and_old_keys_can_then_be_removed(settings):
    old_key, new_key = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.LEGAL_DATA_KEYS = [old_key]
    application = make_application()
    settings.LEGAL_DATA_KEYS = [new_key]
    with pytest.raises(ImproperlyConfigured):
        LegalAidApplication.objects.get(pk=application.pk)
    settings.LEGAL_DATA_KEYS = [new_key, old_key]
    assert LegalAidApplication.objects.get(pk=application.pk).id_number == VALID_ID
    out = StringIO()
    call_command("rotate_legal_keys", stdout=out)
    assert "重新加密 1 份" in out.getvalue()
    settings.LEGAL_DATA_KEYS = [new_key]
    reloaded = LegalAidApplication.objects.get(pk=application.pk)
    assert reloaded.id_number == VALID_ID and reloaded.phone == "13900001111"


def test_production_never_derives_a_key_and_uses_the_configured_ones():
    environment = {
        key: value for key, value in os.environ.items() if key not in ("LEGAL_DATA_KEYS", "DJANGO_SETTINGS_MODULE")
    }
    environment.update(
        SECRET_KEY="x" * 60, ALLOWED_HOSTS="example.gov.cn", DJANGO_SETTINGS_MODULE="portal.settings.production"
    )
    script = "import django; django.setup(); from legal_services import crypto; print(crypto.available())"

    def available(**extra):
        result = subprocess.run(
            [sys.executable, "-c", script],
            cwd=Path(__file__).resolve().parents[2],
            env={**environment, **extra},
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    assert available() == "False"
    assert available(LEGAL_DATA_KEYS=Fernet.generate_key().decode()) == "True"
