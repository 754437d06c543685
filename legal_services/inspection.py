"""Legal aid's part of 网站健康检查 (``portal.site_inspection``): applications past or close to their
review deadline. Not a national single-veto item, but a citizen's request the office must not let lapse."""

from django.conf import settings

from portal.site_inspection import deadline_item

from .models import LegalAidApplication
from .models.legal_aid import UNDECIDED


def inspect_legal_aid(now):
    undecided = LegalAidApplication.objects.filter(status__in=UNDECIDED).order_by("review_deadline", "pk")
    return [
        deadline_item(
            now,
            key="legal_aid_deadlines",
            title="法律援助审查期限",
            rule="法律援助申请应在审查期限内作出决定（本委要求，非单项否决）。",
            requests=undecided.only("pk", "tracking_number", "review_deadline"),
            noun="法律援助申请",
            edit_url_name="wagtailsnippets_legal_services_legalaidapplication:edit",
            order=70,
            warn_days=getattr(settings, "INSPECTION_WARN_DAYS", 3),
        )
    ]
