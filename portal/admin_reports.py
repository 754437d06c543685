"""Wagtail's site history report (/admin/reports/site-history/), narrowed by the apps' own visibility rules.

Wagtail shows every log entry of a model to anyone with any permission on that model. Apps whose
users may see only some rows (a lawyer sees only the legal-aid applications assigned to them)
register a ``filter_site_history`` hook: ``fn(log_entries, request)`` gets each log model's
queryset and returns it narrowed.
"""

from wagtail import hooks
from wagtail.admin.views.reports.audit_logging import LogEntriesView

SITE_HISTORY_HOOK = "filter_site_history"


class SiteHistoryView(LogEntriesView):
    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        for fn in hooks.get_hooks(SITE_HISTORY_HOOK):
            queryset = fn(queryset, self.request)
        return queryset
