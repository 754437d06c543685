"""The columns' part of 网站健康检查 (``portal.site_inspection``): home page, column updates, blank columns,
and the committee's promise of an update every working day.

The national rules (《政府网站与政务新媒体检查指标》, 单项否决):
- 首页不更新: the home page's news not updated for two weeks;
- 栏目不更新: five or more news/activity columns not updated for two weeks, or notice/policy columns not
  updated for six months. Each column type declares how often it must be updated (``update_interval``),
  so a column counts as not updated once that interval has passed since its newest item;
- 空白栏目: five or more columns with no content.
"""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.db.models import Count, Max
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Site

from portal.site_inspection import BREACH, OK, WARNING, InspectionItem, Row, state_for_deadline
from portal.workdays import is_workday

from .models import ColumnItem, ColumnPage

HOME_INTERVAL = timedelta(weeks=2)
#: five or more stale (or blank) columns fail the site
VETO_COLUMN_COUNT = 5


def _published(now):
    return ColumnItem.objects.live().public().filter(publish_date__lte=now)


def _columns():
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    columns = ColumnPage.objects.live().specific()
    if site is not None:
        columns = columns.descendant_of(site.root_page)
    return sorted(columns, key=lambda column: column.path)


def _admin_edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def _warn_days():
    return getattr(settings, "INSPECTION_WARN_DAYS", 3)


def home_item(now):
    today = timezone.localdate(now)
    newest = _published(now).aggregate(newest=Max("publish_date"))["newest"]
    if newest is None:
        return InspectionItem(
            "home_updates",
            "首页更新",
            "首页要闻、动态等信息超过2周未更新的，单项否决。",
            BREACH,
            "首页没有任何已发布的信息。",
            order=10,
        )
    deadline = timezone.localdate(newest) + HOME_INTERVAL
    state = state_for_deadline(deadline, today, _warn_days())
    days = (today - timezone.localdate(newest)).days
    return InspectionItem(
        "home_updates",
        "首页更新",
        "首页要闻、动态等信息超过2周未更新的，单项否决。",
        state,
        f"最近一条信息发布于{timezone.localdate(newest):%Y-%m-%d}（{days}天前）；"
        f"{'已于' if state == BREACH else '须在'}{deadline:%Y-%m-%d}{'超期' if state == BREACH else '前更新'}。",
        breach_on=deadline,
        order=10,
    )


def column_items(now):
    """栏目更新 and 空白栏目, from one pass over the live columns."""
    today = timezone.localdate(now)
    columns = _columns()
    stats = {
        row["column"]: row
        for row in _published(now)
        .filter(column__in=[c.pk for c in columns])
        .values("column")
        .annotate(newest=Max("publish_date"), count=Count("pk"))
    }
    stale_rows, blank_rows, deadlines = [], [], []
    for column in columns:
        interval = column.update_interval
        row_stats = stats.get(column.pk)
        if row_stats is None:
            blank_rows.append(Row(column.title, "栏目下没有已发布的信息。", _admin_edit_url(column), state=BREACH))
            continue
        if not isinstance(interval, timedelta):
            continue
        newest = timezone.localdate(row_stats["newest"])
        deadline = newest + interval
        state = state_for_deadline(deadline, today, _warn_days())
        if state != OK:
            stale_rows.append(
                Row(
                    column.title,
                    f"应每{interval.days}天更新；最近一条发布于{newest:%Y-%m-%d}，共{row_stats['count']}条。",
                    _admin_edit_url(column),
                    due=deadline,
                    state=state,
                )
            )
        if state != BREACH:
            deadlines.append(deadline)

    stale = [row for row in stale_rows if row.state == BREACH]
    if len(stale) >= VETO_COLUMN_COUNT:
        state = BREACH
    elif stale_rows:
        state = WARNING
    else:
        state = OK
    # With four columns already stale, the next column to pass its interval fails the site.
    breach_on = None
    if len(stale) >= VETO_COLUMN_COUNT:
        breach_on = min(row.due for row in stale)
    elif deadlines and len(stale) + len(deadlines) >= VETO_COLUMN_COUNT:
        breach_on = sorted(deadlines)[VETO_COLUMN_COUNT - len(stale) - 1]
    stale_rows.sort(key=lambda row: (row.due, row.label))
    yield InspectionItem(
        "column_updates",
        "栏目更新",
        "动态、要闻类栏目超过2周未更新，或通知公告、政策文件类栏目超过6个月未更新，累计5个及以上的，单项否决。"
        "各栏目按其声明的更新周期检查。",
        state,
        f"{len(stale)}个栏目已超过更新周期，{len(stale_rows) - len(stale)}个栏目将在{_warn_days()}天内到期。"
        if stale_rows
        else "所有栏目都在更新周期内。",
        breach_on=breach_on,
        rows=stale_rows,
        order=20,
    )
    yield InspectionItem(
        "blank_columns",
        "空白栏目",
        "栏目无内容（空白栏目）累计5个及以上的，单项否决。",
        BREACH if len(blank_rows) >= VETO_COLUMN_COUNT else (WARNING if blank_rows else OK),
        f"{len(blank_rows)}个栏目没有内容。" if blank_rows else "没有空白栏目。",
        rows=blank_rows,
        order=30,
    )


def daily_update_item(now):
    """The committee's promise: something new on every working day, by 16:00 (a setting)."""
    local = timezone.localtime(now)
    today = local.date()
    deadline_hour = getattr(settings, "INSPECTION_DAILY_UPDATE_HOUR", 16)
    rule = f"工作日每天更新：每个工作日{deadline_hour}:00前至少发布一条新信息（本委承诺，非单项否决）。"
    if not is_workday(today):
        return InspectionItem("daily_update", "工作日更新", rule, OK, "今天不是工作日。", veto=False, order=60)
    start = timezone.make_aware(datetime.combine(today, time.min))
    published_today = _published(now).filter(publish_date__gte=start).count()
    if published_today:
        return InspectionItem(
            "daily_update", "工作日更新", rule, OK, f"今天已发布{published_today}条新信息。", veto=False, order=60
        )
    state = WARNING if local.hour >= deadline_hour else OK
    summary = (
        f"已过{deadline_hour}:00，今天还没有发布新信息。"
        if state == WARNING
        else f"今天还没有发布新信息，请在{deadline_hour}:00前发布。"
    )
    return InspectionItem("daily_update", "工作日更新", rule, state, summary, breach_on=today, veto=False, order=60)


def inspect_columns(now):
    return [home_item(now), *column_items(now), daily_update_item(now)]
