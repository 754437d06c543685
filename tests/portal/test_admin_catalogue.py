"""The project catalogue that fills the admin strings Wagtail 8 leaves untranslated, and the admin's language.

The walk through the admin pages as each role is in tests/review/test_admin_chinese.py.
"""

import subprocess
import sys
from pathlib import Path

import polib
import pytest

from django.conf import settings
from django.contrib.auth.password_validation import MinimumLengthValidator
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext, ngettext

from wagtail.models import Collection, Page, Task, Workflow
from wagtail.users.models import UserProfile

from tests.portal.factories import UserFactory

ROOT = Path(settings.BASE_DIR)
CATALOGUE = ROOT / "portal" / "locale" / "zh_Hans" / "LC_MESSAGES"


def test_the_catalogue_translates_every_string_the_installed_wagtail_leaves_untranslated():
    """Fails after an upgrade that brings new strings: run the script with --update and translate them."""
    result = subprocess.run(
        [sys.executable, "scripts/wagtail_untranslated.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[:3000] + result.stderr


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_the_committed_mo_files_are_compiled_from_the_po_files(domain):
    """The .mo files are committed (nothing compiles them at install); they must hold what the .po says."""
    source = polib.pofile(str(CATALOGUE / f"{domain}.po"))
    compiled = polib.mofile(str(CATALOGUE / f"{domain}.mo"))

    def translations(catalogue):
        found = {}
        for entry in catalogue:
            text = entry.msgstr or (entry.msgstr_plural or {}).get(0) or (entry.msgstr_plural or {}).get("0")
            if entry.msgid and text and "fuzzy" not in entry.flags:
                found[(entry.msgctxt, entry.msgid)] = text
        return found

    assert translations(compiled) == translations(source)
    # Nothing is left untranslated: an empty entry would leave its English on screen.
    assert len(translations(source)) == len([entry for entry in source if not entry.obsolete])


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        ("Exploring", "浏览"),
        ("Search all pages…", "搜索所有页面…"),
        ("Your pages and snippets in a workflow", "您在工作流中的页面和片段"),
        ("Autosave is paused", "自动保存已暂停"),
        ("Schedule to publish", "定时发布"),
        ("Choose when this page should go live and/or expire", "选择此页面的上线和（或）过期时间"),
        ("Invalid schedule", "发布计划无效"),
        ("Date cannot be in the future.", "日期不能晚于今天。"),
    ],
)
def test_wagtail_admin_strings_are_chinese(english, chinese):
    with translation.override("zh-hans"):
        assert gettext(english) == chinese


def test_counted_strings_are_chinese():
    with translation.override("zh-hans"):
        referenced = ngettext("Referenced %(count)s time", "Referenced %(count)s times", 0) % {"count": 0}
        pages = ngettext(
            '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>',
            '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>',
            5,
        ) % {"total": 5, "site_name": "市委政法委门户网站"}
    assert referenced == "被引用 0 次"
    assert pages.startswith("5 个页面")


def test_the_password_length_rule_speaks_chinese():
    """Django 5.2's own zh_Hans catalogue lacks this message, which an official meets changing a password."""
    with translation.override("zh-hans"), pytest.raises(ValidationError) as refused:
        MinimumLengthValidator(10).validate("abc")
    assert refused.value.messages == ["密码太短。密码至少要包含 10 个字符。"]


@pytest.mark.django_db
def test_a_new_user_gets_the_chinese_admin_whatever_language_is_active():
    """Wagtail's mails and admin use the profile's language, which falls back to the active one (a browser's
    Accept-Language) when that is a permitted admin language: only Chinese is."""
    user = UserFactory()
    profile = UserProfile.get_for_user(user)
    with translation.override("en"):
        assert profile.get_preferred_language() == "zh-hans"
    assert settings.WAGTAILADMIN_PERMITTED_LANGUAGES == [("zh-hans", "简体中文")]


@pytest.mark.django_db
def test_records_wagtail_creates_in_english_have_chinese_names():
    assert Page.get_first_root_node().title == "根目录"
    assert Collection.get_first_root_node().name == "根目录"
    assert not Task.objects.filter(name="Moderators approval").exists()
    assert not Workflow.objects.filter(name="Moderators approval").exists()
