"""The figures of one year's report, computed from the portal's own records.

A year runs from 1 January 00:00 to 31 December 24:00 in the site's time zone. What each figure counts:

- 访问量: the analytics app's daily whole-site rows; 独立用户 is the sum of each day's unique visitors (a
  visitor is only recognisable within a day, by design), 总访问量 the sum of page views.
- 信息发布: items (``ColumnItem``) live now whose 发布时间 falls in the year, per column and in total.
  概况类 / 政务动态 / 信息公开目录 add up the columns whose plugin app is listed in ``CATEGORY_APPS``.
- 新开设栏目: live columns first published in the year; 更新栏目: columns with at least one item in the year.
- 专栏专题: the topics (pages under the 专题专栏 column) live at the end of the year, and those first
  published in it.
- 政策解读: the portal has no 政策解读 column or category, so it counts the items of the year whose title
  contains “解读”; 解读材料 is the part of them in the 政务公开 column. Editors correct it before issuing.
- 书记信箱 / 网站纠错 / 依申请公开: received = arrived in the year; answered = answered (办结) in the year,
  whenever they arrived; average days = calendar days (自然日) from arrival to answer of those answered.
"""

from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Sum
from django.utils import timezone

from wagtail.models import Page, Site

from analytics.models import DailyStat, Scope
from columns.models import ColumnItem, ColumnPage
from disclosure.models import InformationRequest
from feedback.models import ErrorReport
from mailbox.models import ANSWERED_STATUSES, Letter
from portal.models import SiteIdentity

from .fields import blank_figures

# Plugin app labels of the columns whose items count as each kind of information of the national form.
CATEGORY_APPS = {
    "info_overview": ("organisation",),
    "info_news": ("news", "legal_news", "notices"),
    "info_catalogue": ("gov_info",),
}
TOPICS_APP = "topics"
CATALOGUE_APP = "gov_info"
INTERPRETATION_WORD = "解读"


def year_bounds(year):
    tz = timezone.get_current_timezone()
    return datetime(year, 1, 1, tzinfo=tz), datetime(year + 1, 1, 1, tzinfo=tz)


def in_year(field, year):
    start, end = year_bounds(year)
    return {f"{field}__gte": start, f"{field}__lt": end}


def average_days(pairs):
    """Mean calendar days between (start, end) datetimes, to one decimal, as text; "0" when there are none."""
    days = [(timezone.localdate(end) - timezone.localdate(start)).days for start, end in pairs]
    if not days:
        return "0"
    mean = Decimal(sum(days)) / Decimal(len(days))
    return str(mean.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def default_site():
    return Site.objects.filter(is_default_site=True).first() or Site.objects.order_by("pk").first()


def site_figures(site):
    identity = SiteIdentity.for_site(site) if site is not None else SiteIdentity()
    return {
        "site_name": identity.site_name,
        "site_url": site.root_url if site is not None else "",
        "sponsor": identity.sponsor,
        "site_code": identity.site_code,
        "icp_number": identity.icp_number,
        "police_record_number": identity.police_record_number,
        "contact_phone": identity.phone,
    }


def visit_figures(year):
    start, end = year_bounds(year)
    totals = DailyStat.objects.filter(scope=Scope.SITE, day__gte=start.date(), day__lt=end.date()).aggregate(
        views=Sum("views"), visitors=Sum("visitors")
    )
    return {"unique_visitors": totals["visitors"] or 0, "page_views": totals["views"] or 0}


def site_columns(site):
    columns = ColumnPage.objects.live().select_related("content_type")
    if site is not None:
        columns = columns.descendant_of(site.root_page)
    return list(columns.order_by("path"))


def publishing_figures(year, columns):
    items = ColumnItem.objects.live().filter(**in_year("publish_date", year), column__in=columns)
    # order_by(): Page's default ordering (path) would otherwise split the groups
    per_column = dict(items.order_by().values("column_id").annotate(n=Count("pk")).values_list("column_id", "n"))
    column_counts = [{"title": column.title, "count": per_column.get(column.pk, 0)} for column in columns]
    figures = {
        "info_total": sum(per_column.values()),
        "columns_new": sum(1 for column in columns if column.first_published_at and in_range(column, year)),
        "columns_updated": sum(1 for column in columns if per_column.get(column.pk)),
    }
    for key, apps in CATEGORY_APPS.items():
        figures[key] = sum(per_column.get(c.pk, 0) for c in columns if c.content_type.app_label in apps)
    interpretations = items.filter(title__contains=INTERPRETATION_WORD)
    catalogue = [c.pk for c in columns if c.content_type.app_label == CATALOGUE_APP]
    figures["interpretations"] = interpretations.count()
    figures["interpretation_materials"] = interpretations.filter(column__in=catalogue).count()
    return figures, column_counts


def in_range(page, year):
    start, end = year_bounds(year)
    return start <= page.first_published_at < end


def topic_figures(year, columns):
    topic_columns = [c for c in columns if c.content_type.app_label == TOPICS_APP]
    if not topic_columns:
        return {"topics_maintained": 0, "topics_new": 0}
    models = {model for column in topic_columns for model in column.specific_class.allowed_subpage_models()}
    topics = Page.objects.none()
    for column in topic_columns:
        topics |= Page.objects.child_of(column)
    topics = topics.live().type(*models)
    _, end = year_bounds(year)
    return {
        "topics_maintained": topics.filter(first_published_at__lt=end).count(),
        "topics_new": topics.filter(**in_year("first_published_at", year)).count(),
    }


def interaction_figures(year):
    answered_letters = Letter.objects.filter(status__in=ANSWERED_STATUSES, **in_year("answered_at", year))
    closed_reports = ErrorReport.objects.filter(closed_at__isnull=False, **in_year("closed_at", year))
    return {
        "letters_received": Letter.objects.filter(**in_year("created_at", year)).count(),
        "letters_answered": answered_letters.count(),
        "letters_average_days": average_days(answered_letters.values_list("created_at", "answered_at")),
        "letters_published": answered_letters.published().count(),
        "corrections_received": ErrorReport.objects.filter(**in_year("received_at", year)).count(),
        "corrections_answered": closed_reports.count(),
        "corrections_average_days": average_days(closed_reports.values_list("received_at", "closed_at")),
        "disclosure_received": InformationRequest.objects.filter(**in_year("received_at", year)).count(),
        "disclosure_answered": InformationRequest.objects.filter(
            answered_at__isnull=False, **in_year("answered_at", year)
        ).count(),
    }


def compute(year, site=None, keep=None):
    """(figures, column_counts) of ``year``.

    ``keep``: the figures of the report being recalculated; what the portal cannot compute (staff, 办事服务,
    security…) stays as typed, every computed figure is taken afresh.
    """
    site = site or default_site()
    columns = site_columns(site)
    figures = blank_figures()
    if keep:
        figures.update({key: value for key, value in keep.items() if key in figures})
    publishing, column_counts = publishing_figures(year, columns)
    figures.update(site_figures(site))
    figures.update(visit_figures(year))
    figures.update(publishing)
    figures.update(topic_figures(year, columns))
    figures.update(interaction_figures(year))
    return figures, column_counts
