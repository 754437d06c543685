"""Checks on what legal-aid applicants type: the 18-digit resident ID number (GB 11643-1999)."""

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone

ID_PATTERN = re.compile(r"^[1-9]\d{16}[\dX]$")
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_DIGITS = "10X98765432"
EARLIEST_BIRTH_YEAR = 1900


def normalize_id_number(value):
    return re.sub(r"\s", "", value or "").upper()


def id_birth_date(number):
    """The birth date written in an ID number, or None when it is not a real date."""
    try:
        return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def validate_id_number(value):
    """18 characters, a real birth date not in the future, and the right check digit."""
    number = normalize_id_number(value)
    if not ID_PATTERN.match(number):
        raise ValidationError("身份证号码应为18位：前17位是数字，最后一位是数字或字母X。", code="id_format")
    birth = id_birth_date(number)
    if birth is None or birth.year < EARLIEST_BIRTH_YEAR:
        raise ValidationError("身份证号码中的出生日期（第7至14位）不是有效日期，请核对。", code="id_birth_date")
    if birth > timezone.localdate():
        raise ValidationError("身份证号码中的出生日期（第7至14位）晚于今天，请核对。", code="id_birth_future")
    total = sum(int(digit) * weight for digit, weight in zip(number[:17], ID_WEIGHTS, strict=True))
    if ID_CHECK_DIGITS[total % 11] != number[17]:
        raise ValidationError("身份证号码校验位（最后一位）不正确，请核对后重新输入。", code="id_checksum")


def mask(value, head=3, tail=4):
    """110101199001011234 → 110***********1234: enough to tell records apart, not to use them."""
    value = value or ""
    if len(value) <= head + tail:
        return "*" * len(value)
    return value[:head] + "*" * (len(value) - head - tail) + value[-tail:]
