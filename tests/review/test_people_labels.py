"""People appear as “姓名（职务）” in the review and assessment screens, never by their login name."""

import pytest

from review.models import PostPublicationCheck, UnitMember
from tests.review.helpers import action_url, current_task_state, login, make_user, publish_item, sign, submit_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def named(people):
    """The unit's people get positions; the committee's staff get names on their accounts."""
    UnitMember.objects.filter(user=people.correspondent).update(name="周信息", position="宣传干事")
    UnitMember.objects.filter(user=people.leader).update(name="吴局长", position="副局长")
    for user, (last, first) in ((people.office, ("郑", "办公")), (people.final, ("冯", "分管"))):
        user.last_name, user.first_name = last, first
        user.save()
    return people


def test_post_publication_handler_is_shown_by_name_and_position(client, named):
    page = publish_item(client, named)
    check = PostPublicationCheck.objects.get(page=page)
    login(client, named.correspondent)
    client.post(f"/admin/review/checks/{check.pk}/confirm/")
    login(client, named.office)
    listing = client.get("/admin/review/checks/?status=all").content.decode()
    assert "复查处理人" in listing and "周信息（宣传干事）" in listing
    assert "xxy_a" not in listing
    trail = client.get(f"/admin/review/trail/{page.pk}/").content.decode()
    assert "周信息（宣传干事）" in trail


def test_trail_names_submitter_signer_and_reviewers(client, named):
    page = publish_item(client, named)
    login(client, named.office)
    trail = client.get(f"/admin/review/trail/{page.pk}/").content.decode()
    for text in ("提交人：周信息（宣传干事）", "吴局长（副局长）", "郑办公", "冯分管"):
        assert text in trail
    for login_name in ("xxy_a", "ld_a", "office", "final"):
        assert f"<td>{login_name}</td>" not in trail
    assert client.get(f"/admin/review/trail/{page.pk}/pdf/").status_code == 200


def test_unit_form_offers_accounts_by_name_and_position(admin_client, named):
    form = admin_client.get(f"/admin/snippets/review/reportingunit/edit/{named.unit.pk}/").content.decode()
    assert ">周信息（宣传干事）</option>" in form and ">吴局长（副局长）</option>" in form
    assert ">郑办公</option>" in form
    assert ">xxy_a</option>" not in form and ">office</option>" not in form


def test_sent_back_panel_names_the_reviewer(client, named):
    page = submit_item(client, named.correspondent, named.news_column)
    sign(client, named, page)
    login(client, named.office)
    client.post(action_url(page, "reject", current_task_state(page)), {"comment": "请补充时间。"})
    login(client, named.correspondent)
    dashboard = client.get("/admin/").content.decode()
    assert "请补充时间。" in dashboard and "郑办公" in dashboard


def test_account_without_a_name_falls_back_to_its_login(client, people):
    page = publish_item(client, people)
    login(client, make_user("boss", superuser=True))
    trail = client.get(f"/admin/review/trail/{page.pk}/").content.decode()
    assert "checker" in trail  # no unit record, no name on the account: the login is all there is
