"""网站纠错's part of 网站健康检查 (``portal.site_inspection``): error reports past or close to their deadline."""

from django.conf import settings

from portal.site_inspection import deadline_item

from .models import OPEN, ErrorReport


def inspect_error_reports(now):
    return [
        deadline_item(
            now,
            key="error_reports",
            title="网站纠错办理期限",
            rule="网民纠错留言应在规定的工作日内受理、办结并答复（找错平台规则，非单项否决）。",
            requests=ErrorReport.objects.filter(status__in=OPEN).order_by("resolve_deadline", "pk"),
            noun="纠错留言",
            edit_url_name="wagtailsnippets_feedback_errorreport:edit",
            order=75,
            warn_days=getattr(settings, "INSPECTION_WARN_DAYS", 3),
        )
    ]
