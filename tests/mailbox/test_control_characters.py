"""NUL, other control characters and the right-to-left override are refused in every public field and
URL of the mailbox with a Chinese message, before any query (NUL gives a 500 on PostgreSQL otherwise)."""

import pytest
from captcha.conf import settings as captcha_settings

from django.core.cache import cache

from mailbox.models import Letter
from portal.validators import CONTROL_CHARACTERS_MESSAGE
from tests.mailbox.helpers import QUERY_URL, RATE_URL, WRITE_URL, letter_data, make_letter

pytestmark = pytest.mark.django_db

BAD = ["\x00", "\x1b", "\u202e", "\x7f"]


@pytest.fixture(autouse=True)
def passing_captcha(settings, monkeypatch):
    settings.CAPTCHA_TEST_MODE = True
    monkeypatch.setattr(captcha_settings, "CAPTCHA_TEST_MODE", True)
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize("bad", BAD)
@pytest.mark.parametrize(
    "field", ["name", "phone", "email", "title", "content", "captcha_0", "captcha_1", "submission_key"]
)
def test_write_form_refuses_control_characters(client, field, bad):
    data = letter_data(client)
    data[field] = data[field] + bad if data[field] else "a" + bad
    response = client.post(WRITE_URL, data)
    assert response.status_code == 200
    assert CONTROL_CHARACTERS_MESSAGE in response.content.decode()
    assert not Letter.objects.exists()


@pytest.mark.parametrize("bad", BAD)
@pytest.mark.parametrize("url", [QUERY_URL, RATE_URL])
@pytest.mark.parametrize("field", ["number", "query_code"])
def test_query_and_rating_refuse_control_characters(client, url, field, bad):
    letter, code = make_letter()
    data = {"number": letter.number, "query_code": code, "rating": "satisfied", field: f"SJ{bad}"}
    response = client.post(url, data)
    assert response.status_code == 200
    assert CONTROL_CHARACTERS_MESSAGE in response.content.decode()


@pytest.mark.parametrize(
    "path", ["/mailbox/letters/SJ%00X/", "/mailbox/letters/SJ%E2%80%AEX/", "/mailbox/letters/SJ%1BX/"]
)
def test_letter_urls_with_control_characters_are_not_found(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("query", ["?q=%00", "?q=a%E2%80%AE&category=%00", "?page=%00"])
def test_the_letter_list_ignores_control_characters(client, query):
    assert client.get("/mailbox/" + query).status_code == 200
