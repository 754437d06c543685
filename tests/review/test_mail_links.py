"""Links in the review mails point at the site's configured address, never at localhost."""

import pytest

from django.core import mail

from tests.portal.helpers import SITE_ADDRESS, assert_links_on_site, serve_site_at
from tests.review.helpers import approve, submit_item, through_check

pytestmark = pytest.mark.django_db


def test_sign_request_and_publication_notice_link_to_the_site_address(
    client, people, django_capture_on_commit_callbacks
):
    serve_site_at()
    with django_capture_on_commit_callbacks(execute=True):
        page = submit_item(client, people.correspondent, people.news_column)
    sign_requests = [message for message in mail.outbox if message.subject.startswith("【待签字】")]
    assert len(sign_requests) == 1
    assert_links_on_site(sign_requests[0])
    assert f"{SITE_ADDRESS}/admin/pages/{page.pk}/edit/" in sign_requests[0].body

    through_check(client, people, page)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        approve(client, people.final, page, comment="同意发布。")
    notices = [message for message in mail.outbox if message.subject.startswith("【信息已发布】")]
    assert len(notices) == 1
    assert_links_on_site(notices[0])
    page.refresh_from_db()
    assert f"{SITE_ADDRESS}{page.url}" in notices[0].body and f"{SITE_ADDRESS}/admin/" in notices[0].body
