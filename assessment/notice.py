"""The 通报 as a draft 通知公告: created unpublished, it then goes through the normal review."""

from django.db import transaction
from django.utils.html import escape

from wagtail.log_actions import log
from wagtail.models import Site
from wagtail.rich_text import RichText

from columns.registry import get_column_type

from .exports import quota_status, remarks, title
from .models import IssuedReport


class NoNoticeColumn(Exception):
    pass


def notice_column(request):
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    column_type = get_column_type("notices")
    if column_type is None:
        raise NoNoticeColumn("网站没有启用“通知公告”栏目类型。")
    columns = column_type.objects.all()
    if site is not None:
        columns = columns.descendant_of(site.root_page)
    column = columns.order_by("path").first()
    if column is None:
        raise NoNoticeColumn("网站还没有“通知公告”栏目，请先在首页下创建该栏目。")
    return column


def body_html(report):
    parts = [f"<p>现将{escape(report.period.label)}各单位信息报送考核情况通报如下。</p>"]
    for category in report.categories:
        if not category["rows"]:
            continue
        parts.append(f"<h2>{escape(category['label'])}</h2>")
        items = []
        for row in category["rows"]:
            rank = f"第{row['rank']}名" if row["rank"] is not None else "不参与排名"
            extra = remarks(row)
            items.append(
                f"<li>{rank}：{escape(row['name'])}，报送{row['submitted']}条，本网站采用{row['adopted']}条，"
                f"上级采用{row['city'] + row['province'] + row['national']}条，得分{row['score']}，"
                f"任务{escape(quota_status(row))}{('（' + escape(extra) + '）') if extra else ''}</li>"
            )
        parts.append("<ol>" + "".join(items) + "</ol>")
    commended = "、".join(escape(r["name"]) for r in report.commended) or "无"
    interview = "、".join(escape(r["name"]) for r in report.interview) or "无"
    parts.append(f"<p>予以表扬：{commended}。</p><p>约谈：{interview}。</p>")
    return "".join(parts)


def snapshot(report):
    keep = [
        "id",
        "name",
        "category",
        "submitted",
        "adopted",
        "city",
        "province",
        "national",
        "quota",
        "quota_met",
        "rank",
        "note",
        "commended",
        "interview",
    ]
    return {
        "period": report.period.key,
        "categories": [
            {
                "label": c["label"],
                "rows": [{k: row.get(k) for k in keep} | {"score": str(row["score"])} for row in c["rows"]],
            }
            for c in report.categories
        ],
    }


def create_notice_draft(request, report):
    column = notice_column(request)
    with transaction.atomic():
        base = f"khtb-{report.period.key.lower()}"
        slug, n = base, 1
        while column.get_children().filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        item_model = column.specific_class.allowed_subpage_models()[0]
        page = item_model(
            title=title(report),
            slug=slug,
            live=False,
            owner=request.user,
            body=[("paragraph", RichText(body_html(report)))],
        )
        column.add_child(instance=page)
        page.save_revision(user=request.user, log_action=False)
        log(instance=page, action="wagtail.create", user=request.user)
        IssuedReport.objects.create(
            period_kind=report.period.kind,
            period_key=report.period.key,
            title=page.title,
            data=snapshot(report),
            notice=page,
            created_by=request.user,
        )
    return page
