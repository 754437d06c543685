"""The public 在线调解申请 and query forms, and the guide's admin form; every message says in Chinese what to fix."""

from django import forms

from wagtail.admin.forms import WagtailAdminPageForm

from intake.forms import (
    ChineseCaptchaField,
    ConsentField,
    ContactNameField,
    ContactPhoneField,
    SubmissionKeyField,
    TrackingQueryForm,
)
from portal.captcha import ChineseCaptchaInput
from portal.validators import RefuseControlCharactersMixin

from .models.requests import DISPUTE_TYPES, MediationOrganisation, directory_areas

OTHER_AREA = "__other__"
QUERY_FAILED_MESSAGE = "受理编号或查询码不正确，请核对后重新输入。"


class MediationCaptchaInput(ChineseCaptchaInput):
    """The captcha with a Chinese alt text and without the package's legend markup."""

    template_name = "mediation/mediation_captcha_widget.html"


class MediationRequestForm(RefuseControlCharactersMixin, forms.Form):
    applicant_name = ContactNameField(
        label="申请人姓名", max_length=50, error_messages={"max_length": "姓名不能超过%(limit_value)d个字。"}
    )
    phone = ContactPhoneField(help_text="调解员将通过此电话与您联系。")
    other_party = forms.CharField(
        label="对方当事人姓名或名称",
        max_length=100,
        error_messages={"required": "请填写对方当事人的姓名或名称。", "max_length": "不能超过%(limit_value)d个字。"},
    )
    dispute_type = forms.ChoiceField(
        label="纠纷类型",
        choices=[("", "请选择"), *DISPUTE_TYPES],
        error_messages={"required": "请选择纠纷类型。", "invalid_choice": "请从列表中选择纠纷类型。"},
    )
    area = forms.ChoiceField(
        label="纠纷发生地（街道/乡镇）",
        error_messages={"required": "请选择纠纷发生地。", "invalid_choice": "请从列表中选择纠纷发生地。"},
    )
    area_other = forms.CharField(
        label="其他街道/乡镇",
        required=False,
        max_length=50,
        help_text="上面选择“其他”时填写。",
        error_messages={"max_length": "地名不能超过%(limit_value)d个字。"},
    )
    description = forms.CharField(
        label="纠纷简要情况",
        min_length=20,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="请写明纠纷的起因、经过和您的诉求，20至1000字。",
        error_messages={
            "required": "请填写纠纷简要情况。",
            "min_length": "纠纷简要情况至少需要%(limit_value)d个字，目前%(show_value)d个字，请写得具体一些。",
            "max_length": "纠纷简要情况不能超过%(limit_value)d个字，目前%(show_value)d个字，请精简后再提交。",
        },
    )
    preferred_organisation = forms.ModelChoiceField(
        label="希望调解的组织（选填）",
        queryset=MediationOrganisation.objects.none(),
        required=False,
        empty_label="不指定，由工作人员安排",
        error_messages={"invalid_choice": "请从列表中选择调解组织。"},
    )
    consent = ConsentField(
        label="我同意调解工作人员通过以上电话与我联系，并了解人民调解遵循自愿原则、不收取费用。",
        message="请勾选同意工作人员与您联系，否则无法受理您的申请。",
    )
    captcha = ChineseCaptchaField(
        widget=MediationCaptchaInput,
        help_text="",
        error_messages={"required": "请输入图中的验证码。", "invalid": "验证码不正确，请重新输入。"},
    )
    submission_key = SubmissionKeyField()

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = [
            ("", "请选择"),
            *[(area, area) for area in directory_areas()],
            (OTHER_AREA, "其他（请在下面填写）"),
        ]
        self.fields["preferred_organisation"].queryset = MediationOrganisation.objects.all()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("area") == OTHER_AREA:
            if not cleaned.get("area_other"):
                self.add_error("area_other", "选择“其他”时，请填写纠纷发生地所在的街道或乡镇。")
            else:
                cleaned["area"] = cleaned["area_other"]
        return cleaned


class MediationQueryForm(TrackingQueryForm):
    placeholder = "例如：TJ20261125-0007"
    failed_message = QUERY_FAILED_MESSAGE


class MediationGuideForm(WagtailAdminPageForm):
    """Names the missing part of a guide in Chinese instead of a generic 'required'."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        messages = {"procedure": "请填写调解流程。", "materials": "请填写需携带的材料，每行一项。"}
        for name, message in messages.items():
            if name in self.fields:
                self.fields[name].error_messages["required"] = message
