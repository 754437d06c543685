"""The automatic checks of 录入后检查, run over the revision under review.

Each check takes the collected ``Content`` of a page and returns ``Finding``s. A blocking finding
stops the item unless the checker writes a reason to let it through; a warning is shown only.
The checks walk every StreamField of the page, so item types added by other column plugins are
checked without being listed here.
"""

import html
import re
from dataclasses import asdict, dataclass, field
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument
from wagtail.fields import StreamField
from wagtail.images.models import AbstractImage
from wagtail.models import Page
from wagtail.rich_text import RichText

from .models.words import LEVEL_BLOCKING, LEVEL_WARNING, SensitiveWord, TermCorrection
from .wording import WordLists, find_problems

TAG = re.compile(r"<[^>]+>")
LINK = re.compile(r"<a\b[^>]*\blinktype=\"(page|document)\"[^>]*\bid=\"(\d+)\"", re.IGNORECASE)
LINK_REVERSED = re.compile(r"<a\b[^>]*\bid=\"(\d+)\"[^>]*\blinktype=\"(page|document)\"", re.IGNORECASE)
EMBED_IMAGE = re.compile(r"<embed\b[^>]*embedtype=\"image\"[^>]*>", re.IGNORECASE)
ALT = re.compile(r"\balt=\"([^\"]*)\"", re.IGNORECASE)

TEXT_FIELDS = [("title", "标题"), ("summary", "摘要"), ("source", "来源"), ("author", "作者")]
DEFAULT_TITLE_MAX_LENGTH = 40
DEFAULT_MAX_AGE_DAYS = 365


@dataclass
class Finding:
    code: str
    level: str
    message: str

    @property
    def is_blocking(self):
        return self.level == LEVEL_BLOCKING

    @property
    def level_display(self):
        return "必须处理" if self.is_blocking else "提示"


@dataclass
class Content:
    """What the checks read: plain text by place, rich-text HTML, images and documents."""

    texts: list = field(default_factory=list)  # (place, text)
    rich_html: list = field(default_factory=list)
    images: list = field(default_factory=list)  # (image, alt text given in the block)
    documents: list = field(default_factory=list)


def _walk(value, place, content):
    if isinstance(value, RichText):
        content.rich_html.append(value.source)
        content.texts.append((place, html.unescape(TAG.sub("", value.source))))
    elif isinstance(value, StructValue):
        image = next((v for v in value.values() if isinstance(v, AbstractImage)), None)
        if image is not None:
            content.images.append((image, value.get("alt_text", "")))
        for child in value.values():
            if not isinstance(child, AbstractImage):
                _walk(child, place, content)
    elif isinstance(value, (StreamValue, ListValue, list, tuple)):
        for child in value:
            _walk(getattr(child, "value", child), place, content)
    elif isinstance(value, AbstractImage):
        content.images.append((value, ""))
    elif isinstance(value, AbstractDocument):
        content.documents.append(value)
    elif isinstance(value, str) and value:
        content.texts.append((place, value))


def collect(page):
    content = Content()
    for name, label in TEXT_FIELDS:
        value = getattr(page, name, "")
        if isinstance(value, str) and value:
            content.texts.append((label, value))
    for model_field in page._meta.get_fields():
        if isinstance(model_field, StreamField):
            _walk(getattr(page, model_field.name), model_field.verbose_name, content)
    return content


def check_words(page, content):
    findings = []
    words = list(SensitiveWord.objects.values_list("word", "level"))
    terms = list(TermCorrection.objects.values_list("wrong", "right", "level"))
    for place, text in content.texts:
        for word, level in words:
            if word in text:
                kind = "禁用词" if level == LEVEL_BLOCKING else "敏感词"
                findings.append(Finding("sensitive_word", level, f"{place}含有{kind}“{word}”。"))
        for wrong, right, level in terms:
            if wrong in text:
                findings.append(Finding("term", level, f"{place}中的“{wrong}”应为“{right}”。"))
    return findings


def check_names(page, content):
    """Leaders' names with a title that is not theirs, wrong forms of organisations' names (严重表述错误)."""
    lists = WordLists.load()
    lists.words, lists.terms = [], []  # check_words reports those
    return [
        Finding(problem.kind, problem.level, f"{place}：{problem.message}")
        for place, text in content.texts
        for problem in find_problems(text, lists)
    ]


def check_links(page, content):
    findings = []
    for source in content.rich_html:
        links = [(kind, pk) for kind, pk in LINK.findall(source)]
        links += [(kind, pk) for pk, kind in LINK_REVERSED.findall(source)]
        for kind, pk in set(links):
            if kind == "page":
                target = Page.objects.filter(pk=pk).only("live", "title").first()
                if target is None:
                    findings.append(Finding("broken_link", LEVEL_BLOCKING, "正文链接指向的页面已被删除。"))
                elif not target.live:
                    findings.append(
                        Finding("broken_link", LEVEL_BLOCKING, f"正文链接指向的页面“{target.title}”未发布。")
                    )
            elif not get_document_model().objects.filter(pk=pk).exists():
                findings.append(Finding("broken_link", LEVEL_BLOCKING, "正文链接指向的文件已被删除。"))
    return findings


def check_images(page, content):
    findings = []
    for image, alt in content.images:
        if not (alt or "").strip() and not (getattr(image, "description", "") or "").strip():
            findings.append(Finding("image_alt", LEVEL_WARNING, f"图片“{image.title}”没有替代文字。"))
    for source in content.rich_html:
        for embed in EMBED_IMAGE.findall(source):
            alt = ALT.search(embed)
            if not alt or not alt.group(1).strip():
                findings.append(Finding("image_alt", LEVEL_WARNING, "正文中的图片没有替代文字。"))
    return findings


def check_attachments(page, content):
    findings = []
    for document in content.documents:
        try:
            size = document.file.size if document.file else 0
        except OSError:
            size = 0
        if not size:
            findings.append(Finding("empty_attachment", LEVEL_BLOCKING, f"附件“{document.title}”是空文件或已丢失。"))
    return findings


def check_title(page, content):
    limit = getattr(settings, "REVIEW_TITLE_MAX_LENGTH", DEFAULT_TITLE_MAX_LENGTH)
    if len(page.title) > limit:
        return [Finding("long_title", LEVEL_WARNING, f"标题有{len(page.title)}个字，超过{limit}个字。")]
    return []


def check_publish_date(page, content):
    published = getattr(page, "publish_date", None)
    if published is None:
        return []
    now = timezone.now()
    max_age = getattr(settings, "REVIEW_PUBLISH_DATE_MAX_AGE_DAYS", DEFAULT_MAX_AGE_DAYS)
    if published > now + timedelta(hours=1):
        return [
            Finding(
                "publish_date",
                LEVEL_WARNING,
                f"发布时间 {timezone.localtime(published):%Y-%m-%d %H:%M} 晚于当前时间；定时发布请设置“上线时间”。",
            )
        ]
    if published < now - timedelta(days=max_age):
        return [
            Finding(
                "publish_date",
                LEVEL_WARNING,
                f"发布时间 {timezone.localtime(published):%Y-%m-%d} 早于{max_age}天前，请核实。",
            )
        ]
    return []


CHECKS = [check_words, check_names, check_links, check_images, check_attachments, check_title, check_publish_date]


def run_checks(page):
    content = collect(page)
    findings = []
    for check in CHECKS:
        findings.extend(check(page, content))
    return findings


def blocking(findings):
    return [finding for finding in findings if finding.is_blocking]


def as_records(findings):
    return [asdict(finding) for finding in findings]
