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


# C0 controls except tab, line feed and carriage return (typed in text areas), DEL, C1 controls, and the
# bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069) that disguise what text says.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
CONTROL_CHARACTERS_MESSAGE = "不能包含控制字符。"


def has_control_characters(value):
    return isinstance(value, str) and CONTROL_CHARACTERS.search(value) is not None


def validate_no_control_characters(value):
    """Refuses NUL (which PostgreSQL cannot store or compare), other control characters and the
    right-to-left override in anything a visitor types or puts in a URL."""
    if has_control_characters(value):
        raise ValidationError(CONTROL_CHARACTERS_MESSAGE, code="control_characters")


class RefuseControlCharactersMixin:
    """For public forms: every text field (and every text part of a multi-value field such as the
    captcha) refuses control characters, with the Chinese message, before any other check."""

    def _clean_fields(self):
        # Django's own loop, with control characters refused before a field's clean() may look the
        # value up in the database (the captcha does).
        for name, bf in self._bound_items():
            field = bf.field
            value = bf.initial if field.disabled else bf.data
            if any(has_control_characters(item) for item in (value if isinstance(value, list | tuple) else [value])):
                # a hidden field's error is shown with the form's own errors
                self.add_error(
                    None if field.widget.is_hidden else name,
                    ValidationError(CONTROL_CHARACTERS_MESSAGE, code="control_characters"),
                )
                continue
            try:
                self.cleaned_data[name] = field._clean_bound_field(bf)
                if hasattr(self, f"clean_{name}"):
                    self.cleaned_data[name] = getattr(self, f"clean_{name}")()
            except ValidationError as error:
                self.add_error(name, error)
