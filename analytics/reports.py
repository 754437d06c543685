"""The figures of the admin report for a span of days: finished days from the daily rows, today from raw hits."""

from datetime import timedelta

from django.db.models import Count, Sum
from django.utils import timezone

from wagtail.models import Page

from .counting import last_aggregated_day
from .models import DailyStat, Hit, Scope

TOP_ROWS = 20


def _live_days(start, end):
    """Raw hits of the days in the span that are not aggregated yet (today, or days before the nightly run)."""
    last = last_aggregated_day()
    hits = Hit.objects.filter(day__range=(start, end))
    return hits.filter(day__gt=last) if last is not None else hits


def daily(start, end):
    """One row per day of the span: views and unique visitors of the whole site (0 for days without views)."""
    figures = {
        row["day"]: (row["views"], row["visitors"])
        for row in DailyStat.objects.filter(scope=Scope.SITE, day__range=(start, end)).values(
            "day", "views", "visitors"
        )
    }
    live = _live_days(start, end).values("day").annotate(views=Count("pk"), visitors=Count("visitor", distinct=True))
    for row in live:
        figures[row["day"]] = (row["views"], row["visitors"])
    days = (end - start).days + 1
    return [
        {"day": day, "views": figures.get(day, (0, 0))[0], "visitors": figures.get(day, (0, 0))[1]}
        for day in (start + timedelta(days=offset) for offset in range(days))
    ]


def _ranked(scope, start, end, live_key):
    """Views and visitor-days per column or page, most viewed first.

    Visitors are unique per day; over a span their sum counts a visitor once per day they came.
    """
    totals = {}
    stored = (
        DailyStat.objects.filter(scope=scope, day__range=(start, end))
        .values("key", "title")
        .annotate(views=Sum("views"), visitors=Sum("visitors"))
    )
    for row in stored:
        totals[row["key"]] = {
            "key": row["key"],
            "title": row["title"],
            "views": row["views"],
            "visitors": row["visitors"],
        }
    live = (
        _live_days(start, end)
        .exclude(**{live_key: None})
        .values(live_key, "day")
        .annotate(views=Count("pk"), visitors=Count("visitor", distinct=True))
    )
    page_ids = set()
    for row in live:
        key = str(row[live_key])
        entry = totals.setdefault(key, {"key": key, "title": "", "views": 0, "visitors": 0})
        entry["views"] += row["views"]
        entry["visitors"] += row["visitors"]
        if scope == Scope.COLUMN and not entry["title"]:
            page_ids.add(row[live_key])
    if page_ids:
        titles = dict(Page.objects.filter(pk__in=page_ids).values_list("pk", "title"))
        for key, entry in totals.items():
            if not entry["title"] and key.isdigit():
                entry["title"] = titles.get(int(key), "")
    return sorted(totals.values(), key=lambda entry: (-entry["views"], entry["key"]))


def by_column(start, end):
    return _ranked(Scope.COLUMN, start, end, "column")


def by_page(start, end, limit=TOP_ROWS):
    rows = _ranked(Scope.PAGE, start, end, "path")
    return rows[:limit] if limit else rows


def default_span(today=None):
    today = today or timezone.localdate()
    return today - timedelta(days=29), today
