"""A solved captcha and a one-time submission key each let exactly one request through, even at the same instant.

The sequential tests run everywhere. The concurrent ones post from real threads with their own database
connections, so they need a database that lets writers run side by side: on SQLite (one writer at a
time, and the in-memory test database locks whole tables) they are skipped; run them with
``DATABASE_URL=postgres://…`` as CI does.
"""

import threading

import pytest
from captcha.conf import settings as captcha_settings
from captcha.models import CaptchaStore

from django.db import IntegrityError, connection, connections
from django.test import Client

from legal_services.models import LegalAidApplication, Question
from mailbox.models import Letter
from mediation.models import MediationRequest
from tests.intake.helpers import legal_aid_data, letter_data, mediation_data, question_data

FORMS = {
    "question": ("/legal/ask/", question_data, Question, "/legal/ask/done/"),
    "legal_aid": ("/legal/aid/", legal_aid_data, LegalAidApplication, "/legal/aid/done/"),
    "mediation": ("/zztj/apply/", mediation_data, MediationRequest, "/zztj/apply/done/"),
    "letter": ("/mailbox/write/", letter_data, Letter, "/mailbox/write/done/"),
}
PARALLEL = 10
needs_concurrent_writers = pytest.mark.skipif(
    connection.vendor == "sqlite", reason="SQLite runs one writer at a time; run with DATABASE_URL on PostgreSQL"
)


@pytest.fixture
def real_captcha(settings, monkeypatch):
    """Captchas must really be solved ("PASSED" no longer passes)."""
    settings.CAPTCHA_TEST_MODE = False
    monkeypatch.setattr(captcha_settings, "CAPTCHA_TEST_MODE", False)

    def solved():
        hashkey = CaptchaStore.generate_key()
        return {"captcha_0": hashkey, "captcha_1": CaptchaStore.objects.get(hashkey=hashkey).response.upper()}

    return solved


def in_parallel(posts):
    """Run the callables at the same instant from threads with their own connections; returns their responses."""
    barrier = threading.Barrier(len(posts))
    responses, errors = [None] * len(posts), []

    def run(index, post):
        try:
            barrier.wait()
            responses[index] = post()
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index, post)) for index, post in enumerate(posts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    return responses


# One after the other


@pytest.mark.django_db
@pytest.mark.parametrize("form", FORMS)
def test_a_resent_form_stores_one_request_and_shows_the_first_receipt(client, home, mediation_column, form):
    url, data, model, done = FORMS[form]
    posted = data(client)
    first = client.post(url, posted)
    second = client.post(url, {**posted, "title": "改过的标题也不会再存一条"})
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == done
    assert model.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("form", FORMS)
def test_a_solved_captcha_is_good_for_one_request_only(home, mediation_column, real_captcha, form):
    url, data, model, _done = FORMS[form]
    captcha = real_captcha()
    first, second = Client(REMOTE_ADDR="10.0.0.1"), Client(REMOTE_ADDR="10.0.0.2")
    assert first.post(url, {**data(first), **captcha}).status_code == 302
    response = second.post(url, {**data(second, phone="13900001111"), **captcha})
    assert response.status_code == 200 and "验证码" in response.content.decode()
    assert model.objects.count() == 1


@pytest.mark.django_db
def test_a_wrong_answer_uses_the_captcha_up(home, real_captcha):
    captcha = real_captcha()
    client = Client()
    client.post("/legal/ask/", {**question_data(client), **captcha, "captcha_1": "WRONG"})
    assert client.post("/legal/ask/", {**question_data(client), **captcha}).status_code == 200
    assert not Question.objects.exists()


@pytest.mark.django_db
def test_the_question_key_is_unique_in_the_database(home):
    Question.objects.create(
        category="policy",
        name="甲",
        phone="13800000000",
        title="标题五个字",
        content="内容十个字以上的问题",
        submission_key="k",
    )
    with pytest.raises(IntegrityError):
        Question.objects.create(
            category="policy",
            name="乙",
            phone="13800000001",
            title="标题五个字",
            content="内容十个字以上的问题",
            submission_key="k",
        )


# At the same instant


@needs_concurrent_writers
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("form", FORMS)
def test_one_solved_captcha_in_ten_parallel_posts_stores_one_request(home, mediation_column, real_captcha, form):
    url, data, model, _done = FORMS[form]
    captcha = real_captcha()
    clients = [Client(REMOTE_ADDR=f"10.0.0.{index}") for index in range(PARALLEL)]
    prepared = [{**data(client, phone=f"1390000{index:04d}"), **captcha} for index, client in enumerate(clients)]
    responses = in_parallel(
        [
            lambda client=client, posted=posted: client.post(url, posted)
            for client, posted in zip(clients, prepared, strict=True)
        ]
    )
    assert all(response.status_code < 500 for response in responses)
    assert sorted(response.status_code for response in responses) == [200] * (PARALLEL - 1) + [302]
    assert model.objects.count() == 1


@needs_concurrent_writers
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("form", FORMS)
def test_a_double_click_stores_one_request_and_both_clicks_reach_the_receipt(home, mediation_column, form):
    url, data, model, done = FORMS[form]
    client = Client()
    posted = data(client)
    responses = in_parallel([lambda: client.post(url, posted) for _click in range(2)])
    assert [response.status_code for response in responses] == [302, 302]
    assert {response["Location"] for response in responses} == {done}
    assert model.objects.count() == 1
