"""发布后复查: the reporting unit confirms its published item, or reports an error in it."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_POST

from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.admin import messages
from wagtail.log_actions import log

from ..forms import ReportErrorForm
from ..models import PostPublicationCheck
from ..notifications import send_error_report
from ..permissions import is_reviewer, membership


def _checks_for(user):
    checks = PostPublicationCheck.objects.select_related("page", "unit", "handled_by__unit_membership")
    member = membership(user)
    if member is not None and not is_reviewer(user):
        return checks.filter(unit=member.unit)
    if is_reviewer(user):
        return checks
    return checks.none()


def _own_check(request, pk):
    check = get_object_or_404(PostPublicationCheck.objects.select_related("page", "unit"), pk=pk)
    member = membership(request.user)
    if not (request.user.is_superuser or (member is not None and member.unit_id == check.unit_id)):
        raise PermissionDenied
    if check.status != PostPublicationCheck.STATUS_PENDING:
        messages.error(request, f"“{check.page.title}”已经复查过了（{check.get_status_display()}）。")
        return None
    return check


def index(request):
    if membership(request.user) is None and not is_reviewer(request.user):
        raise PermissionDenied
    checks = _checks_for(request.user)
    status = request.GET.get("status", "pending")
    if status == "overdue":
        checks = checks.filter(status=PostPublicationCheck.STATUS_PENDING, due_date__lt=timezone.localdate())
    elif status in dict(PostPublicationCheck.STATUS_CHOICES):
        checks = checks.filter(status=status)
    page = Paginator(checks.order_by("due_date", "pk"), 30).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "review/post_publication/index.html",
        {
            "checks": page,
            "status": status,
            "statuses": [
                ("pending", "待复查"),
                ("overdue", "已超期"),
                *PostPublicationCheck.STATUS_CHOICES[1:],
                ("all", "全部"),
            ],
            "today": timezone.localdate(),
        },
    )


@require_POST
def confirm(request, pk):
    check = _own_check(request, pk)
    if check is not None:
        with transaction.atomic():
            check.status = PostPublicationCheck.STATUS_CONFIRMED
            check.handled_by, check.handled_at = request.user, timezone.now()
            check.save(update_fields=["status", "handled_by", "handled_at"])
            log(check.page.specific, "review.post_check.confirm", user=request.user)
        messages.success(request, f"已确认“{check.page.title}”发布无误。")
    return redirect("review:my_checks")


def report_error(request, pk):
    check = _own_check(request, pk)
    if check is None:
        return redirect("review:my_checks")
    form = ReportErrorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        page = check.page.specific
        with transaction.atomic():
            check.status = PostPublicationCheck.STATUS_ERROR
            check.error_description = form.cleaned_data["description"]
            check.withdrawn = form.cleaned_data["withdraw"] and page.live
            check.handled_by, check.handled_at = request.user, timezone.now()
            check.save()
            if check.withdrawn:
                # The unit may take down its own item when it reports an error in it, without the
                # general unpublish permission it never has; the log records who did it.
                UnpublishPageAction(page, user=request.user, log_action=True).execute(skip_permission_checks=True)
            log(page, "review.post_check.error", user=request.user, data={"description": check.error_description})
        send_error_report(check)  # sent after the commit
        messages.success(
            request,
            f"已报告“{page.title}”的错误"
            + ("，信息已撤下" if check.withdrawn else "")
            + "。请修改后重新提交审核，重新发布后即完成更正。",
        )
        return redirect("review:my_checks")
    return TemplateResponse(request, "review/post_publication/report_error.html", {"check": check, "form": form})
