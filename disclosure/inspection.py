"""依申请公开's part of 网站健康检查 (``portal.site_inspection``): requests past or close to their statutory reply
deadline (20 working days, once extended by 20: 《政府信息公开条例》第三十三条)."""

from django.conf import settings

from portal.site_inspection import deadline_item

from .models import InformationRequest


def inspect_information_requests(now):
    return [
        deadline_item(
            now,
            key="information_requests",
            title="依申请公开答复期限",
            rule="依申请公开应在法定期限内答复（《政府信息公开条例》第三十三条，非单项否决）。",
            requests=InformationRequest.objects.open().order_by("reply_deadline", "pk"),
            noun="公开申请",
            edit_url_name="wagtailsnippets_disclosure_informationrequest:edit",
            order=80,
            warn_days=getattr(settings, "INSPECTION_WARN_DAYS", 3),
        )
    ]
