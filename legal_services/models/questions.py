"""Questions citizens ask the legal-services channel, and the staff's answers.

法规政策咨询, 涉法涉诉问题解答 and the column 你问我答 all take questions
through this one model, so staff answer everything in one admin list and the
publication rules (an answer and the asker's consent, personal data never
shown) are enforced in one place.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MinLengthValidator
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.utils import timezone

from intake.masking import mask_name
from portal.serials import daily_reference
from portal.validators import validate_phone

REFERENCE_PREFIX = "ZX"
REFERENCE_ATTEMPTS = 5
TITLE_MIN_LENGTH, TITLE_MAX_LENGTH = 5, 50
CONTENT_MIN_LENGTH, CONTENT_MAX_LENGTH = 10, 1000
TITLE_LENGTH_MESSAGE = f"标题应为{TITLE_MIN_LENGTH}至{TITLE_MAX_LENGTH}个字。"
CONTENT_LENGTH_MESSAGE = f"问题内容应为{CONTENT_MIN_LENGTH}至{CONTENT_MAX_LENGTH}个字，请简要说明情况和您想咨询的问题。"
SEARCH_QUERY_MAX_LENGTH = 50
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


class QuestionCategory(models.TextChoices):
    POLICY = "policy", "法规政策咨询"
    LITIGATION = "litigation", "涉法涉诉问题解答"
    QA = "qa", "你问我答"


class QuestionStatus(models.TextChoices):
    PENDING = "pending", "待答复"
    ANSWERED = "answered", "已答复"
    DECLINED = "declined", "不予答复"


def normalise_search_query(raw):
    """The keyword a visitor typed, made safe for a search: no control characters, at most 50 characters.

    Returns ``(shown, effective)``: what to put back into the search box, and
    what to search for, which is empty when nothing searchable (only spaces or
    punctuation) was typed, so such input lists everything instead of failing.
    """
    shown = CONTROL_CHARACTERS.sub("", raw or "").strip()[:SEARCH_QUERY_MAX_LENGTH]
    effective = shown if any(character.isalnum() for character in shown) else ""
    return shown, effective


class QuestionQuerySet(models.QuerySet):
    def published(self):
        """What visitors may see. Consent and the answer are checked again here, not only when saving."""
        return self.filter(is_published=True, consent_to_publish=True, status=QuestionStatus.ANSWERED).exclude(
            answer=""
        )

    def in_categories(self, categories):
        return self.filter(category__in=list(categories))

    def search(self, query):
        if not query:
            return self
        return self.filter(Q(title__icontains=query) | Q(content__icontains=query) | Q(answer__icontains=query))


class Question(models.Model):
    """A question from the public; its asker's name, phone and e-mail are for staff only."""

    reference = models.CharField("受理编号", max_length=20, unique=True, editable=False)
    # The public form's one-time key (questions entered by staff, or stored before the key, have none).
    submission_key = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    category = models.CharField("咨询类别", max_length=20, choices=QuestionCategory.choices)
    name = models.CharField("姓名", max_length=20)
    phone = models.CharField("联系电话", max_length=30, validators=[validate_phone])
    email = models.EmailField("电子邮箱", blank=True)
    title = models.CharField(
        "标题",
        max_length=TITLE_MAX_LENGTH,
        validators=[MinLengthValidator(TITLE_MIN_LENGTH, TITLE_LENGTH_MESSAGE)],
        help_text=f"{TITLE_MIN_LENGTH}至{TITLE_MAX_LENGTH}个字，概括您的问题。",
    )
    content = models.TextField(
        "问题内容",
        max_length=CONTENT_MAX_LENGTH,
        validators=[
            MinLengthValidator(CONTENT_MIN_LENGTH, CONTENT_LENGTH_MESSAGE),
            MaxLengthValidator(CONTENT_MAX_LENGTH, CONTENT_LENGTH_MESSAGE),
        ],
        help_text=f"{CONTENT_MIN_LENGTH}至{CONTENT_MAX_LENGTH}个字。请勿填写身份证号等敏感信息。",
    )
    consent_to_publish = models.BooleanField(
        "同意公开",
        default=False,
        help_text="同意后，问题和答复可在本网站公开（不显示姓名和联系方式）。",
    )
    status = models.CharField(
        "办理状态", max_length=10, choices=QuestionStatus.choices, default=QuestionStatus.PENDING, db_index=True
    )
    decline_reason = models.TextField("不予答复理由", blank=True, help_text="办理状态为“不予答复”时必填。")
    answer = models.TextField("答复内容", blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="答复人",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answered_at = models.DateTimeField("答复时间", null=True, blank=True, editable=False)
    is_published = models.BooleanField(
        "在网站公开",
        default=False,
        help_text="只有已答复且提问人同意公开的问题才能公开；可随时取消公开。",
    )
    published_at = models.DateTimeField("公开时间", null=True, blank=True, editable=False)
    created_at = models.DateTimeField("提交时间", auto_now_add=True, db_index=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = "法律咨询"
        verbose_name_plural = "法律咨询"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["is_published", "category", "-published_at"], name="legal_question_public")]

    def __str__(self):
        return f"{self.reference} {self.title}" if self.reference else self.title

    def save(self, *args, **kwargs):
        now = timezone.now()
        if self.answer.strip() and self.answered_at is None:
            self.answered_at = now
        if not self.is_published:
            self.published_at = None
        elif self.published_at is None:
            self.published_at = now
        if self.reference:
            return super().save(*args, **kwargs)
        return self._save_with_new_reference(now, *args, **kwargs)

    @property
    def masked_name(self):
        return mask_name(self.name)

    def clean(self):
        super().clean()
        errors = {}
        if self.status == QuestionStatus.DECLINED and not self.decline_reason.strip():
            errors["decline_reason"] = "不予答复时请填写理由。"
        if self.status == QuestionStatus.ANSWERED and not self.answer.strip():
            errors["answer"] = "办理状态为“已答复”时请填写答复内容。"
        if self.is_published:
            if not self.consent_to_publish:
                errors["is_published"] = "提问人未同意公开，此问题不能在网站公开。"
            elif not self.answer.strip():
                errors["is_published"] = "尚未填写答复内容，不能公开。"
            elif self.status != QuestionStatus.ANSWERED:
                errors["is_published"] = "只有办理状态为“已答复”的问题才能公开。"
        if errors:
            raise ValidationError(errors)

    def _save_with_new_reference(self, now, *args, **kwargs):
        """Insert with the next reference of the day, retrying when that number is already taken.

        The counter hands out each number once, but a number may still be
        taken (imported questions, a counter reset), and the unique constraint
        is what finally guarantees no two questions share one.
        """
        last_error = None
        for _attempt in range(REFERENCE_ATTEMPTS):
            self.reference = daily_reference(REFERENCE_PREFIX, now)
            try:
                with transaction.atomic():
                    return super().save(*args, **kwargs)
            except IntegrityError as error:
                if not Question.objects.filter(reference=self.reference).exists():
                    self.reference = ""
                    raise
                last_error = error
        self.reference = ""
        raise last_error
