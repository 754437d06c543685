"""The wording check's part of 网站健康检查 (``portal.site_inspection``).

National rule (《政府网站与政务新媒体检查指标》, 单项否决): serious wording errors (严重表述错误) — wrong names
or titles of leaders, wrong names of organisations, wrong political terms — fail the site. A blocking-level
finding of the live wording check counts as serious; warning-level findings are shown to be looked at.
"""

from urllib.parse import quote

from django.urls import reverse

from portal.site_inspection import BREACH, OK, WARNING, InspectionItem, Row

from .models import WordingFinding
from .models.words import LEVEL_BLOCKING

RULE = "出现严重表述错误（领导人姓名职务、机构名称、重要政治术语等）的，单项否决。"


def finding_url(finding):
    """The live page scrolled to the sentence (a text fragment), or the page's edit view when not routable."""
    url = finding.page.url if finding.page.live else None
    if not url:
        return reverse("wagtailadmin_pages:edit", args=[finding.page_id])
    return f"{url}#:~:text={quote(finding.word)}"


def inspect_wording(now):
    findings = list(WordingFinding.objects.select_related("page").order_by("-level", "page__title", "pk"))
    serious = [f for f in findings if f.level == LEVEL_BLOCKING]
    checked = max((f.found_at for f in findings), default=None)
    rows = [
        Row(
            f.page.title,
            f"{f.message} 句子：{f.sentence}",
            finding_url(f),
            state=BREACH if f.level == LEVEL_BLOCKING else WARNING,
        )
        for f in findings
    ]
    if serious:
        summary = f"已发布内容中有{len(serious)}处严重表述问题，{len(findings) - len(serious)}处提示。"
    elif findings:
        summary = f"已发布内容中有{len(findings)}处需要核实的表述。"
    else:
        summary = "已发布内容中未发现表述问题。"
    if checked is None:
        summary += "（结果来自每晚的全站表述检查和每次发布时的检查。）"
    return [
        InspectionItem(
            "wording",
            "严重表述错误",
            RULE,
            BREACH if serious else (WARNING if findings else OK),
            summary,
            rows=rows,
            order=50,
        )
    ]
