"""The issued report as a draft page under 政务公开, with the Excel attached, submitted to the normal review.

The page is a 政务公开说明页 (``disclosure.DisclosurePage``), the type the 政府信息公开年度报告 and the other
text pages of 政务公开 use; the 政务公开 column is found as the parent that page type allows, so no column
plugin is imported by name. The workbook is a document in the root collection: like every attachment it
stays private until the page is published (``portal.documents``).
"""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.html import escape

from wagtail.documents import get_document_model
from wagtail.log_actions import log
from wagtail.models import Collection, Page, Site

from disclosure.models import DisclosurePage

from .exports import excel_bytes, sections, title


class CannotPublish(Exception):
    pass


def disclosure_column(site=None):
    columns = Page.objects.type(*DisclosurePage.allowed_parent_page_models())
    if site is not None:
        columns = columns.descendant_of(site.root_page)
    column = columns.order_by("path").first()
    if column is None:
        raise CannotPublish("网站还没有“政务公开”栏目，请先在首页下创建该栏目。")
    return column


def body_html(report, document):
    parts = [f"<p>现将本网站{report.year}年度政府网站工作年度报表公布如下。</p>"]
    for section, rows in sections(report):
        parts.append(f"<h2>{escape(section)}</h2>")
        if rows:
            items = "".join(f"<li>{escape(label)}：{escape(value)}</li>" for label, value in rows)
            parts.append(f"<ul>{items}</ul>")
        else:
            parts.append("<p>无</p>")
    parts.append(f'<p>附件：<a linktype="document" id="{document.pk}">{escape(document.title)}（Excel）</a></p>')
    return "".join(parts)


def create_page_draft(report, user, site=None):
    """Create the draft page and start its workflow; returns the page. Raises CannotPublish with the reason."""
    if not report.is_issued:
        raise CannotPublish("年度报表印发后才能发布到政务公开。")
    if report.page_id and Page.objects.filter(pk=report.page_id).exists():
        raise CannotPublish("该年度报表已经生成过政务公开页面，请打开该页面继续审核或修改。")
    site = site or Site.objects.filter(is_default_site=True).first()
    column = disclosure_column(site)
    with transaction.atomic():
        document = get_document_model().objects.create(
            title=f"{report.year}年度政府网站工作年度报表",
            file=ContentFile(excel_bytes(report), name=f"annual-report-{report.year}.xlsx"),
            collection=Collection.get_first_root_node(),
            uploaded_by_user=user,
        )
        base = f"wzndbb-{report.year}"
        slug, n = base, 1
        while column.get_children().filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        page = DisclosurePage(
            title=title(report),
            slug=slug,
            live=False,
            owner=user,
            intro=f"{report.year}年度政府网站工作年度报表，按国务院办公厅规定的报表格式公开。",
            body=body_html(report, document),
        )
        column.add_child(instance=page)
        page.save_revision(user=user, log_action=False)
        log(instance=page, action="wagtail.create", user=user)
        workflow = page.get_workflow()
        if workflow is not None:
            workflow.start(page, user)
        report.page = page
        report.save(update_fields=["page"])
    return page
