"""The link checker: internal links, attachments and external links of live pages, with a bounded crawler
against real HTTP servers on loopback; broken links per page with the editor who last published it."""

import io
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.core.management import call_command

from wagtail.documents.models import Document

from columns.plugins.news.models import NewsPage
from inspection.models import BrokenLink
from tests.inspection.test_site_inspection import REPORT, state_of

pytestmark = pytest.mark.django_db


class Handler(BaseHTTPRequestHandler):
    def _answer(self, body):
        status = {"/ok": 200, "/gone": 404, "/error": 500, "/no-head": 200}.get(self.path, 404)
        if self.path == "/no-head" and self.command == "HEAD":
            status = 405
        self.send_response(status)
        self.send_header("Content-Length", "2")
        self.end_headers()
        if body:
            self.wfile.write(b"ok")

    def do_HEAD(self):
        self._answer(False)

    def do_GET(self):
        self._answer(True)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def silent_port():
    """A port that accepts connections and never answers (a hung server)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    yield listener.getsockname()[1]
    listener.close()


@pytest.fixture
def closed_port():
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


@pytest.fixture
def editor(db):
    return User.objects.create_user("editor", password="x", first_name="小王")


def publish_item(column, editor, body, title="测试信息"):
    page = column.add_child(instance=NewsPage(title=title, slug=f"p{NewsPage.objects.count()}", live=False))
    page.body = [("paragraph", body)]
    page.save_revision(user=editor).publish()
    page.refresh_from_db()
    return page


def run(**options):
    out = io.StringIO()
    call_command("check_links", stdout=out, **options)
    return out.getvalue()


def test_broken_internal_links_and_attachments_are_listed_with_the_last_publisher(
    client, news_column, editor, media_root
):
    draft = news_column.add_child(instance=NewsPage(title="未发布", slug="draft", live=False))
    live = publish_item(news_column, editor, "<p>正常</p>", title="正常信息")
    good = Document.objects.create(title="完好附件", file=ContentFile(b"%PDF-1.4 ok", name="good.pdf"))
    lost = Document.objects.create(title="丢失附件", file=ContentFile(b"x", name="lost.pdf"))
    lost.file.storage.delete(lost.file.name)
    body = (
        f'<p><a linktype="page" id="{live.pk}">好</a><a linktype="page" id="{draft.pk}">草稿</a>'
        f'<a linktype="page" id="999999">删除的</a><a linktype="document" id="{good.pk}">附件</a>'
        f'<a linktype="document" id="{lost.pk}">丢失</a><a href="/zfyw/">栏目</a>'
        f'<a href="/no-such-column/">不存在</a><a href="mailto:zfw@example.gov.cn">邮件</a></p>'
    )
    page = publish_item(news_column, editor, body, title="链接很多的信息")
    output = run(no_external=True)
    assert "失效4个" in output
    found = {(link.kind, link.reason) for link in BrokenLink.objects.filter(page=page)}
    assert found == {
        ("page", "链接的页面“未发布”未发布"),
        ("page", "链接的页面已被删除"),
        ("document", "附件“丢失附件”的文件丢失或为空"),
        ("url", "站内页面不存在或未发布"),
    }
    office = User.objects.create_user("office", password="x")
    office.groups.add(Group.objects.get(name="办公室审核员"))
    client.force_login(office)
    html = client.get(REPORT).content.decode()
    assert state_of(html, "links") == "已触发"
    assert "链接很多的信息" in html and "最后发布：小王" in html
    # Fixing the page and running again clears its findings.
    page.body = [("paragraph", "<p>已修正</p>")]
    page.save_revision(user=editor).publish()
    run(no_external=True)
    assert not BrokenLink.objects.exists()
    assert state_of(client.get(REPORT).content.decode(), "links") == "正常"


def test_external_links_are_checked_with_head_then_get_and_bad_answers_reported(
    news_column, editor, server, closed_port
):
    body = "".join(
        f'<a href="{address}">x</a>'
        for address in (
            f"{server}/ok",
            f"{server}/no-head",
            f"{server}/gone",
            f"{server}/error",
            f"http://127.0.0.1:{closed_port}/nobody-listens",
        )
    )
    page = publish_item(news_column, editor, f"<p>{body}</p>")
    output = run(timeout=2)
    assert "失效2个，无法访问1个" in output
    found = {(link.target.rsplit("/", 1)[1], link.state, link.status_code) for link in BrokenLink.objects.all()}
    assert found == {("gone", "broken", 404), ("error", "broken", 500), ("nobody-listens", "unreachable", None)}
    assert all(link.page_id == page.pk for link in BrokenLink.objects.all())


def test_the_crawler_is_bounded_per_host_and_never_hangs(news_column, editor, server, silent_port):
    hung = [f"http://127.0.0.1:{silent_port}/{n}" for n in range(5)]
    body = "".join(f'<a href="{address}">x</a>' for address in [f"{server}/gone", f"{server}/gone2", *hung])
    publish_item(news_column, editor, f"<p>{body}</p>")
    started = time.monotonic()
    output = run(timeout=0.5, per_host=1)
    elapsed = time.monotonic() - started
    # One address per host was fetched: the hung host cost one timeout, not five; the rest were skipped.
    assert "无法访问1个，未检查5个" in output
    assert elapsed < 15
    assert BrokenLink.objects.filter(state="unreachable").count() == 1
    assert BrokenLink.objects.filter(state="broken").count() == 1
