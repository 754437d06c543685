"""Admin features of the portal project itself."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

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
