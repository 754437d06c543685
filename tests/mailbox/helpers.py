"""Helpers the mailbox tests share: the public form, letters, staff with their roles, tiny valid files."""

import io
import re
from datetime import datetime
from zoneinfo import ZoneInfo

from PIL import Image

from django.core.files.uploadedfile import SimpleUploadedFile

from mailbox import workflow
from tests.intake import helpers as intake_helpers
from tests.mailbox.factories import CONTENT, TITLE, LetterFactory
from tests.portal.factories import UserFactory
from tests.review.factories import ReportingUnitFactory

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 25, 10, 30, tzinfo=SHANGHAI)  # a Wednesday
WRITE_URL = "/mailbox/write/"
QUERY_URL = "/mailbox/query/"
RATE_URL = "/mailbox/rate/"
ADMIN_URL = "/admin/mailbox/"


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return buffer.getvalue()


def pdf_bytes():
    return intake_helpers.pdf_bytes()


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def submission_key(client):
    html = client.get(WRITE_URL).content.decode()
    return re.search(r'name="submission_key" value="([^"]+)"', html).group(1)


def letter_data(client, **overrides):
    data = {
        "name": "王小明",
        "phone": "138 0000 1234",
        "email": "",
        "category": "complaint",
        "title": TITLE,
        "content": CONTENT,
        "captcha_0": "x",
        "captcha_1": "PASSED",
        "submission_key": submission_key(client),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def receipt_of(response):
    html = response.content.decode()
    number = re.search(r'data-receipt="number">([^<]+)<', html).group(1)
    code = re.search(r'data-receipt="code">(\d{10})<', html).group(1)
    return number, code


def submit(client, **overrides):
    """Send a valid letter through the public form; returns (number, query code) from the receipt."""
    response = client.post(WRITE_URL, letter_data(client, **overrides), follow=True)
    return receipt_of(response)


def make_letter(**fields):
    """A letter stored the way the public form stores it; returns (letter, query code)."""
    if fields.get("key") is None:
        fields.pop("key", None)
    letter = LetterFactory(**fields)
    return letter, letter.plain_query_code


def make_staff(username, *codenames, units=()):
    """A staff member with the admin access and the given mailbox permissions, member of ``units``."""
    user = UserFactory(username=username, password="x-secret-123456", permissions=("access_admin", *codenames))
    for unit in units:
        unit.letter_handlers.add(user)
    return user


def letter_unit(name, **fields):
    """A unit of the shared list that only handles letters."""
    fields = {"category": "other", "reports_items": False, "handles_letters": True, **fields}
    return ReportingUnitFactory(name=name, **fields)


def replied_letter(office, leader, unit, reply="经核查，已安排城管中队每日早高峰巡查，占道经营已清理。", **fields):
    """A letter taken through the whole workflow to a published reply."""
    letter, code = make_letter(**fields)
    workflow.accept(letter, office)
    workflow.forward(letter, office, unit, letter.due_date)
    workflow.draft_reply(letter, office, reply)
    letter = workflow.approve_reply(letter, leader)
    return letter, code
