"""The formal 通报: its content (taken from the live report while a draft, frozen once issued), its
document number (per year, from the pattern), and issuing: files, 约谈 follow-ups and the notice draft."""

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from wagtail.log_actions import log

from . import exports
from .documents import docx, pdf
from .models import InterviewFollowUp, Tongbao, TongbaoSettings
from .tongbao_content import FrozenReport, data_of, live_content
from .tongbao_notice import create_notice_draft


class TongbaoError(Exception):
    """Why a 通报 cannot be created or issued, in words for the office."""


def create_draft(period, user):
    """A draft 通报 of ``period`` with the office's defaults."""
    if period.start > timezone.localdate():
        raise TongbaoError("该期尚未开始，不能生成通报。")
    defaults = TongbaoSettings.load()
    report_title = f"关于{period.label}信息报送考核情况的通报"
    tongbao = Tongbao.objects.create(
        period_kind=period.kind,
        period_key=period.key,
        title=report_title,
        issuing_body=defaults.issuing_body,
        number_pattern=defaults.number_pattern,
        distribution=defaults.distribution,
        created_by=user,
    )
    log(instance=tongbao, action="wagtail.create", user=user)
    return tongbao


def next_seq(year):
    return (Tongbao.objects.filter(year=year).aggregate(top=Max("seq"))["top"] or 0) + 1


def issue(tongbao, request):
    """Number and freeze ``tongbao``: content, PDF, .docx and Excel as they are now, one follow-up per unit
    on its 约谈 list, and a draft 通知公告 with the Excel attached. All or nothing."""
    user = request.user
    try:
        with transaction.atomic():
            locked = Tongbao.objects.select_for_update().get(pk=tongbao.pk)
            if locked.issued:
                raise TongbaoError("该通报已印发，不能重复印发。")
            data, report = live_content(locked.period_kind, locked.period_key)
            if report.future or report.ongoing:
                raise TongbaoError("本期尚未结束，任务完成情况尚未判定，不能印发通报。")
            locked.year = locked.issue_date.year
            locked.seq = next_seq(locked.year)
            locked.number = locked.number_pattern.format(year=locked.year, seq=locked.seq)
            locked.data = data
            locked.status = Tongbao.STATUS_ISSUED
            locked.issued_at = timezone.now()
            locked.issued_by = user
            locked.save()
            for row in data["interview"]:
                InterviewFollowUp.objects.create(tongbao=locked, unit_id=row["id"])
            workbook = excel(locked)
            locked.notice = create_notice_draft(request, locked, workbook)
            name = f"tongbao-{locked.year}-{locked.seq:03d}"
            locked.pdf_file.save(f"{name}.pdf", ContentFile(pdf.render(locked)), save=False)
            locked.docx_file.save(f"{name}.docx", ContentFile(docx.render(locked)), save=False)
            locked.xlsx_file.save(f"{name}.xlsx", ContentFile(workbook), save=False)
            locked.save()
            log(instance=locked, action="assessment.tongbao_issue", user=user, data={"number": locked.number})
    except IntegrityError:
        raise TongbaoError("文号已被占用（可能有人同时印发了通报），请重试。") from None
    return locked


def excel(tongbao):
    return exports.excel(FrozenReport(data_of(tongbao)))
