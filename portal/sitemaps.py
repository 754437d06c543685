"""The sitemap: ``/sitemap.xml`` is an index of sections ``/sitemap-<n>.xml`` of at most
``PORTAL_SITEMAP_SIZE`` URLs each (50,000, the protocol's limit, by default).

Wagtail's sitemap loads every page as its specific model and asks each for its URL, which took
seconds at 20,000 items and one file cannot hold more than 50,000 URLs anyway. Here a section is
one query over a range of paths of the page table (``values_list``: path, locale, last
publication), in tree order;
the URL is the site's root URL, the locale's language prefix and the path below the site root,
exactly what ``Page.get_full_url`` gives; the index counts the pages once per change of the tree
(``portal.content_version``).
"""

from xml.sax.saxutils import escape

from django.conf import settings
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import iri_to_uri

from wagtail.models import Locale, Page, Site

from .content_version import cached_count

COUNT_TIMEOUT = 300
XMLNS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


def tree_paths(site):
    """Paths of every page of the site (live or not), a range of the unique path index: no row is read."""
    root = site.root_page.path
    return Page.objects.filter(path__gte=root, path__lt=root + "~").order_by("path").values_list("path", flat=True)


def section_count(site):
    pages = cached_count(f"sitemap:{site.pk}", tree_paths(site), COUNT_TIMEOUT)
    return max(1, -(-pages // settings.PORTAL_SITEMAP_SIZE))


def section_pages(site, number):
    """The live public pages of section ``number``: a range of paths cut at every PORTAL_SITEMAP_SIZE-th page.

    Cutting on all pages rather than on the live ones keeps the cut an index-only walk; a section holds
    at most PORTAL_SITEMAP_SIZE URLs (fewer where pages are not live)."""
    size = settings.PORTAL_SITEMAP_SIZE
    paths = tree_paths(site)
    start, end = (next(iter(paths[index : index + 1]), None) for index in ((number - 1) * size, number * size))
    if start is None:  # the tree shrank since the sections were counted
        return Page.objects.none()
    pages = Page.objects.live().public().filter(path__gte=start, path__lt=end or site.root_page.path + "~")
    return pages.order_by("path")


def find_site(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("没有对应的站点")
    return site


def xml_response(body):
    response = HttpResponse(f'<?xml version="1.0" encoding="UTF-8"?>\n{body}', content_type="application/xml")
    response["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response


def sitemap_index(request):
    site = find_site(request)
    base = request.build_absolute_uri("/").rstrip("/")
    entries = "".join(
        f"<sitemap><loc>{escape(base + reverse('sitemap-section', args=[number]))}</loc></sitemap>\n"
        for number in range(1, section_count(site) + 1)
    )
    return xml_response(f"<sitemapindex {XMLNS}>\n{entries}</sitemapindex>\n")


def language_prefixes():
    """``{locale_id: "/" or "/en/"}``: where each locale's pages are served (i18n_patterns)."""
    prefixes = {}
    for locale in Locale.objects.all():
        with translation.override(locale.language_code):
            prefixes[locale.pk] = reverse("wagtail_serve", args=("",))
    return prefixes


def sitemap_section(request, number):
    site = find_site(request)
    if number < 1 or number > section_count(site):
        raise Http404("没有这一部分网站地图")
    root_url = site.root_url
    root_path = site.root_page.url_path
    prefixes = language_prefixes()
    rows = section_pages(site, number).values_list(
        "url_path", "locale_id", "last_published_at", "latest_revision_created_at"
    )
    lines = []
    for url_path, locale_id, published, revised in rows:
        location = escape(f"{root_url}{prefixes.get(locale_id, '/')}{iri_to_uri(url_path[len(root_path) :])}")
        changed = published or revised
        lastmod = f"<lastmod>{timezone.localdate(changed).isoformat()}</lastmod>" if changed else ""
        lines.append(f"<url><loc>{location}</loc>{lastmod}</url>\n")
    return xml_response(f"<urlset {XMLNS}>\n{''.join(lines)}</urlset>\n")
