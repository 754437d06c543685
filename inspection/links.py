"""Link checker: the internal links, attachments and external links of every live page.

Internal page links and attachments are checked in the database and the file storage; site-relative
addresses by routing them; external links with a bounded crawler: a connect/read timeout, at most
``per_host`` addresses of one host per run, one request at a time per host, a few hosts at a time, and a
deadline for the whole run. A machine without network reports external links as unreachable (无法访问)
and never hangs. Each unique address is fetched once however many pages carry it.
"""

import html
import re
import time
import urllib.error
import urllib.request
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.http import Http404, HttpRequest
from django.urls import Resolver404, resolve
from django.utils import timezone, translation

from wagtail.documents import get_document_model
from wagtail.models import Page, Site

from review.checks import collect

from .models import BrokenLink

HREF = re.compile(r"<a\b[^>]*\bhref=\"([^\"]+)\"", re.IGNORECASE)
LINKTYPE = re.compile(r"<a\b[^>]*\blinktype=\"(page|document)\"[^>]*>", re.IGNORECASE)
ID = re.compile(r"\bid=\"(\d+)\"")
BARE_URL = re.compile(r"^https?://\S+$")
USER_AGENT = "PortalLinkChecker/1.0 (+site self-inspection)"

OK, BROKEN, UNREACHABLE, SKIPPED = "ok", "broken", "unreachable", "skipped"


@dataclass
class LinkSettings:
    timeout: float = 5.0
    per_host: int = 20
    hosts_at_once: int = 4
    deadline_seconds: float = 300.0
    external: bool = True

    @classmethod
    def from_settings(cls, **overrides):
        values = {
            "timeout": getattr(settings, "INSPECTION_LINK_TIMEOUT", cls.timeout),
            "per_host": getattr(settings, "INSPECTION_LINK_PER_HOST", cls.per_host),
            "external": getattr(settings, "INSPECTION_CHECK_EXTERNAL_LINKS", cls.external),
        }
        values.update({key: value for key, value in overrides.items() if value is not None})
        return cls(**values)


@dataclass
class Result:
    state: str
    reason: str = ""
    status: int | None = None


def page_links(page):
    """(kind, target) pairs in a page: ("page", id), ("document", id), ("url", address)."""
    content = collect(page)
    links = set()
    for source in content.rich_html:
        for tag in LINKTYPE.finditer(source):
            found = ID.search(tag.group(0))
            if found:
                links.add((tag.group(1).lower(), int(found.group(1))))
        links.update(("url", html.unescape(href).strip()) for href in HREF.findall(source))
    links.update(("document", document.pk) for document in content.documents)
    links.update(("url", text.strip()) for _, text in content.texts if BARE_URL.match(text.strip()))
    return {(kind, target) for kind, target in links if target not in ("", "#")}


def check_page_link(pk):
    target = Page.objects.filter(pk=pk).only("live", "title").first()
    if target is None:
        return Result(BROKEN, "链接的页面已被删除")
    if not target.live:
        return Result(BROKEN, f"链接的页面“{target.title}”未发布")
    return Result(OK)


def check_document(pk):
    document = get_document_model().objects.filter(pk=pk).first()
    if document is None:
        return Result(BROKEN, "附件已被删除")
    try:
        if not document.file or not document.file.storage.exists(document.file.name) or not document.file.size:
            return Result(BROKEN, f"附件“{document.title}”的文件丢失或为空")
    except OSError:
        return Result(BROKEN, f"附件“{document.title}”的文件无法读取")
    return Result(OK)


def check_site_path(address):
    """A site-relative address: media files in storage, pages by their path under the default site."""
    path = unquote(urlsplit(address).path) or "/"
    if path.startswith(settings.MEDIA_URL):
        name = path[len(settings.MEDIA_URL) :]
        return Result(OK) if default_storage.exists(name) else Result(BROKEN, "文件不存在", 404)
    try:
        match = resolve(path)
    except Resolver404:
        return Result(BROKEN, "站内地址不存在", 404)
    if match.url_name != "wagtail_serve":
        return Result(OK)
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return Result(OK)
    served = match.kwargs.get("path", match.args[0] if match.args else "")
    components = [part for part in served.split("/") if part]
    with translation.override(translation.get_language_from_path(path) or settings.LANGUAGE_CODE):
        try:
            page = site.root_page.localized.specific.route(HttpRequest(), components).page
        except Http404:
            page = None
    if page is None or not page.live:
        return Result(BROKEN, "站内页面不存在或未发布", 404)
    return Result(OK)


class _HeadRequest(urllib.request.Request):
    def get_method(self):
        return "HEAD"


def fetch(address, timeout):
    """One external address: HEAD, then GET when the server refuses HEAD."""
    headers = {"User-Agent": USER_AGENT}
    for request in (_HeadRequest(address, headers=headers), urllib.request.Request(address, headers=headers)):
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return Result(OK, status=response.status)
        except urllib.error.HTTPError as error:
            if error.code in (405, 501) and request.get_method() == "HEAD":
                continue
            return Result(BROKEN, f"服务器返回 {error.code}", error.code)
        except (urllib.error.URLError, OSError, ValueError) as error:
            reason = getattr(error, "reason", error)
            return Result(UNREACHABLE, f"无法访问（{str(reason)[:80]}）")
    return Result(UNREACHABLE, "无法访问")


def check_external(addresses, options):
    """Results for external addresses, host by host, within the per-host limit and the run's deadline."""
    by_host = defaultdict(list)
    for address in sorted(addresses):
        by_host[urlsplit(address).netloc.lower()].append(address)  # host and port: one server
    results = {}
    stop_at = time.monotonic() + options.deadline_seconds

    def crawl(host_addresses):
        for index, address in enumerate(host_addresses):
            if index >= options.per_host:
                results[address] = Result(SKIPPED, "超过每个站点的检查上限，本次未检查")
            elif time.monotonic() > stop_at:
                results[address] = Result(SKIPPED, "超过本次检查的时限，未检查")
            else:
                results[address] = fetch(address, options.timeout)

    with ThreadPoolExecutor(max_workers=max(1, options.hosts_at_once)) as pool:
        list(pool.map(crawl, by_host.values()))
    return results


def check_address(address):
    parts = urlsplit(address)
    if parts.scheme in ("mailto", "tel", "javascript", "data"):
        return Result(OK)
    if parts.scheme in ("http", "https"):
        return None  # external
    if parts.scheme or parts.netloc:
        return Result(OK)  # some other scheme: not ours to judge
    if address.startswith("/"):
        return check_site_path(address)
    return Result(OK)  # a fragment or a relative address inside the page


def last_publisher(page):
    revision = page.live_revision
    user = revision.user if revision else None
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def check_links(now=None, **overrides):
    """Check every live page's links and replace the stored findings; returns a summary dict."""
    options = LinkSettings.from_settings(**overrides)
    now = now or timezone.now()
    pages = list(Page.objects.live().filter(depth__gt=1).specific().select_related("live_revision__user"))
    links_by_page = {page.pk: page_links(page) for page in pages}
    results = {}
    external = set()
    for links in links_by_page.values():
        for kind, target in links:
            if (kind, target) in results:
                continue
            if kind == "page":
                results[(kind, target)] = check_page_link(target)
            elif kind == "document":
                results[(kind, target)] = check_document(target)
            else:
                result = check_address(target)
                if result is None:
                    external.add(target)
                else:
                    results[(kind, target)] = result
    if options.external:
        results.update({("url", address): result for address, result in check_external(external, options).items()})
    else:
        results.update({("url", address): Result(SKIPPED, "未检查外部链接") for address in external})

    findings = []
    for page in pages:
        for kind, target in sorted(links_by_page[page.pk], key=str):
            result = results[(kind, target)]
            if result.state in (BROKEN, UNREACHABLE):
                findings.append(
                    BrokenLink(
                        page=page,
                        kind=kind,
                        target=str(target)[:1000],
                        state=result.state,
                        status_code=result.status,
                        reason=result.reason[:200],
                        publisher=last_publisher(page)[:150],
                        checked_at=now,
                    )
                )
    with transaction.atomic():
        BrokenLink.objects.all().delete()
        BrokenLink.objects.bulk_create(findings, batch_size=500)
    counts = defaultdict(int)
    for result in results.values():
        counts[result.state] += 1
    return {
        "pages": len(pages),
        "links": len(results),
        "broken": counts[BROKEN],
        "unreachable": counts[UNREACHABLE],
        "skipped": counts[SKIPPED],
    }
