"""The beacon endpoint: counts a view and answers with the page's view count. No cookies, never cached."""

from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from wagtail.models import Page

from portal.ratelimit import client_ip
from portal.validators import has_control_characters

from .counting import MAX_PATH, page_views, record_hit


def _json(data, status=200):
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    add_never_cache_headers(response)
    return response


@csrf_exempt  # the beacon carries no cookie, so there is no session to forge a request for
@require_POST
def hit(request):
    path = request.POST.get("path", "")
    page_id = request.POST.get("page", "")
    if not path.startswith("/") or len(path) > MAX_PATH or has_control_characters(path):
        return _json({"error": "网址路径无效。"}, status=400)
    page = None
    if page_id:
        if not page_id.isascii() or not page_id.isdigit():
            return _json({"error": "页面编号无效。"}, status=400)
        page = Page.objects.live().public().filter(pk=int(page_id)).only("pk", "path", "depth").first()
        if page is None:
            return _json({"error": "页面不存在或未发布。"}, status=400)
    counted = record_hit(
        page=page,
        path=path,
        address=client_ip(request),
        user_agent=request.META.get("HTTP_USER_AGENT", ""),
    )
    return _json({"counted": counted, "views": page_views(page.pk) if page else None})
