"""The online 政府信息公开申请 (条例 第二十九条 lists what it must contain) and its status query."""

from django import forms

from intake.forms import ChineseCaptchaField, ContactPhoneField, SubmissionKeyField
from intake.forms import TrackingQueryForm as IntakeQueryForm
from portal.validators import RefuseControlCharactersMixin, validate_no_control_characters

from .models import ApplicantType, Delivery, Medium

DESCRIPTION_MIN, DESCRIPTION_MAX = 10, 2000
DESCRIPTION_MESSAGE = f"所需信息的描述应为{DESCRIPTION_MIN}至{DESCRIPTION_MAX}个字。"


def _choice(label, choices, radio=True):
    return forms.ChoiceField(
        label=label,
        choices=choices if radio else [("", "请选择"), *choices],
        widget=forms.RadioSelect if radio else forms.Select,
        error_messages={"required": f"请选择{label}。", "invalid_choice": f"请选择列表中的{label}。"},
    )


class InformationRequestForm(RefuseControlCharactersMixin, forms.Form):
    applicant_type = _choice("申请人类型", ApplicantType.choices)
    applicant_name = forms.CharField(
        label="申请人姓名或名称",
        max_length=100,
        validators=[validate_no_control_characters],
        error_messages={"required": "请填写申请人姓名或名称。", "max_length": "姓名或名称不能超过100个字。"},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    id_number = forms.CharField(
        label="身份证件号码或统一社会信用代码",
        max_length=30,
        help_text="公民填写身份证件号码，法人或者其他组织填写统一社会信用代码。仅用于核实申请人身份，不会公开。",
        error_messages={"required": "请填写身份证件号码或统一社会信用代码。", "max_length": "证件号码不能超过30位。"},
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    phone = ContactPhoneField(help_text="用于联系您，不会公开。")
    email = forms.EmailField(
        label="电子邮箱",
        required=False,
        help_text="选择以电子邮件获取信息时必填。",
        error_messages={"invalid": "请输入有效的电子邮箱地址，例如 name@example.com。"},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    address = forms.CharField(
        label="通信地址",
        max_length=200,
        required=False,
        help_text="选择邮寄获取信息时必填。",
        error_messages={"max_length": "通信地址不能超过200个字。"},
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
    )
    description = forms.CharField(
        label="所需政府信息的名称、文号或者特征性描述",
        min_length=DESCRIPTION_MIN,
        max_length=DESCRIPTION_MAX,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": DESCRIPTION_MAX}),
        help_text="请尽量写明文件名称、文号、发布时间等，便于我们准确查找。",
        error_messages={
            "required": "请填写所需政府信息的名称、文号或者特征性描述。",
            "min_length": DESCRIPTION_MESSAGE,
            "max_length": DESCRIPTION_MESSAGE,
        },
    )
    medium = _choice("信息的载体形式", Medium.choices)
    delivery = _choice("获取信息的方式", Delivery.choices)
    captcha = ChineseCaptchaField()
    submission_key = SubmissionKeyField()

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def clean_id_number(self):
        value = self.cleaned_data["id_number"].strip().upper()
        if not value.isascii() or not value.isalnum() or len(value) < 6:
            raise forms.ValidationError("证件号码只能包含数字和字母，且不少于6位。")
        return value

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("delivery") == Delivery.EMAIL and not cleaned.get("email"):
            self.add_error("email", "选择以电子邮件获取信息时，请填写电子邮箱。")
        if cleaned.get("delivery") == Delivery.POST and not (cleaned.get("address") or "").strip():
            self.add_error("address", "选择邮寄获取信息时，请填写通信地址。")
        return cleaned


class InformationRequestQueryForm(IntakeQueryForm):
    placeholder = "例如：YS20261125-0007"
    code_help = "提交申请时页面显示的10位数字。"
