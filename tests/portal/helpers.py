"""Values the portal tests and the shared fixtures use."""

TEST_IDENTITY = {
    "site_name": "中共测试市委政法委员会",
    "city_short_name": "测试",
    "sponsor": "中共测试市委政法委员会",
    "organizer": "测试市委政法委办公室",
    "site_code": "1234567890",
    "icp_number": "测ICP备12345678号",
    "police_record_number": "测公网安备 12345678901234号",
    "police_record_link": "https://beian.mps.gov.cn/",
    "party_gov_label_link": "https://bszs.conac.cn/",
    "address": "测试市人民路1号",
    "postcode": "100000",
    "phone": "010-12345678",
    "error_report_link": "https://zfwzzc.www.gov.cn/",
}


SITE_ADDRESS = "https://www.qj-zfw.gov.cn"


def serve_site_at(hostname="www.qj-zfw.gov.cn", port=443):
    """Give the default Wagtail site its production address (port 443: https), as 设置 → 站点 would."""
    from wagtail.models import Site

    Site.objects.filter(is_default_site=True).update(hostname=hostname, port=port)


def assert_links_on_site(message):
    """Every link in the mail is on the site's address; none on localhost or 127.0.0.1."""
    text = message.subject + message.body
    assert f"{SITE_ADDRESS}/" in text, text
    assert "localhost" not in text and "127.0.0.1" not in text and "testserver" not in text, text
