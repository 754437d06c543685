"""Password rules (等保 level 3) and the password's life: forced change and optional expiry.

``CharacterClassesValidator`` asks for three of the four character classes;
``PasswordChangeRecorder`` refuses the current password as the new one and, through Django's
``password_changed`` call, records every change, which ends a forced change. An administrator
creating an account or setting someone else's password calls ``require_password_change``.
"""

import string
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.hashers import check_password
from django.core.exceptions import ValidationError
from django.utils import timezone

from .models import StaffAccount

CHARACTER_CLASSES = (
    ("大写字母", str.isupper),
    ("小写字母", str.islower),
    ("数字", str.isdigit),
    ("符号", lambda char: char in string.punctuation or char == " "),
)


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's, with its error message in Chinese (Django 5.2's catalogue lacks the new wording)."""

    def get_error_message(self):
        return f"密码太短，至少需要{self.min_length}个字符。"

    def get_help_text(self):
        return f"密码至少需要{self.min_length}个字符。"


class CharacterClassesValidator:
    """At least ``min_classes`` of: upper-case letters, lower-case letters, digits, symbols."""

    def __init__(self, min_classes=3):
        self.min_classes = min_classes

    def validate(self, password, user=None):
        used = sum(1 for _name, test in CHARACTER_CLASSES if any(test(char) for char in password))
        if used < self.min_classes:
            raise ValidationError(self.get_error_message(), code="password_too_few_character_classes")

    def get_error_message(self):
        return f"密码须至少包含大写字母、小写字母、数字、符号四类字符中的{self.min_classes}类。"

    def get_help_text(self):
        return self.get_error_message()


class PasswordChangeRecorder:
    """Not a rule on the characters: the new password must differ from the current one, and each
    change is recorded (``password_changed`` is called by ``User.save()`` after ``set_password``)."""

    def validate(self, password, user=None):
        # hashers.check_password, not user.check_password: the latter may re-hash and save the user.
        if user is not None and user.pk and user.password and check_password(password, user.password):
            raise ValidationError("新密码不能与当前密码相同。", code="password_unchanged")

    def password_changed(self, password, user=None):
        if user is not None and user.pk:
            StaffAccount.objects.update_or_create(
                user=user, defaults={"must_change_password": False, "password_changed_at": timezone.now()}
            )

    def get_help_text(self):
        return "新密码不能与当前密码相同。"


def require_password_change(user):
    """The account must choose a new password at its next login (set by an administrator or an import)."""
    StaffAccount.objects.update_or_create(user=user, defaults={"must_change_password": True})


def password_change_reason(user):
    """Why ``user`` must change their password now: "forced", "expired" or None."""
    account = StaffAccount.objects.filter(user=user).first()
    if account is not None and account.must_change_password:
        return "forced"
    max_age = getattr(settings, "PORTAL_PASSWORD_MAX_AGE_DAYS", 0)
    if max_age and user.has_usable_password():
        changed = (account.password_changed_at if account else None) or user.date_joined
        if changed < timezone.now() - timedelta(days=max_age):
            return "expired"
    return None
