"""The Chinese search index and the dictionary editors maintain.

``IndexEntry`` holds, per indexed object, its raw title and body (for snippets
and for re-segmenting when the dictionary changes) and their jieba tokens. The
full-text structures on top are vendor specific and maintained by triggers
created in migration 0002: an FTS5 table on SQLite, ``tsvector`` columns with
GIN indexes (``simple`` configuration) on PostgreSQL.
"""

import re

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models

from wagtail.admin.panels import FieldPanel

from .text import normalize

_SEPARATORS = re.compile(r"[\s,，、;；/|]+")


class IndexEntry(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=50)
    title = models.TextField(blank=True)
    body = models.TextField(blank=True)
    title_tokens = models.TextField(blank=True)
    body_tokens = models.TextField(blank=True)

    wagtail_reference_index_ignore = True

    class Meta:
        constraints = [models.UniqueConstraint(fields=["content_type", "object_id"], name="search_entry_unique_object")]
        verbose_name = "中文索引条目"
        verbose_name_plural = "中文索引条目"

    def __str__(self):
        return self.title


class SearchTerm(models.Model):
    """A word jieba must keep whole (扫黑除恶, 网格员…), so searches for it find it and nothing less."""

    word = models.CharField("词语", max_length=30, unique=True, help_text="不含空格，例如：扫黑除恶、网格员。")
    frequency = models.PositiveIntegerField(
        "词频", null=True, blank=True, help_text="可留空；数值越大，分词时越优先把它当作一个词。"
    )
    note = models.CharField("说明", max_length=200, blank=True)

    panels = [FieldPanel("word"), FieldPanel("frequency"), FieldPanel("note")]

    class Meta:
        ordering = ["word"]
        verbose_name = "搜索词典词语"
        verbose_name_plural = "搜索词典"

    def __str__(self):
        return self.word

    def clean(self):
        self.word = normalize(self.word)
        if not self.word or " " in self.word:
            raise ValidationError({"word": "请填写一个不含空格的词语。"})


class Synonym(models.Model):
    """Words that mean the same thing (政法委 ↔ 政法委员会): a search for one finds all of them."""

    terms = models.CharField(
        "同义词组", max_length=300, unique=True, help_text="用逗号或顿号分隔，至少两个词，例如：政法委，政法委员会。"
    )
    note = models.CharField("说明", max_length=200, blank=True)

    panels = [FieldPanel("terms"), FieldPanel("note")]

    class Meta:
        ordering = ["terms"]
        verbose_name = "同义词"
        verbose_name_plural = "同义词"

    def __str__(self):
        return "、".join(self.members())

    def members(self):
        return list(dict.fromkeys(word for word in (normalize(part) for part in _SEPARATORS.split(self.terms)) if word))

    def clean(self):
        members = self.members()
        if len(members) < 2:
            raise ValidationError({"terms": "同义词组至少要有两个不同的词语。"})
        self.terms = "，".join(members)
