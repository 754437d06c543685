"""Raw hits of the last days and the daily rows they are aggregated into.

A visitor is identified only within one day, by a hash of that day's random
salt with their address and user agent; neither is stored, and the salt is
deleted once its day is over, so yesterday's hashes cannot be linked to anyone.
"""

from django.db import models
from django.utils import timezone


class DailySalt(models.Model):
    day = models.DateField(unique=True)
    value = models.CharField(max_length=64)

    class Meta:
        verbose_name = "访客标识盐值"
        verbose_name_plural = "访客标识盐值"

    def __str__(self):
        return str(self.day)


class Hit(models.Model):
    """One page view, as the beacon reported it."""

    day = models.DateField("日期", db_index=True)
    created_at = models.DateTimeField("时间", default=timezone.now)
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="页面", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    column = models.ForeignKey(
        "wagtailcore.Page", verbose_name="栏目", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    path = models.CharField("网址路径", max_length=300)
    visitor = models.CharField("访客标识（当日加盐哈希）", max_length=64)

    class Meta:
        verbose_name = "访问记录"
        verbose_name_plural = "访问记录"
        indexes = [models.Index(fields=["page", "day"])]

    def __str__(self):
        return f"{self.day} {self.path}"


class Scope(models.TextChoices):
    SITE = "site", "全站"
    COLUMN = "column", "栏目"
    PAGE = "page", "页面"


class DailyStat(models.Model):
    """Views and unique visitors of one day, for the whole site, a column or a page.

    ``key`` tells the rows of one day and scope apart: empty for the site, the
    column's id, or the page's path (which survives the page's deletion).
    """

    day = models.DateField("日期", db_index=True)
    scope = models.CharField("范围", max_length=10, choices=Scope.choices)
    key = models.CharField(max_length=300)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="页面或栏目",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField("标题", max_length=255, blank=True)
    views = models.PositiveIntegerField("浏览量", default=0)
    visitors = models.PositiveIntegerField("访客数", default=0)

    class Meta:
        verbose_name = "每日访问统计"
        verbose_name_plural = "每日访问统计"
        constraints = [models.UniqueConstraint(fields=["day", "scope", "key"], name="analytics_dailystat_unique")]
        indexes = [models.Index(fields=["scope", "page"])]

    def __str__(self):
        return f"{self.day} {self.get_scope_display()} {self.title or self.key}"
