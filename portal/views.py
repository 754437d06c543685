"""Error pages and the 网站地图. The 500 page is rendered without a database or context processors,
because whatever failed may be the database itself."""

from django.http import HttpResponseNotFound, HttpResponseServerError
from django.shortcuts import render
from django.template import loader

from wagtail.models import Site


def page_not_found(request, exception=None):
    return HttpResponseNotFound(loader.render_to_string("404.html", {"request_path": request.path}, request))


def server_error(request):
    return HttpResponseServerError(loader.get_template("500.html").render())


SITE_MAP_DEPTH = 2  # columns and their sections below the home page


def site_map(request):
    """网站地图, generated from the page tree: the columns in the menu and their sections (pages with children)."""
    site = Site.find_for_request(request)
    home = site.root_page.localized if site else None
    tree = []
    if home is not None:
        pages = list(
            home.get_descendants()
            .live()
            .public()
            .filter(depth__lte=home.depth + SITE_MAP_DEPTH)
            .exclude(show_in_menus=False, depth=home.depth + 1)
            .exclude(numchild=0, depth=home.depth + 2)  # single items are found through their column
            .only("id", "title", "url_path", "path", "depth", "locale_id")
            .order_by("path")
        )
        for page in pages:
            if page.depth == home.depth + 1:
                tree.append((page, []))
            elif tree and page.path.startswith(tree[-1][0].path):
                tree[-1][1].append(page)
    return render(request, "portal/site_map.html", {"home": home, "tree": tree})
