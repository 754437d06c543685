"""Helpers and fixtures the mailbox tests share: letters, staff with their roles, tiny valid files."""

import io
import re
import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from PIL import Image

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from mailbox import workflow
from mailbox.models import HandlingUnit

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 25, 10, 30, tzinfo=SHANGHAI)  # a Wednesday
WRITE_URL = "/mailbox/write/"
QUERY_URL = "/mailbox/query/"
RATE_URL = "/mailbox/rate/"
ADMIN_URL = "/admin/mailbox/"
TITLE = "小区门口占道经营影响通行"
CONTENT = "青石镇建设路小区门口每天早上有流动摊贩占道经营，车辆和行人通行困难，希望有关部门加强管理。"


@pytest.fixture(autouse=True)
def private_media_root(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return buffer.getvalue()


def pdf_bytes():
    return b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


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
    data = {
        "name": "李四",
        "phone": "13800000000",
        "email": "",
        "category": "consult",
        "title": TITLE,
        "content": CONTENT,
        "allow_publish": True,
    }
    key = fields.pop("key", None)
    data.update(fields)
    return workflow.submit_letter(data, key or uuid.uuid4().hex)


def make_staff(username, *codenames, units=()):
    user = get_user_model().objects.create_user(username, f"{username}@example.gov.cn", "x-secret-123456")
    codenames = ("access_admin", *codenames)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    for unit in units:
        unit.members.add(user)
    return user


@pytest.fixture
def unit(db):
    return HandlingUnit.objects.create(name="青石镇人民政府")


@pytest.fixture
def other_unit(db):
    return HandlingUnit.objects.create(name="市公安局交警支队")


@pytest.fixture
def office(db):
    return make_staff("office", "handle_letter", "view_letter")


@pytest.fixture
def leader(db):
    return make_staff("leader", "approve_letter")


@pytest.fixture
def unit_staff(unit):
    return make_staff("unitstaff", "reply_letter", units=[unit])


@pytest.fixture
def other_unit_staff(other_unit):
    return make_staff("otherstaff", "reply_letter", units=[other_unit])


def replied_letter(office, leader, unit, reply="经核查，已安排城管中队每日早高峰巡查，占道经营已清理。", **fields):
    """A letter taken through the whole workflow to a published reply."""
    letter, code = make_letter(**fields)
    workflow.accept(letter, office)
    workflow.forward(letter, office, unit, letter.due_date)
    workflow.draft_reply(letter, office, reply)
    letter = workflow.approve_reply(letter, leader)
    return letter, code
