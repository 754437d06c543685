"""The editable word lists the automatic check (录入后检查) reads."""

from django.db import models

from wagtail.search import index

LEVEL_BLOCKING = "blocking"
LEVEL_WARNING = "warning"
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
