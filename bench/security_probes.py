"""Replays the lockout and rate-limit probes of the security review against a running portal.

    DJANGO_SETTINGS_MODULE=portal.settings.production DATABASE_URL=... SECRET_KEY=... \\
        .venv/bin/python bench/security_probes.py --base-url http://127.0.0.1:8000 \\
        --username probe --password 'Probe-Password-2026'

Run it against gunicorn (or the dev server) started with the same settings and database: the script reads
each form's captcha answer from that database, as a human would read the picture, so that it is the rate
limits that answer and not the captcha. Client addresses are sent in ``--ip-header`` (X-Real-IP, as the
reverse proxy would set it; the server must have ``RATELIMIT_CLIENT_IP_HEADER=HTTP_X_REAL_IP``).

Prints, for each probe, what was accepted and what was blocked. It changes data: use a scratch database.
"""

import argparse
import http.cookiejar
import os
import sys
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

LOGIN_PATH = "/admin/login/"
# Public forms: (label, path of the page with the form).
FORMS = (
    ("书记信箱来信", "/mailbox/write/"),
    ("法律咨询提问", "/legal/ask/"),
    ("法律援助申请", "/legal/aid/"),
)
FILLERS = {
    "name": "王小明",
    "applicant_name": "王小明",
    "phone": "13800001234",
    "email": "",
    "id_number": "11010519491231002X",
    "title": "关于小区门口占道经营的问题",
    "content": "小区门口每天早上都有流动摊贩占道经营，车辆和行人通行困难，希望有关部门加强管理。",
    "description": "邻居装修噪音持续到深夜，多次沟通无果，希望调解组织帮助协调解决。",
    "facts": "本人在某公司工作两年，公司拖欠工资三个月共计一万五千元，多次讨要未果，生活困难。",
    "hardship_details": "家庭收入低于本市最低生活保障标准，有低保证明。",
    "address": "清江市江北区人民路1号",
    "other_party": "李四",
}


class FormParser(HTMLParser):
    """The fields of the first POST form on a page: hidden values, first real option of selects, checkboxes."""

    def __init__(self):
        super().__init__()
        self.in_form = self.done = False
        self.fields, self.select, self.textarea = {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.done:
            return
        if tag == "form" and attrs.get("method", "").lower() == "post":
            self.in_form = True
        if not self.in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind == "checkbox":
                self.fields.setdefault(name, attrs.get("value", "on"))
            elif kind == "radio":
                self.fields.setdefault(name, attrs.get("value", ""))
            elif kind != "file":
                self.fields[name] = attrs.get("value", "")
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and attrs.get("value") and self.select not in self.fields:
            self.fields[self.select] = attrs["value"]
        elif tag == "textarea" and name:
            self.fields[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        if tag == "form" and self.in_form:
            self.in_form, self.done = False, True


class Browser:
    """One visitor: a cookie jar and a client address."""

    def __init__(self, base_url, ip_header, address):
        self.base_url = base_url.rstrip("/")
        self.headers = {ip_header: address} if ip_header else {}
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())

    def request(self, path, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        headers = dict(self.headers)
        if data is not None:
            headers["Referer"] = self.base_url + path
        request = urllib.request.Request(self.base_url + path, data=body, headers=headers)
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.headers, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode("utf-8", "replace")

    def form(self, path):
        _status, _headers, html = self.request(path)
        parser = FormParser()
        parser.feed(html)
        return parser.fields, html


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def captcha_answer(hashkey):
    from captcha.models import CaptchaStore

    store = CaptchaStore.objects.filter(hashkey=hashkey).first()
    return store.response if store else ""


def login(browser, username, password):
    """'ok' when signed in (dashboard or second-factor page), 'locked' when refused as locked, else 'wrong'."""
    fields, _html = browser.form(LOGIN_PATH)
    fields.update(username=username, password=password)
    status, headers, html = browser.request(LOGIN_PATH, fields)
    location = headers.get("Location", "") if status in (301, 302, 303) else ""
    if location and LOGIN_PATH not in location:
        return "ok"
    if status in (403, 429) or "锁定" in html:
        return "locked"
    return "wrong"


def unlock(username):
    """Clears the account's lock between probes, as an administrator would (``manage.py unlock_account``)."""
    from django.core.management import call_command

    with open(os.devnull, "w") as quiet:
        call_command("unlock_account", username, stdout=quiet)


def probe_logins(args):
    print("== 登录锁定 (admin login lockout)")
    unlock(args.username)
    one = Browser(args.base_url, args.ip_header, "10.66.0.1")
    outcomes = [login(one, args.username, f"wrong-password-{attempt}") for attempt in range(30)]
    final = login(one, args.username, args.password)
    locked = outcomes.count("locked")
    print(f"30 wrong passwords from one address: {locked} answered 'locked'; then the right one: {final}")
    unlock(args.username)
    outcomes = [
        login(Browser(args.base_url, args.ip_header, f"10.67.0.{index}"), args.username, f"wrong-{index}")
        for index in range(1, 21)
    ]
    final = login(Browser(args.base_url, args.ip_header, "10.67.1.1"), args.username, args.password)
    locked = outcomes.count("locked")
    print(f"20 wrong passwords for one account from 20 addresses: {locked} 'locked'; then the right one: {final}")
    unlock(args.username)
    final = login(Browser(args.base_url, args.ip_header, "10.67.2.1"), args.username, args.password)
    print(f"after manage.py unlock_account {args.username}: the right password from a new address: {final}")


def submit(browser, path):
    fields, _html = browser.form(path)
    if not fields:
        return "no form"
    for name in list(fields):
        if name in FILLERS and not fields[name]:
            fields[name] = FILLERS[name]
    if "captcha_0" in fields:
        fields["captcha_1"] = captcha_answer(fields["captcha_0"])
    status, _headers, _html = browser.request(path, fields)
    if status in (301, 302, 303):
        return "accepted"
    return f"refused ({status})"


def public_forms():
    """The fixed forms, and the 综治调解 application when that planned column is switched on."""
    from mediation.models import MediationColumnPage

    forms = list(FORMS)
    column = MediationColumnPage.objects.live().first()
    if column is not None:
        forms.append(("矛盾纠纷调解申请", column.url + column.reverse_subpage("apply")))
    return forms


def probe_forms(args):
    print("== 表单限流 (12 submissions from one address, same phone and ID number)")
    for index, (label, path) in enumerate(public_forms(), start=1):
        browser = Browser(args.base_url, args.ip_header, f"10.68.0.{index}")
        outcomes = [submit(browser, path) for _ in range(12)]
        accepted = outcomes.count("accepted")
        print(f"{label:10} {path:20} accepted {accepted}/12, refused {12 - accepted}")


def probe_query_codes(args):
    print("== 查询码 (100 wrong codes for one number from 10 addresses)")
    number = args.tracking_number
    outcomes = []
    for attempt in range(100):
        browser = Browser(args.base_url, args.ip_header, f"10.69.0.{attempt % 10 + 1}")
        fields, _html = browser.form("/legal/aid/query/")
        fields.update(tracking_number=number, query_code=f"{attempt:010d}")
        status, _headers, html = browser.request("/legal/aid/query/", fields)
        if "验证码" in html:
            outcomes.append("captcha")
        else:
            outcomes.append("blocked" if status == 429 or "过于频繁" in html else "tried")
    print(
        f"number {number}: {outcomes.count('tried')} codes checked, "
        f"{outcomes.count('captcha')} asked for a captcha, {outcomes.count('blocked')} blocked"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--username", required=True, help="a staff account of the scratch database")
    parser.add_argument("--password", required=True, help="its real password")
    parser.add_argument("--ip-header", default="X-Real-IP", help="header carrying the client address ('' for none)")
    parser.add_argument("--tracking-number", default="FY20260101-0001", help="legal-aid number for the code probe")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    import django

    django.setup()
    probe_logins(args)
    probe_forms(args)
    probe_query_codes(args)


if __name__ == "__main__":
    main()
