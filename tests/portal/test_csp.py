"""The Content-Security-Policy header: no inline script, everything from the site itself."""

import re

import pytest

from django.http import HttpResponse
from django.template import engines

from portal.middleware import ContentSecurityPolicyMiddleware
from tests.portal.factories import UserFactory


def directives(response):
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split("; ")}


@pytest.fixture
def public_policy(client, home):
    return directives(client.get("/"))


def test_public_pages_get_the_strict_policy(public_policy):
    assert public_policy["default-src"] == ["'self'"]
    assert public_policy["script-src"] == ["'self'"]  # no nonce when no template asked for one
    assert public_policy["style-src"] == ["'self'"]
    assert public_policy["img-src"] == ["'self'", "data:", "blob:"]
    assert public_policy["media-src"] == ["'self'"]
    assert public_policy["object-src"] == ["'none'"]
    assert public_policy["frame-ancestors"] == ["'self'"]
    assert public_policy["base-uri"] == ["'self'"]
    assert public_policy["form-action"] == ["'self'"]


def test_no_unsafe_sources_on_the_public_site(public_policy):
    assert not any("unsafe" in source for sources in public_policy.values() for source in sources)


@pytest.mark.parametrize("path", ["/mailbox/write/", "/search/?q=法治", "/legal/", "/no-such-page/"])
def test_every_kind_of_public_response_has_it(client, home, path):
    response = client.get(path)
    assert directives(response)["script-src"][0] == "'self'"
    assert "Permissions-Policy" in response


def test_public_pages_have_no_inline_script(client, home, news_item):
    for path in ["/", news_item.url, "/mailbox/write/"]:
        html = client.get(path).content.decode()
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in tag or 'type="application/json"' in tag or "nonce=" in tag, (path, tag)
        assert not re.search(r"\son[a-z]+=\"", html), path


def test_a_nonce_requested_by_a_template_is_in_the_header(rf):
    template = engines["django"].from_string('<script nonce="{{ request.csp_nonce }}">run()</script>')

    def view(request):
        return HttpResponse(template.render({}, request))

    request = rf.get("/")
    response = ContentSecurityPolicyMiddleware(view)(request)
    nonce = re.search(r'nonce="([^"]+)"', response.content.decode()).group(1)
    assert f"'nonce-{nonce}'" in directives(response)["script-src"]


def test_redirects_carry_the_policy_too(client, db):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "Content-Security-Policy" in response


@pytest.mark.parametrize("path", ["/admin/login/", "/admin/password_reset/"])
def test_admin_sign_in_pages_keep_the_strict_policy(client, db, path):
    assert directives(client.get(path))["script-src"] == ["'self'"]


def test_two_factor_pages_keep_the_strict_policy(client, home, settings):
    settings.PORTAL_REQUIRE_2FA = True
    client.force_login(UserFactory(superuser=True))
    response = client.get("/admin/2fa/setup/")
    assert response.status_code == 200
    assert directives(response)["script-src"] == ["'self'"]


def test_the_admin_runs_wagtails_own_inline_initialisers_under_a_nonce(client, home):
    client.force_login(UserFactory(superuser=True))
    response = client.get(f"/admin/pages/{home.pk}/edit/")
    assert response.status_code == 200
    policy = directives(response)
    assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
    nonce = next(source for source in policy["script-src"] if source.startswith("'nonce-"))[7:-1]
    html = response.content.decode()
    inline = re.findall(r"<script(?: nonce=\"([^\"]*)\")?>", html)
    assert inline and set(inline) == {nonce}  # every inline script Wagtail wrote carries this request's nonce
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]


@pytest.mark.parametrize(
    "injected",
    [
        "alert(1)",
        'new PageChooser("id", {}); alert(1);',
        'new Function("alert(1)")();',
        'initDateChooser("id", {"a": 1}) + alert(1);',
        '(function() { var panel = new InlinePanel(JSON.parse("{}")); alert(1); })();',
        'new InlinePanel(JSON.parse("x" + alert(1)));',
    ],
)
def test_an_inline_script_that_is_not_a_wagtail_initialiser_gets_no_nonce(rf, injected):
    known = 'new PageChooser("id_page", {"modelNames": ["wagtailcore.page"], "canChooseRoot": false});'
    html = f"<html><body><script>{known}</script><script>{injected}</script></body></html>"
    response = ContentSecurityPolicyMiddleware(lambda request: HttpResponse(html))(rf.get("/admin/pages/1/edit/"))
    body = response.content.decode()
    nonce = re.search(r'<script nonce="([^"]+)">new PageChooser', body).group(1)
    assert f"'nonce-{nonce}'" in directives(response)["script-src"]
    assert f"<script>{injected}</script>" in body


def test_printed_sheets_need_no_inline_script(client, home):
    staff = UserFactory(superuser=True)
    client.force_login(staff)
    html = client.get("/admin/assessment/print/").content.decode()
    assert "onclick" not in html and "<style" not in html
    assert "data-print" in html


@pytest.mark.parametrize("media_type", ["audio", "video"])
def test_the_media_upload_form_script_carries_the_nonce(client, home, media_type):
    client.force_login(UserFactory(superuser=True))
    response = client.get(f"/admin/media/{media_type}/add/")
    assert response.status_code == 200
    nonce = next(source for source in directives(response)["script-src"] if source.startswith("'nonce-"))[7:-1]
    assert set(re.findall(r"<script(?: nonce=\"([^\"]*)\")?>", response.content.decode())) == {nonce}
