"""Validators shared by every form and model of the portal."""

import re

from django.core.exceptions import ValidationError

MOBILE = re.compile(r"^1[3-9]\d{9}$")
LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}(-\d{1,6})?$")
SERVICE_NUMBER = re.compile(r"^(1\d{4}|400-?\d{3}-?\d{4})$")  # 12345, 12348, 400 numbers


def normalize_phone(value):
    """Strip spaces and full-width hyphens people type, keeping the digits and ASCII hyphens."""
    return re.sub(r"[\s（）()]", "", (value or "").replace("－", "-").replace("—", "-"))


def validate_phone(value):
    """A mainland mobile number, a landline with area code, or a public service number."""
    number = normalize_phone(value)
    if not (MOBILE.match(number) or LANDLINE.match(number) or SERVICE_NUMBER.match(number)):
        raise ValidationError(
            "请输入有效的电话号码：11位手机号，或带区号的固定电话（如 0571-88000000）。", code="invalid_phone"
        )
