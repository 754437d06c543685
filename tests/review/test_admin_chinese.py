"""Every string an official sees in the admin is Chinese, whatever language their browser asks for.

A correspondent, a unit leader and an office reviewer walk the admin pages they use with an item in
the review; any English word in the visible text (text nodes, title, placeholder and aria-label,
the strings the admin's JavaScript gets) fails, except user content and brand or technical tokens.
"""

import json
import re

import pytest

from django.core import mail

from tests.portal.admin_text import english_words, strings_of, visible_text
from tests.review.helpers import action_url, current_task_state, login, sign, submit_item

pytestmark = pytest.mark.django_db

ENGLISH_BROWSER = "en-US,en;q=0.9"

# The pages every role opens; {column} is the unit's column and {item} its item in the review.
COMMON_PAGES = [
    "/admin/",
    "/admin/pages/{column}/",
    "/admin/pages/{column}/?q=反诈",
    "/admin/pages/add/news/newspage/{column}/",
    "/admin/pages/{item}/edit/",
    "/admin/pages/{item}/history/",
    "/admin/pages/{item}/usage/",
    "/admin/pages/search/?q=反诈",
    "/admin/reports/workflow/",
    "/admin/reports/workflow_tasks/",
    "/admin/reports/site-history/",
    "/admin/reports/aging-pages/",
    "/admin/account/",
]
PAGES = {
    "correspondent": [*COMMON_PAGES, "/admin/documents/", "/admin/images/"],
    "leader": [*COMMON_PAGES, "/admin/documents/", "/admin/images/"],
    "office": COMMON_PAGES,
}


@pytest.fixture
def item(client, people):
    """An item of unit A waiting for its leader's signature."""
    return submit_item(client, people.correspondent, people.news_column)


def user_content(people):
    """Strings the officials typed themselves (user names) or the deployment chose (host name)."""
    return [user.username for user in (people.correspondent, people.leader, people.office)] + ["testserver"]


@pytest.mark.parametrize("role", ["correspondent", "leader", "office"])
def test_admin_pages_show_no_english_words(client, people, item, role):
    login(client, getattr(people, role))
    english = {}
    for page in PAGES[role]:
        url = page.format(column=people.news_column.pk, item=item.pk)
        response = client.get(url, headers={"accept-language": ENGLISH_BROWSER})
        assert response.status_code == 200, url
        html = response.content.decode()
        assert '<html lang="zh-hans"' in html, url
        chunks, config = visible_text(html)
        assert config is not None, url
        chunks += list(strings_of(config["STRINGS"]))
        for word, where in english_words(chunks, user_content(people)).items():
            english.setdefault(url, {})[word] = where
    assert english == {}


def test_the_admin_javascript_catalogue_is_chinese(client, people):
    """Every string Wagtail's admin scripts ask the catalogue for (autosave, block editor...) has Chinese."""
    login(client, people.correspondent)
    response = client.get("/admin/jsi18n/", headers={"accept-language": ENGLISH_BROWSER})
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});", response.content.decode(), re.S).group(1))
    for msgid in ("Autosave in progress…", "Changes have been autosaved.", "Insert a block", "Split block"):
        assert msgid in catalog and not english_words([str(catalog[msgid])]), msgid
    english = {msgid: text for msgid, text in catalog.items() if english_words(list(strings_of(text)))}
    assert english == {}


def test_wagtail_workflow_mails_are_chinese(client, people, item, django_capture_on_commit_callbacks):
    """The office sends the item back; Wagtail's mail to the correspondent is in Chinese, even though every
    request came from an English browser and nobody chose a language."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = ENGLISH_BROWSER
    sign(client, people, item)
    login(client, people.office)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            action_url(item, "reject", current_task_state(item)), {"comment": "请补充活动时间和地点。"}
        )
    assert response.status_code == 302
    to_correspondent = [message for message in mail.outbox if message.to == [people.correspondent.email]]
    assert to_correspondent, [message.subject for message in mail.outbox]
    for message in to_correspondent:
        assert "公安局开展反诈宣传进社区活动" in message.subject + message.body
        assert english_words([message.subject, message.body], user_content(people)) == {}
