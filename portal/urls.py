from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from . import sitemaps
from .admin_reports import SiteHistoryView
from .cache_headers import purged_on_publish
from .captcha import arithmetic_question
from .health import healthz
from .views import site_map

urlpatterns = [
    path("healthz", healthz, name="healthz"),  # the load balancer's check (portal/health.py)
    # Same paths (and so the same reversed URLs) as Wagtail's site history, matched first.
    path("admin/reports/site-history/", SiteHistoryView.as_view()),
    path("admin/reports/site-history/results/", SiteHistoryView.as_view(results_only=True)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("captcha/question/", arithmetic_question, name="captcha_question"),
    path("captcha/", include("captcha.urls")),
    path("columns/", include("columns.urls")),
    path("analytics/", include("analytics.urls")),
    # The index is purged on every publication; a section (sitemap-<n>.xml) keeps the short view max-age.
    path("sitemap.xml", purged_on_publish(sitemaps.sitemap_index), name="sitemap"),
    path("sitemap-<int:number>.xml", sitemaps.sitemap_section, name="sitemap-section"),
    path("", include("search.api_urls")),
]

if settings.DEBUG:
    # The development server serves /media/ as the proxy does in production, and like it never the
    # documents' files: those go only through /documents/<id>/<file>, which keeps unpublished ones private.
    urlpatterns += [
        re_path(r"^media/(?!documents/)(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

# Public pages: the default language (zh-hans) has no prefix, English lives under /en/.
urlpatterns += i18n_patterns(
    path("", include("search.urls")),
    path("sitemap/", site_map, name="site_map"),
    path("mailbox/", include("mailbox.urls")),
    path("legal/", include("legal_services.urls")),
    path("feedback/", include("feedback.urls")),
    path("disclosure/", include("disclosure.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
