"""The public 找错 form and its status query; every message says in Chinese what to fix."""

from urllib.parse import urlsplit

from django import forms

from intake.forms import ChineseCaptchaField, ContactNameField, ContactPhoneField, SubmissionKeyField
from intake.forms import TrackingQueryForm as IntakeQueryForm
from portal.validators import RefuseControlCharactersMixin

from .models import ErrorType

DESCRIPTION_MIN, DESCRIPTION_MAX = 5, 1000
DESCRIPTION_MESSAGE = f"问题描述应为{DESCRIPTION_MIN}至{DESCRIPTION_MAX}个字。"
PAGE_URL_MESSAGE = "请填写出错页面的网址，例如 /zfyw/ 或以 http:// 、https:// 开头的完整地址。"


class ErrorReportForm(RefuseControlCharactersMixin, forms.Form):
    page_url = forms.CharField(
        label="出错页面地址",
        max_length=500,
        help_text="从浏览器地址栏复制出错页面的网址。",
        error_messages={"required": "请填写出错页面地址。", "max_length": "页面地址不能超过500个字符。"},
        widget=forms.TextInput(attrs={"inputmode": "url", "autocomplete": "url"}),
    )
    error_type = forms.ChoiceField(
        label="错误类型",
        choices=[("", "请选择"), *ErrorType.choices],
        error_messages={"required": "请选择错误类型。", "invalid_choice": "请选择列表中的错误类型。"},
    )
    description = forms.CharField(
        label="问题描述",
        min_length=DESCRIPTION_MIN,
        max_length=DESCRIPTION_MAX,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": DESCRIPTION_MAX}),
        help_text="请写明错误所在的位置和正确的内容。",
        error_messages={
            "required": "请填写问题描述。",
            "min_length": DESCRIPTION_MESSAGE,
            "max_length": DESCRIPTION_MESSAGE,
        },
    )
    contact_name = ContactNameField(label="联系人", required=False, help_text="选填，不会公开。")
    phone = ContactPhoneField(help_text="用于核实情况，不会公开。")
    email = forms.EmailField(
        label="电子邮箱",
        required=False,
        help_text="选填，不会公开。",
        error_messages={"invalid": "请输入有效的电子邮箱地址，例如 name@example.com。"},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    captcha = ChineseCaptchaField()
    submission_key = SubmissionKeyField()

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def clean_page_url(self):
        value = self.cleaned_data["page_url"].strip()
        parts = urlsplit(value)
        if value.startswith("/") and not value.startswith("//"):
            return value
        if parts.scheme in ("http", "https") and parts.netloc and " " not in value:
            return value
        raise forms.ValidationError(PAGE_URL_MESSAGE)


class ErrorReportQueryForm(IntakeQueryForm):
    placeholder = "例如：JC20261125-0007"
    code_help = "提交纠错时页面显示的10位数字。"
