"""The link checker's part of 网站健康检查: live pages with links that do not work, and who last published them."""

from collections import defaultdict

from django.urls import reverse

from portal.site_inspection import BREACH, OK, WARNING, InspectionItem, Row

from .models import BrokenLink

RULE = "页面链接、附件可用：站内链接失效或附件丢失须及时修正，外部链接无法访问须核实（不属于单项否决项）。"


def inspect_links(now):
    by_page = defaultdict(list)
    for link in BrokenLink.objects.select_related("page").order_by("page__title", "pk"):
        by_page[link.page].append(link)
    rows = []
    for page, links in by_page.items():
        broken = [link for link in links if link.state == "broken"]
        listed = "；".join(f"{link.target_label}（{link.reason}）" for link in links[:10])
        more = f"；等{len(links)}个" if len(links) > 10 else ""
        publisher = links[0].publisher or "未知"
        rows.append(
            Row(
                page.title,
                f"{listed}{more}。最后发布：{publisher}",
                reverse("wagtailadmin_pages:edit", args=[page.pk]),
                state=BREACH if broken else WARNING,
            )
        )
    checked = BrokenLink.objects.order_by("-checked_at").values_list("checked_at", flat=True).first()
    broken_count = sum(row.state == BREACH for row in rows)
    if rows:
        summary = f"{len(rows)}个页面有链接问题，其中{broken_count}个页面有失效链接或丢失的附件。"
    elif checked is None:
        summary = "尚未检查链接（每晚自动检查一次）。"
    else:
        summary = "未发现失效链接。"
    state = BREACH if broken_count else (WARNING if rows else OK)
    return [InspectionItem("links", "链接可用性", RULE, state, summary, veto=False, rows=rows, order=55)]
