"""The shared pieces of citizen requests: the mailer, the one query form, never-cached views, the admin policy."""

import logging
from pathlib import Path

import pytest

from django.core import mail
from django.db import transaction

from intake.masking import mask_name
from mailbox.models import Letter
from mediation.models import MediationRequest
from portal import mail as portal_mail
from portal.storage import private_storage

pytestmark = pytest.mark.django_db

QUERY_PAGES = {
    "mailbox": ("/mailbox/query/", "number", "信件编号"),
    "legal_aid": ("/legal/aid/query/", "tracking_number", "受理编号"),
    "mediation": ("/zztj/query/", "tracking_number", "受理编号"),
}


def test_mail_is_sent_only_after_commit_and_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        portal_mail.send_after_commit("主题", "正文", ["b@example.com", "a@example.com", "a@example.com", ""])
        assert not mail.outbox
    assert len(callbacks) == 1
    assert [message.to for message in mail.outbox] == [["a@example.com", "b@example.com"]]


def test_a_failing_mail_server_is_logged_and_never_raised(monkeypatch, caplog, django_capture_on_commit_callbacks):
    def broken(*args, **kwargs):
        raise ConnectionRefusedError("smtp down")

    monkeypatch.setattr("portal.mail.send_mail", broken)
    with caplog.at_level(logging.ERROR, logger="portal.mail"), django_capture_on_commit_callbacks(execute=True):
        portal_mail.send_after_commit("主题", "正文", ["a@example.com"])
    assert "could not be sent" in caplog.text and "smtp down" in caplog.text
    assert portal_mail.send_now("主题", "正文", ["a@example.com"]) is False


def test_a_rolled_back_change_sends_no_mail(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        portal_mail.send_after_commit("主题", "正文", ["a@example.com"])
        raise RuntimeError("rolled back")
    assert not mail.outbox


@pytest.mark.parametrize("page", QUERY_PAGES)
def test_every_query_form_says_in_chinese_what_is_missing_and_is_never_cached(client, mediation_column, page):
    url, reference_name, label = QUERY_PAGES[page]
    response = client.post(url, {reference_name: "", "query_code": ""})
    html = response.content.decode()
    assert response.status_code == 200
    assert f"请填写{label}。" in html and "请填写查询码。" in html
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("page", QUERY_PAGES)
def test_every_query_form_answers_an_unknown_number_like_a_wrong_code(client, mediation_column, page):
    url, reference_name, label = QUERY_PAGES[page]
    response = client.post(url, {reference_name: "xx20260101-0001 ", "query_code": "0123456789"})
    assert response.status_code == 200
    assert f"{label}或查询码不正确，请核对后重新输入。" in response.content.decode()


def test_query_failures_are_rate_limited(client, mediation_column):
    for _attempt in range(10):
        client.post("/zztj/query/", {"tracking_number": "TJ20260101-0001", "query_code": "0123456789"})
    response = client.post("/zztj/query/", {"tracking_number": "TJ20260101-0001", "query_code": "0123456789"})
    assert response.status_code == 429 and "查询失败次数过多" in response.content.decode()


def test_the_query_code_is_kept_only_as_a_hash_and_finds_the_request(db):
    request = MediationRequest(tracking_number="TJ20260101-0001", submission_key="k", applicant_name="张三")
    code = request.issue_query_code()
    request.save()
    assert code not in request.query_code_hash
    assert MediationRequest.find("TJ20260101-0001", code) == request
    assert MediationRequest.find("TJ20260101-0001", "0000000000" if code != "0000000000" else "1111111111") is None
    assert MediationRequest.already_submitted("k") and not MediationRequest.already_submitted("")


@pytest.mark.parametrize(
    "url",
    [
        "/admin/snippets/mediation/mediationrequest/add/",
        "/admin/snippets/legal_services/question/add/",
        "/admin/snippets/legal_services/legalaidapplication/add/",
    ],
)
def test_nobody_adds_a_citizen_request_in_the_admin_not_even_a_superuser(admin_client, url):
    assert admin_client.get(url).status_code in (302, 403)


def test_names_are_masked_alike_everywhere():
    names = ["张三", "欧阳娜娜", " ", None]
    assert [mask_name(name) for name in names] == ["张*", "欧***", "匿名", "匿名"]
    assert Letter(name="李四").masked_name == "李*"


def test_private_files_live_under_private_media_root_and_have_no_url(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    assert Path(private_storage.path("mailbox/2026/01/a.pdf")) == tmp_path / "private" / "mailbox/2026/01/a.pdf"
    with pytest.raises(ValueError):
        private_storage.url("mailbox/2026/01/a.pdf")


def test_an_unknown_one_time_key_with_an_empty_form_gets_the_forms_errors(client):
    """A key nobody stored does not count as a resent form: the empty form is refused with its messages."""
    response = client.post("/legal/aid/", {"submission_key": "abc"})
    assert response.status_code == 200 and "请填写申请人姓名。" in response.content.decode()
