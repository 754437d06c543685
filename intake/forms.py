"""Fields every public request form shares, and the one status-query form.

Every message says in Chinese what to fix.
"""

from django import forms

from portal.captcha import ChineseCaptchaField
from portal.validators import (
    RefuseControlCharactersMixin,
    normalize_phone,
    validate_no_control_characters,
    validate_phone,
)

EXPIRED_FORM_MESSAGE = "页面已过期，请刷新页面后重新填写提交。"

__all__ = [
    "EXPIRED_FORM_MESSAGE",
    "ChineseCaptchaField",
    "ConsentField",
    "ContactNameField",
    "ContactPhoneField",
    "SubmissionKeyField",
    "TrackingQueryForm",
]


class ContactNameField(forms.CharField):
    default_validators = [validate_no_control_characters]

    def __init__(self, *, label="姓名", max_length=30, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"autocomplete": "name"}))
        kwargs["error_messages"] = {
            "required": f"请填写{label}。",
            "max_length": f"{label}不能超过{max_length}个字。",
            **kwargs.get("error_messages", {}),
        }
        super().__init__(label=label, max_length=max_length, **kwargs)


class ContactPhoneField(forms.CharField):
    """A phone number to call the citizen back on, checked and returned without spaces or full-width hyphens."""

    default_validators = [validate_no_control_characters, validate_phone]

    def __init__(self, *, label="联系电话", max_length=30, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}))
        kwargs["error_messages"] = {
            "required": "请填写联系电话。",
            "max_length": "电话号码不能超过%(limit_value)d位。",
            **kwargs.get("error_messages", {}),
        }
        super().__init__(label=label, max_length=max_length, **kwargs)

    def clean(self, value):
        return normalize_phone(super().clean(value))


class ConsentField(forms.BooleanField):
    """A box the citizen must tick; ``message`` says what is refused without it."""

    def __init__(self, *, label, message, **kwargs):
        super().__init__(label=label, error_messages={"required": message}, **kwargs)


class SubmissionKeyField(forms.CharField):
    """The one-time key that makes a resent or double-clicked form a single request."""

    default_validators = [validate_no_control_characters]

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.HiddenInput)
        kwargs.setdefault("error_messages", {"required": EXPIRED_FORM_MESSAGE})
        super().__init__(max_length=64, **kwargs)


class TrackingQueryForm(RefuseControlCharactersMixin, forms.Form):
    """The tracking number and the query code, as the receipt showed them.

    Subclasses name the number field and its wording (``reference_name``,
    ``reference_label``, ``placeholder``) and the message for a wrong pair.
    """

    reference_name = "tracking_number"
    reference_label = "受理编号"
    placeholder = "例如：TJ20261125-0007"
    code_help = "提交申请时页面显示的10位数字。"
    failed_message = "受理编号或查询码不正确，请核对后重新输入。"
    render_code = False

    tracking_number = forms.CharField(max_length=20)
    query_code = forms.CharField(max_length=20)

    def __init__(self, *args, captcha_required=False, **kwargs):
        """``captcha_required``: this number had too many wrong codes; whoever holds it must also solve a captcha."""
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        if captcha_required:
            self.fields["captcha"] = ChineseCaptchaField(
                help_text="这个编号的查询码输错次数较多，为保护您的信息，请同时输入图片中的字符。"
            )
        reference = self.fields.pop("tracking_number")
        reference.label = self.reference_label
        reference.widget = forms.TextInput(attrs={"autocomplete": "off", "placeholder": self.placeholder})
        reference.widget.attrs["maxlength"] = "20"
        reference.error_messages = {"required": f"请填写{self.reference_label}。", "max_length": self.failed_message}
        code = self.fields.pop("query_code")
        code.label = "查询码"
        code.help_text = self.code_help
        code.widget = forms.PasswordInput(
            attrs={"autocomplete": "off", "inputmode": "numeric", "maxlength": "20"}, render_value=self.render_code
        )
        code.error_messages = {"required": "请填写查询码。", "max_length": self.failed_message}
        self.fields = {self.reference_name: reference, "query_code": code, **self.fields}

    def clean(self):
        cleaned = super().clean()
        if self.reference_name in cleaned:
            cleaned[self.reference_name] = cleaned[self.reference_name].strip().upper()
        if "query_code" in cleaned:
            cleaned["query_code"] = cleaned["query_code"].strip()
        return cleaned

    @property
    def reference(self):
        return self.cleaned_data[self.reference_name]
