"""Admin features of the portal project itself."""

from urllib.parse import urlsplit

from django.http import Http404

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .documents import may_serve
from .models import WorkdayAdjustment


class WorkdayAdjustmentViewSet(SnippetViewSet):
    """Lets operators enter next year's holiday schedule before the calendar package ships it."""

    model = WorkdayAdjustment
    icon = "date"
    menu_label = "工作日调整"
    add_to_settings_menu = True
    list_display = ["date", "is_workday", "reason"]
    list_filter = ["is_workday"]
    ordering = ["-date"]


register_snippet(WorkdayAdjustmentViewSet)


@hooks.register("construct_help_menu")
def drop_help_items_on_the_internet(request, menu_items):
    """Wagtail's 帮助 menu links to guide.wagtail.org, which an intranet cannot reach: keep local items only."""
    menu_items[:] = [item for item in menu_items if not urlsplit(getattr(item, "url", "") or "").netloc]


@hooks.register("before_serve_document")
def keep_unpublished_documents_private(document, request):
    """A unit's attachment stays private until a live page uses it or an editor makes it public."""
    if not may_serve(document, request.user):
        raise Http404
