"""An issued 通报 as a draft 通知公告: the same text and tables, the Excel as an attachment. The page is
created unpublished and goes through the normal review; the attachment stays private until it is live."""

from django.core.files.base import ContentFile
from django.utils.html import escape

from wagtail.documents import get_document_model
from wagtail.log_actions import log
from wagtail.models import Collection
from wagtail.rich_text import RichText

from .notice import body_html, notice_column
from .tongbao_content import FrozenReport, header


def notice_html(tongbao):
    head = header(tongbao)
    report = FrozenReport(tongbao.data)
    parts = [
        f"<p>{escape(head['number'])}</p>",
        body_html(report),
        f"<p>{escape(head['issuing_body'])}</p><p>{escape(head['date_text'])}</p>",
        "<p>报送/抄送：" + escape("，".join(head["distribution"])) + "。</p>",
    ]
    return "".join(parts)


def create_notice_draft(request, tongbao, workbook):
    """``workbook`` is the 通报's Excel, attached as it is. Raises ``notice.NoNoticeColumn`` (with the
    reason in Chinese) when the site has no 通知公告 column."""
    column = notice_column(request)
    document = get_document_model()(
        title=f"{tongbao.title}（附表）",
        collection=Collection.get_first_root_node(),
        uploaded_by_user=request.user,
    )
    document.file.save(
        f"tongbao-{tongbao.year}-{tongbao.seq:03d}.xlsx",
        ContentFile(workbook),
        save=False,
    )
    document.save()
    base = f"tongbao-{tongbao.year}-{tongbao.seq:03d}"
    slug, n = base, 1
    while column.get_children().filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    page = column.specific_class.allowed_subpage_models()[0](
        title=tongbao.title,
        slug=slug,
        live=False,
        owner=request.user,
        body=[("paragraph", RichText(notice_html(tongbao)))],
        attachments=[("attachment", {"document": document, "title": "考核排名表（Excel）"})],
    )
    column.add_child(instance=page)
    page.save_revision(user=request.user, log_action=False)
    log(instance=page, action="wagtail.create", user=request.user)
    return page
