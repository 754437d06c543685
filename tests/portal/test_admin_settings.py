"""Editors manage the site identity and the home page layout in the admin."""

import pytest

from portal.models import SiteIdentity
from tests.portal.helpers import TEST_IDENTITY

pytestmark = pytest.mark.django_db


def identity_form(**overrides):
    data = {**TEST_IDENTITY, "icp_link": "https://beian.miit.gov.cn/"}
    data.update(overrides)
    return data


def settings_url(home):
    return f"/admin/settings/portal/siteidentity/{home.get_site().pk}/"


def test_admin_edits_the_site_identity_and_the_footer_follows(admin_client, client, home):
    response = admin_client.post(
        settings_url(home), identity_form(site_name="中共新名市委政法委员会", site_code="ABCDE12345")
    )
    assert response.status_code == 302
    footer = client.get("/").content.decode()
    assert "中共新名市委政法委员会" in footer and "ABCDE12345" in footer


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("site_code", "12345", "网站标识码应为10位数字或字母"),
        ("postcode", "1000", "邮政编码应为6位数字"),
        ("phone", "电话号码", "请输入有效的电话号码"),
    ],
)
def test_invalid_identity_is_refused_with_a_chinese_message_and_nothing_saved(
    admin_client, home, field, value, message
):
    before = list(SiteIdentity.objects.values())
    response = admin_client.post(settings_url(home), identity_form(**{field: value}))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert list(SiteIdentity.objects.values()) == before


def test_home_page_editor_shows_banner_and_column_panels(admin_client, home_with_columns):
    response = admin_client.get(f"/admin/pages/{home_with_columns.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "首页横幅" in html and "首页栏目" in html and "通知公告条数" in html
