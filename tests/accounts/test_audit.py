"""The audit log: logins, lockouts, group and permission changes, phone reveals; retention and purge."""

from datetime import timedelta
from html.parser import HTMLParser

import pytest
import time_machine

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import GroupPagePermission, ModelLogEntry, Page

from accounts.checks import check_audit_retention
from tests.accounts.helpers import login
from tests.mailbox.helpers import make_letter, make_staff

pytestmark = pytest.mark.django_db


def entries(action):
    return ModelLogEntry.objects.filter(action=action).order_by("pk")


def test_logins_failures_and_lockouts_are_logged(client, staff, admin_user):
    login(client, "zhangsan", "Wrong-password-123", ip="203.0.113.7")
    login(client, "nobody", "Wrong-password-123", ip="203.0.113.7")
    failed = list(entries("accounts.login_failed"))
    assert [entry.data["username"] for entry in failed] == ["zhangsan", "nobody"]
    assert failed[0].object_id == str(staff.pk) and failed[0].data["ip"] == "203.0.113.7"
    assert failed[1].label == "nobody（账号不存在）"

    for _ in range(4):
        login(client, "zhangsan", "Wrong-password-123", ip="203.0.113.8")
    lockout = entries("accounts.lockout").get()
    assert lockout.object_id == str(staff.pk) and lockout.data["failures"] == 5

    login(client, "zhangsan", ip="198.51.100.1")  # refused: the account is locked
    assert entries("accounts.login_failed").last().data["refused_locked"] is True
    call_command("unlock_account", "zhangsan", stdout=None)
    assert entries("accounts.unlock").exists()
    login(client, "zhangsan", ip="198.51.100.1")
    success = entries("accounts.login").get()
    assert success.user == staff and success.data["ip"] == "198.51.100.1"

    client.force_login(admin_user)
    html = client.get("/admin/reports/site-history/").content.decode()
    assert "登录失败：登录名“nobody”（来源地址 203.0.113.7）" in html
    assert "连续登录失败5次" in html and "登录成功（来源地址 198.51.100.1）" in html
    assert "登录失败：登录名“nobody”" in html


def test_group_and_permission_changes_name_what_changed(client, admin_user, staff):
    editors = Group.objects.create(name="编辑组")
    client.force_login(admin_user)
    staff.groups.add(editors)
    assert entries("accounts.user_groups").last().data == {"added": ["编辑组"], "removed": []}
    editors.user_set.remove(staff)
    assert entries("accounts.user_groups").last().data == {"added": [], "removed": ["编辑组"]}
    staff.groups.add(editors)
    staff.groups.clear()
    assert entries("accounts.user_groups").last().data["removed"] == ["编辑组"]

    permission = Permission.objects.get(codename="access_admin")
    editors.permissions.add(permission)
    assert "wagtailadmin.access_admin" in entries("accounts.group_permissions").last().data["added"][0]
    staff.user_permissions.remove(permission)  # staff had it from the factory
    assert entries("accounts.user_permissions").last().data["removed"]

    root = Page.get_first_root_node()
    row = GroupPagePermission.objects.create(
        group=editors, page=root, permission=Permission.objects.get(codename="add_page")
    )
    assert entries("accounts.group_permissions").last().data["added"][0].startswith(f"页面“{root.title}”")
    row.delete()
    assert entries("accounts.group_permissions").last().data["removed"][0].startswith(f"页面“{root.title}”")
    assert not ModelLogEntry.objects.filter(action__startswith="accounts.", data={}).exists()


class FormFields(HTMLParser):
    """The values a browser would post from a page's forms: text and hidden inputs, ticked boxes, selections."""

    def __init__(self):
        super().__init__()
        self.data, self.select = [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") not in ("checkbox", "radio") or "checked" in attrs:
                self.data.append((name, attrs.get("value", "on" if attrs.get("type") == "checkbox" else "")))
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and "selected" in attrs:
            self.data.append((self.select, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self.data.append((name, ""))

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None


def test_page_permissions_added_in_wagtails_group_editor_are_logged(client, admin_user):
    editors = Group.objects.create(name="编辑组")
    root = Page.get_first_root_node()
    client.force_login(admin_user)
    url = f"/admin/groups/edit/{editors.pk}/"
    parser = FormFields()
    parser.feed(client.get(url).content.decode())
    data = {}
    for name, value in parser.data:
        data.setdefault(name, []).append(value)
    data["name"] = ["编辑组"]
    data["page_permissions-TOTAL_FORMS"] = ["1"]
    data["page_permissions-0-page"] = [str(root.pk)]
    data["page_permissions-0-permissions"] = ["add_page", "change_page"]
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert GroupPagePermission.objects.filter(group=editors).count() == 2  # bulk-created: no signal
    added = entries("accounts.group_permissions").filter(object_id=str(editors.pk)).last().data["added"]
    assert len(added) == 2 and all(name.startswith(f"页面“{root.title}”") for name in added)


def test_every_reveal_of_a_letter_writer_s_phone_is_logged(client):
    office = make_staff("office", "handle_letter", "view_letter")
    letter, _code = make_letter(phone="13800001234")
    client.force_login(office)
    page = client.get(f"/admin/mailbox/letters/{letter.pk}/").content.decode()
    assert "138****1234" in page and "13800001234" not in page
    assert client.get(f"/admin/mailbox/letters/{letter.pk}/phone/").status_code == 405
    for _ in range(2):
        revealed = client.post(f"/admin/mailbox/letters/{letter.pk}/phone/").content.decode()
        assert "13800001234" in revealed
    assert entries("mailbox.reveal_phone").filter(user=office, object_id=str(letter.pk)).count() == 2


def test_audit_entries_cannot_be_deleted_from_the_admin(client, admin_user, staff):
    login(client, "zhangsan", "Wrong-password-123")
    client.force_login(admin_user)
    count = ModelLogEntry.objects.count()
    assert client.post("/admin/reports/site-history/", {"action": "delete"}).status_code == 405
    assert ModelLogEntry.objects.count() == count


def test_purge_removes_only_entries_older_than_the_retention(client, staff, settings, capsys):
    old_time = timezone.now() - timedelta(days=200)
    with time_machine.travel(old_time, tick=False):
        login(client, "nobody", "Wrong-password-123")
    with time_machine.travel(timezone.now() - timedelta(days=170), tick=False):
        login(client, "zhangsan", "Wrong-password-123")
    call_command("purge_audit_log", "--dry-run")
    assert "其他日志1条" in capsys.readouterr().out
    assert entries("accounts.login_failed").count() == 2
    call_command("purge_audit_log")
    assert [entry.data["username"] for entry in entries("accounts.login_failed")] == ["zhangsan"]

    settings.PORTAL_AUDIT_RETENTION_DAYS = 400
    call_command("purge_audit_log")
    assert entries("accounts.login_failed").count() == 1


def test_a_retention_below_180_days_is_refused(settings):
    settings.PORTAL_AUDIT_RETENTION_DAYS = 90
    assert [error.id for error in check_audit_retention(None)] == ["accounts.E001"]
    with pytest.raises(Exception, match="不能少于180天"):
        call_command("purge_audit_log")
