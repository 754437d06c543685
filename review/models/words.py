"""The editable word lists the automatic check (录入后检查) reads."""

import re

from django.db import models

from wagtail.search import index

LEVEL_BLOCKING = "blocking"
LEVEL_WARNING = "warning"
TITLE_SEPARATOR = re.compile(r"[、，,;；\s]+")
LEVEL_CHOICES = [(LEVEL_BLOCKING, "阻断（须填写理由方可放行）"), (LEVEL_WARNING, "提示")]


class SensitiveWord(index.Indexed, models.Model):
    """A forbidden (blocking) or sensitive (warning) word or phrase."""

    word = models.CharField("词语", max_length=50, unique=True)
    level = models.CharField("级别", max_length=10, choices=LEVEL_CHOICES, default=LEVEL_BLOCKING)
    note = models.CharField("说明", max_length=200, blank=True)

    search_fields = [index.SearchField("word"), index.AutocompleteField("word"), index.FilterField("level")]

    class Meta:
        verbose_name = "敏感词"
        verbose_name_plural = "敏感词"
        ordering = ["word"]

    def __str__(self):
        return self.word


class TermCorrection(index.Indexed, models.Model):
    """A wrong form of a political term or name and its right form (错误表述 → 规范表述)."""

    wrong = models.CharField("错误表述", max_length=100, unique=True)
    right = models.CharField("规范表述", max_length=100)
    level = models.CharField("级别", max_length=10, choices=LEVEL_CHOICES, default=LEVEL_BLOCKING)
    note = models.CharField("说明", max_length=200, blank=True)

    search_fields = [
        index.SearchField("wrong"),
        index.SearchField("right"),
        index.AutocompleteField("wrong"),
        index.FilterField("level"),
    ]

    class Meta:
        verbose_name = "规范表述"
        verbose_name_plural = "规范表述"
        ordering = ["wrong"]

    def __str__(self):
        return f"{self.wrong} → {self.right}"


class LeaderName(index.Indexed, models.Model):
    """A leader's name and current title(s), so that a wrong title next to the name is found (严重表述错误)."""

    name = models.CharField("姓名", max_length=20)
    titles = models.CharField(
        "现任职务",
        max_length=200,
        help_text="多个职务用顿号或逗号分隔，如：市委副书记、市长。正文中姓名紧邻其他领导的职务时将被提示。",
    )
    active = models.BooleanField("在任", default=True, help_text="离任后取消勾选，不再检查。")
    sort_order = models.PositiveIntegerField("排序", default=0)

    search_fields = [index.SearchField("name"), index.SearchField("titles"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = "领导姓名职务"
        verbose_name_plural = "领导姓名职务"
        ordering = ["sort_order", "name"]
        constraints = [models.UniqueConstraint(fields=["name"], name="review_leadername_unique_name")]

    def __str__(self):
        return f"{self.name}（{self.titles}）"

    @property
    def title_list(self):
        return [title.strip() for title in TITLE_SEPARATOR.split(self.titles) if title.strip()]


class OfficialName(index.Indexed, models.Model):
    """An organisation's official name and the wrong or outdated forms editors have met (机构名称错误)."""

    name = models.CharField("规范名称", max_length=100, unique=True)
    wrong_forms = models.TextField("错误写法", help_text="每行一个。出现在规范名称之内的不算错误。")

    search_fields = [index.SearchField("name"), index.SearchField("wrong_forms"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = "机构规范名称"
        verbose_name_plural = "机构规范名称"
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def wrong_form_list(self):
        return [line.strip() for line in self.wrong_forms.splitlines() if line.strip() and line.strip() != self.name]


class WordingFinding(models.Model):
    """A wording problem found in live content by ``check_live_wording`` (replaced on every run)."""

    KIND_CHOICES = [
        ("sensitive_word", "禁用词/敏感词"),
        ("term", "规范表述"),
        ("leader", "领导姓名职务"),
        ("organisation", "机构名称"),
    ]

    page = models.ForeignKey("wagtailcore.Page", verbose_name="页面", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField("类型", max_length=20, choices=KIND_CHOICES)
    level = models.CharField("级别", max_length=10, choices=LEVEL_CHOICES)
    word = models.CharField("词语", max_length=100)
    message = models.CharField("问题", max_length=300)
    place = models.CharField("位置", max_length=100, blank=True)
    sentence = models.CharField("所在句子", max_length=300)
    found_at = models.DateTimeField("发现时间", db_index=True)

    class Meta:
        verbose_name = "表述问题"
        verbose_name_plural = "表述问题"
        ordering = ["page_id", "pk"]
        default_permissions = ("view",)

    def __str__(self):
        return self.message
