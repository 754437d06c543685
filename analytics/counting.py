"""Counting a view (the beacon's side) and reading counts back (the view-count tag's and the reports' side)."""

import hashlib
import re
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Sum
from django.utils import timezone

from wagtail.models import Page

from columns.models import ColumnPage
from portal.ratelimit import RateLimit

from .models import DailySalt, DailyStat, Hit, Scope

# Crawlers, link checkers and command-line clients; browsers that run the beacon rarely say any of these.
BOT_USER_AGENT = re.compile(
    r"bot|crawl|spider|slurp|baiduspider|yisouspider|sogou|bytespider|curl|wget|python-|java/|go-http|"
    r"headlesschrome|phantomjs|scrapy|monitor|check|preview",
    re.IGNORECASE,
)
MAX_PATH = 300


def is_bot(user_agent: str) -> bool:
    return not user_agent or bool(BOT_USER_AGENT.search(user_agent))


def daily_salt(day) -> str:
    """The random salt of ``day``, created by the first hit of the day."""
    salt = DailySalt.objects.filter(day=day).values_list("value", flat=True).first()
    if salt:
        return salt
    try:
        with transaction.atomic():
            return DailySalt.objects.create(day=day, value=secrets.token_hex(32)).value
    except IntegrityError:  # another request created it first
        return DailySalt.objects.get(day=day).value


def visitor_hash(day, address: str, user_agent: str) -> str:
    return hashlib.sha256(f"{daily_salt(day)}|{address}|{user_agent}".encode()).hexdigest()


def column_of(page):
    """The column (``ColumnPage``) the page is, or is under; None for the home page and pages outside columns."""
    prefixes = [page.path[: depth * Page.steplen] for depth in range(1, page.depth + 1)]
    return ColumnPage.objects.filter(path__in=prefixes).order_by("-depth").first()


def hit_limit():
    return RateLimit("analytics-hits", getattr(settings, "ANALYTICS_HITS_PER_MINUTE", 60), 60)


def record_hit(*, page, path: str, address: str, user_agent: str) -> bool:
    """Store one view unless it comes from a bot or an address past its allowance; returns whether it counted."""
    if is_bot(user_agent) or hit_limit().hit(address) > hit_limit().limit:
        return False
    now = timezone.now()
    day = timezone.localdate(now)
    column = column_of(page) if page is not None else None
    Hit.objects.create(
        day=day,
        created_at=now,
        page=page,
        column_id=column.pk if column else None,
        path=path[:MAX_PATH],
        visitor=visitor_hash(day, address, user_agent),
    )
    return True


def last_aggregated_day():
    return DailyStat.objects.filter(scope=Scope.SITE).aggregate(last=Max("day"))["last"]


def page_views(page_id: int) -> int:
    """All views of a page: its daily rows plus the raw hits of the days not aggregated yet."""
    last = last_aggregated_day()
    stored = DailyStat.objects.filter(scope=Scope.PAGE, page_id=page_id).aggregate(total=Sum("views"))["total"] or 0
    recent = Hit.objects.filter(page_id=page_id)
    if last is not None:
        recent = recent.filter(day__gt=last)
    return stored + recent.count()


def aggregate_day(day) -> int:
    """(Re)build the daily rows of ``day`` from its raw hits; returns the number of rows written."""
    hits = Hit.objects.filter(day=day)
    rows = []
    site = hits.aggregate(views=Count("pk"), visitors=Count("visitor", distinct=True))
    if not site["views"]:
        return 0
    rows.append(DailyStat(day=day, scope=Scope.SITE, key="", title="全站", **site))
    columns = (
        hits.exclude(column=None).values("column").annotate(views=Count("pk"), visitors=Count("visitor", distinct=True))
    )
    titles = dict(Page.objects.filter(pk__in=[row["column"] for row in columns]).values_list("pk", "title"))
    for row in columns:
        rows.append(
            DailyStat(
                day=day,
                scope=Scope.COLUMN,
                key=str(row["column"]),
                page_id=row["column"],
                title=titles.get(row["column"], ""),
                views=row["views"],
                visitors=row["visitors"],
            )
        )
    pages = hits.values("path").annotate(views=Count("pk"), visitors=Count("visitor", distinct=True), page=Max("page"))
    titles = dict(Page.objects.filter(pk__in=[row["page"] for row in pages if row["page"]]).values_list("pk", "title"))
    for row in pages:
        rows.append(
            DailyStat(
                day=day,
                scope=Scope.PAGE,
                key=row["path"],
                page_id=row["page"],
                title=titles.get(row["page"], ""),
                views=row["views"],
                visitors=row["visitors"],
            )
        )
    with transaction.atomic():
        DailyStat.objects.filter(day=day).delete()
        DailyStat.objects.bulk_create(rows)
    return len(rows)


def aggregate(today=None, retention_days=None) -> tuple[int, int]:
    """Aggregate every finished day not aggregated yet, then delete hits past retention and spent salts.

    Returns ``(days aggregated, raw hits deleted)``. Running it twice changes nothing.
    """
    today = today or timezone.localdate()
    retention = retention_days if retention_days is not None else settings.ANALYTICS_RAW_RETENTION_DAYS
    done_days = set(DailyStat.objects.filter(scope=Scope.SITE).values_list("day", flat=True))
    pending = set(Hit.objects.filter(day__lt=today).values_list("day", flat=True).distinct()) - done_days
    done = sum(1 for day in sorted(pending) if aggregate_day(day))
    deleted, _ = Hit.objects.filter(day__lt=today - timedelta(days=retention)).delete()
    DailySalt.objects.filter(day__lt=today).delete()
    return done, deleted
