"""Legal aid's part of 网站健康检查 (``portal.site_inspection``): applications past or close to their
review deadline. Not a national single-veto item, but a citizen's request the office must not let lapse."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from portal.site_inspection import BREACH, OK, WARNING, InspectionItem, Row, state_for_deadline

from .models import LegalAidApplication
from .models.legal_aid import UNDECIDED


def inspect_legal_aid(now):
    today = timezone.localdate(now)
    warn_days = getattr(settings, "INSPECTION_WARN_DAYS", 3)
    rows = []
    undecided = LegalAidApplication.objects.filter(status__in=UNDECIDED).only(
        "pk", "tracking_number", "review_deadline"
    )
    for application in undecided.order_by("review_deadline", "pk"):
        state = state_for_deadline(application.review_deadline, today, warn_days)
        if state == OK:
            continue
        rows.append(
            Row(
                f"法律援助申请 {application.tracking_number}",
                f"{'已超过' if state == BREACH else '将到'}审查期限{application.review_deadline:%Y-%m-%d}。",
                reverse("wagtailsnippets_legal_services_legalaidapplication:edit", args=[application.pk]),
                due=application.review_deadline,
                state=state,
            )
        )
    overdue = sum(row.state == BREACH for row in rows)
    return [
        InspectionItem(
            "legal_aid_deadlines",
            "法律援助审查期限",
            "法律援助申请应在审查期限内作出决定（本委要求，非单项否决）。",
            BREACH if overdue else (WARNING if rows else OK),
            f"{overdue}件已超期，{len(rows) - overdue}件即将到期。" if rows else "没有超期或即将到期的申请。",
            veto=False,
            rows=rows,
            order=70,
        )
    ]
