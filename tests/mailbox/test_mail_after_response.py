"""The writer's receipt reaches the browser before any mail server is tried (issue 13, item 10): over a real
HTTP connection to the live server, with a mail server that accepts and never answers."""

import http.cookiejar
import re
import time
import urllib.parse
import urllib.request

import pytest

from mailbox.models import Letter
from portal.notify.models import OutboxMessage
from tests.mailbox.factories import CONTENT, TITLE
from tests.portal.servers import SilentSmtpServer

MAIL_TIMEOUT = 6


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.mark.django_db(transaction=True)
def test_the_receipt_is_sent_before_the_silent_mail_server_is_tried(live_server, home, office, settings):
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect())
    html = opener.open(f"{live_server.url}/mailbox/write/", timeout=30).read().decode()
    form = {
        "csrfmiddlewaretoken": re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1),
        "submission_key": re.search(r'name="submission_key" value="([^"]+)"', html).group(1),
        "name": "王小明",
        "phone": "13800001234",
        "email": "wang@example.com",
        "category": "complaint",
        "title": TITLE,
        "content": CONTENT,
        "captcha_0": "x",
        "captcha_1": "PASSED",
    }
    request = urllib.request.Request(
        f"{live_server.url}/mailbox/write/",
        data=urllib.parse.urlencode(form).encode(),
        headers={"Referer": f"{live_server.url}/mailbox/write/"},
    )
    with SilentSmtpServer() as smtp:
        smtp.configure(settings, timeout=MAIL_TIMEOUT)
        started = time.monotonic()
        try:
            opener.open(request, timeout=30)
        except urllib.error.HTTPError as redirect:
            status, location = redirect.code, redirect.headers["Location"]
        answered = time.monotonic() - started
        deadline = time.monotonic() + MAIL_TIMEOUT + 20
        while not OutboxMessage.objects.filter(attempts__gt=0).exists() and time.monotonic() < deadline:
            time.sleep(0.2)  # the server thread tries the silent mail server after the response
    assert status == 302 and location == "/mailbox/write/done/"
    assert answered < MAIL_TIMEOUT  # the redirect to the receipt did not wait for the mail server
    assert Letter.objects.count() == 1
    tried = OutboxMessage.objects.get(recipient="wang@example.com")
    assert tried.attempts == 1 and "timed out" in tried.last_error
