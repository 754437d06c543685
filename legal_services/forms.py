"""Public forms of the legal-services channel (questions, legal-aid applications and their query) and admin forms."""

from django import forms
from django.conf import settings
from django.utils import timezone

from wagtail.admin.forms import WagtailAdminModelForm

from intake.forms import ChineseCaptchaField, ContactNameField, ContactPhoneField, SubmissionKeyField
from intake.forms import TrackingQueryForm as IntakeQueryForm
from portal.uploads import clean_public_upload
from portal.validators import RefuseControlCharactersMixin, normalize_phone

from .models.legal_aid import CaseType, HardshipBasis
from .models.questions import (
    CONTENT_LENGTH_MESSAGE,
    CONTENT_MAX_LENGTH,
    TITLE_LENGTH_MESSAGE,
    TITLE_MAX_LENGTH,
    Question,
    QuestionCategory,
)
from .validators import normalize_id_number, validate_id_number

ATTACHMENT_MAX_MB = 10
ATTACHMENT_MAX_COUNT = 5
ATTACHMENT_EXTENSIONS = ("pdf", "jpg", "jpeg", "png", "doc", "docx")
FACTS_MIN_LENGTH, FACTS_MAX_LENGTH = 20, 2000
FACTS_LENGTH_MESSAGE = f"案情简述应为{FACTS_MIN_LENGTH}至{FACTS_MAX_LENGTH}个字。"


class QuestionForm(RefuseControlCharactersMixin, forms.ModelForm):
    """What a visitor fills in. ``categories`` limits the 咨询类别 to those the page offers."""

    captcha = ChineseCaptchaField()
    submission_key = SubmissionKeyField()

    class Meta:
        model = Question
        fields = ["category", "name", "phone", "email", "title", "content", "consent_to_publish"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "title": forms.TextInput(attrs={"maxlength": TITLE_MAX_LENGTH}),
            "content": forms.Textarea(attrs={"rows": 8, "maxlength": CONTENT_MAX_LENGTH}),
        }
        help_texts = {
            "name": "仅供工作人员联系您，不会公开。",
            "phone": "11位手机号或带区号的固定电话，仅供工作人员联系您，不会公开。",
            "email": "选填，不会公开。",
        }
        error_messages = {
            "category": {"required": "请选择咨询类别。", "invalid_choice": "请选择列表中的咨询类别。"},
            "name": {"required": "请填写姓名。", "max_length": "姓名不能超过20个字。"},
            "phone": {"required": "请填写联系电话。"},
            "email": {"invalid": "请输入有效的电子邮箱地址，例如 name@example.com。"},
            "title": {
                "required": "请填写标题。",
                "min_length": TITLE_LENGTH_MESSAGE,
                "max_length": TITLE_LENGTH_MESSAGE,
            },
            "content": {
                "required": "请填写问题内容。",
                "min_length": CONTENT_LENGTH_MESSAGE,
                "max_length": CONTENT_LENGTH_MESSAGE,
            },
        }

    def __init__(self, *args, categories=None, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = list(categories or QuestionCategory.values)
        field = self.fields["category"]
        field.choices = [(value, label) for value, label in QuestionCategory.choices if value in allowed]
        if len(field.choices) == 1:
            field.initial = field.choices[0][0]
        else:
            field.choices = [("", "请选择"), *field.choices]
        self.fields["consent_to_publish"].label = "同意公开我的问题和答复"

    def clean_phone(self):
        return normalize_phone(self.cleaned_data["phone"])

    def save(self, commit=True):
        self.instance.submission_key = self.cleaned_data["submission_key"]
        return super().save(commit=commit)


class QuestionAdminForm(WagtailAdminModelForm):
    """Records who answered and when, the first time an answer is saved.

    The admin views hand the form the signed-in user (``for_user``); the
    model's own ``clean()`` refuses publication without consent or answer.
    """

    def save(self, commit=True):
        question = self.instance
        if question.answer.strip() and question.answered_at is None:
            question.answered_by = self.for_user
            question.answered_at = timezone.now()
        return super().save(commit=commit)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; each is checked by ``FileField`` on its own."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


def attachment_limit_mb():
    return getattr(settings, "LEGAL_AID_ATTACHMENT_MAX_MB", ATTACHMENT_MAX_MB)


class LegalAidForm(RefuseControlCharactersMixin, forms.Form):
    """The online legal-aid application. Files cannot be kept by the browser when the form comes back with errors."""

    applicant_name = ContactNameField(
        label="申请人姓名", max_length=30, error_messages={"max_length": "姓名不能超过30个字。"}
    )
    id_number = forms.CharField(
        label="身份证号码",
        max_length=30,
        validators=[validate_id_number],
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "text", "maxlength": 18}),
        help_text="18位居民身份证号码，加密保存，仅经授权的工作人员可见。",
        error_messages={"required": "请填写身份证号码。", "max_length": "身份证号码应为18位。"},
    )
    phone = ContactPhoneField(help_text="11位手机号或带区号的固定电话，加密保存。")
    address = forms.CharField(
        label="住址",
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
        error_messages={"required": "请填写住址。", "max_length": "住址不能超过200个字。"},
    )
    case_type = forms.ChoiceField(
        label="案件类型",
        choices=[("", "请选择"), *CaseType.choices],
        error_messages={"required": "请选择案件类型。", "invalid_choice": "请选择列表中的案件类型。"},
    )
    facts = forms.CharField(
        label="案情简述",
        min_length=FACTS_MIN_LENGTH,
        max_length=FACTS_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8, "maxlength": FACTS_MAX_LENGTH}),
        help_text=f"{FACTS_MIN_LENGTH}至{FACTS_MAX_LENGTH}个字：发生了什么、对方是谁、您希望得到什么帮助。",
        error_messages={
            "required": "请填写案情简述。",
            "min_length": FACTS_LENGTH_MESSAGE,
            "max_length": FACTS_LENGTH_MESSAGE,
        },
    )
    hardship_basis = forms.ChoiceField(
        label="经济困难依据",
        choices=[("", "请选择"), *HardshipBasis.choices],
        error_messages={"required": "请选择经济困难依据。", "invalid_choice": "请选择列表中的经济困难依据。"},
    )
    hardship_details = forms.CharField(
        label="经济困难情况说明",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": 1000}),
        help_text="如家庭人口、收入来源；选择“其他经济困难情形”时请填写。",
        error_messages={"max_length": "经济困难情况说明不能超过1000个字。"},
    )
    attachments = MultipleFileField(
        label="证明材料",
        required=False,
        help_text="",
        error_messages={"empty": "上传的文件是空的，请重新选择。", "invalid": "请选择要上传的文件。"},
    )
    truthful = forms.BooleanField(
        label="我承诺以上信息真实，同意工作人员为审查申请核实有关情况",
        error_messages={"required": "请阅读并勾选承诺。"},
    )
    captcha = ChineseCaptchaField()
    submission_key = SubmissionKeyField()

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["attachments"].help_text = (
            f"选填。身份证明、经济困难证明和案件材料的照片或扫描件，最多{ATTACHMENT_MAX_COUNT}个文件，"
            f"每个不超过{attachment_limit_mb()}MB，格式：{'、'.join(ATTACHMENT_EXTENSIONS)}。"
        )

    def clean_id_number(self):
        return normalize_id_number(self.cleaned_data["id_number"])

    def clean_attachments(self):
        files = self.cleaned_data.get("attachments") or []
        if len(files) > ATTACHMENT_MAX_COUNT:
            raise forms.ValidationError(f"最多上传{ATTACHMENT_MAX_COUNT}个文件。")
        limit = attachment_limit_mb() * 1024 * 1024
        checked, errors = [], []
        for upload in files:
            if upload.size > limit:
                errors.append(f"文件“{upload.name}”超过{attachment_limit_mb()}MB，请压缩或分开后重新上传。")
                continue
            try:
                checked.append(clean_public_upload(upload, ATTACHMENT_EXTENSIONS))
            except forms.ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise forms.ValidationError(errors)
        return checked

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("hardship_basis") == HardshipBasis.OTHER and not cleaned.get("hardship_details", "").strip():
            self.add_error("hardship_details", "选择“其他经济困难情形”时，请说明经济困难的情况。")
        return cleaned


class TrackingQueryForm(IntakeQueryForm):
    """受理编号 and 查询码 of a legal-aid application, as the receipt showed them."""

    placeholder = "例如：FY20261125-0007"
