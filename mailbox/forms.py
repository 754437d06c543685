"""The public letter form, the status query and rating forms, and the staff's step forms."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MinLengthValidator

from intake.forms import ChineseCaptchaField, ContactPhoneField, SubmissionKeyField, TrackingQueryForm
from portal.uploads import clean_public_upload
from portal.validators import LANDLINE, MOBILE, RefuseControlCharactersMixin
from review.models import ReportingUnit

from .conf import setting
from .models import Category, Rating, RejectReason, Status

ATTACHMENT_EXTENSIONS = ("jpg", "jpeg", "png", "gif", "pdf")
MARKUP = re.compile(r"<\s*[/!?a-zA-Z]|javascript\s*:", re.IGNORECASE)
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MARKUP_MESSAGE = "请不要输入网页代码或脚本（例如 <script>），请删除尖括号内的内容后再提交。"
QUERY_FAILED_MESSAGE = "信件编号或查询码不正确，请核对后重新输入。"


def human_size(size):
    """1048576 → "1MB", 1572864 → "1.5MB", 2048 → "2KB": how people write file sizes."""
    for unit, factor in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= factor:
            return f"{size / factor:.1f}".removesuffix(".0") + unit
    return f"{size}字节"


def reject_markup(value):
    if MARKUP.search(value or ""):
        raise ValidationError(MARKUP_MESSAGE, code="markup")


class PlainTextField(forms.CharField):
    """Text without control characters or markup; lengths are counted in characters after trimming."""

    def to_python(self, value):
        return CONTROL_CHARACTERS.sub("", super().to_python(value))

    def validate(self, value):
        super().validate(value)
        reject_markup(value)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Several files; each is checked by its content (image or PDF, ``portal.uploads``) and its size."""

    widget = MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/gif,application/pdf"})

    def clean(self, data, initial=None):
        files = [item for item in (data if isinstance(data, list | tuple) else [data]) if item]
        limit = setting("ATTACHMENT_MAX_COUNT")
        if len(files) > limit:
            raise ValidationError(f"最多上传{limit}个附件，您选择了{len(files)}个。")
        max_bytes = setting("ATTACHMENT_MAX_BYTES")
        checked, errors = [], []
        for upload in files:
            name = upload.name or "附件"
            if upload.size > max_bytes:
                errors.append(
                    f"附件“{name}”大小为{human_size(upload.size)}，超过了{human_size(max_bytes)}的限制，"
                    "请压缩后重新上传。"
                )
                continue
            try:
                upload = clean_public_upload(upload, ATTACHMENT_EXTENSIONS)
            except ValidationError as error:
                errors.extend(error.messages)
                continue
            checked.append((upload.file, upload.content_type, upload.extension))
        if errors:
            raise ValidationError(errors)
        return checked


class LetterForm(RefuseControlCharactersMixin, forms.Form):
    name = PlainTextField(
        label="姓名",
        max_length=30,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        help_text="仅供工作人员联系您，公开时只显示姓氏。",
        error_messages={"required": "请填写姓名。", "max_length": "姓名不能超过%(limit_value)d个字。"},
    )
    phone = ContactPhoneField(help_text="11位手机号或带区号的固定电话，任何情况下都不会公开。")
    email = forms.EmailField(
        label="电子邮箱",
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text="选填。填写后，受理和答复时会发邮件提醒您。不会公开。",
        error_messages={"invalid": "请输入有效的电子邮箱地址，例如 name@example.com。"},
    )
    category = forms.ChoiceField(
        label="来信类别",
        choices=[("", "请选择"), *Category.choices],
        error_messages={"required": "请选择来信类别。", "invalid_choice": "请从列表中选择来信类别。"},
    )
    title = PlainTextField(label="标题")
    content = PlainTextField(label="来信内容", widget=forms.Textarea(attrs={"rows": 10}))
    attachments = AttachmentsField(label="附件", required=False)
    allow_publish = forms.BooleanField(
        label="同意在网站公开我的来信和答复（只显示姓氏，不显示电话和邮箱）", required=False
    )
    captcha = ChineseCaptchaField()
    submission_key = SubmissionKeyField()

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        title_min, title_max = setting("TITLE_MIN_LENGTH"), setting("TITLE_MAX_LENGTH")
        title_message = f"标题应为{title_min}至{title_max}个字，目前%(show_value)d个字。"
        title = self.fields["title"]
        title.min_length, title.max_length = title_min, title_max
        title.validators += [MinLengthValidator(title_min), MaxLengthValidator(title_max)]
        title.error_messages.update(
            {"required": "请填写标题。", "min_length": title_message, "max_length": title_message}
        )
        title.help_text = f"{title_min}至{title_max}个字，概括您反映的问题。"
        title.widget.attrs.update({"maxlength": title_max})

        content_max = setting("CONTENT_MAX_LENGTH")
        content = self.fields["content"]
        content.max_length = content_max
        content.validators.append(MaxLengthValidator(content_max))
        content.error_messages.update(
            {
                "required": "请填写来信内容。",
                "max_length": f"来信内容不能超过{content_max}个字，目前%(show_value)d个字，请精简后再提交。",
            }
        )
        content.help_text = (
            f"不超过{content_max}个字。请写明事情经过、涉及的单位和您的诉求，不要填写身份证号等敏感信息。"
        )
        content.widget.attrs.update({"maxlength": content_max})

        attachments = self.fields["attachments"]
        attachments.help_text = (
            f"选填，最多{setting('ATTACHMENT_MAX_COUNT')}个，支持JPG、PNG、GIF图片和PDF文件，"
            f"每个不超过{human_size(setting('ATTACHMENT_MAX_BYTES'))}。"
        )

    def clean_phone(self):
        """A mobile or landline the writer can be called back on; service numbers such as 12345 are not."""
        number = self.cleaned_data["phone"]
        if not (MOBILE.match(number) or LANDLINE.match(number)):
            raise ValidationError(
                "请输入有效的电话号码：11位手机号，或带区号的固定电话（如 0571-88000000）。", code="invalid_phone"
            )
        return number


class QueryForm(TrackingQueryForm):
    reference_name = "number"
    reference_label = "信件编号"
    placeholder = "例如：SJ20260105-0001"
    code_help = "提交来信时页面显示的10位数字。"
    failed_message = QUERY_FAILED_MESSAGE
    render_code = True


class RatingForm(QueryForm):
    rating = forms.ChoiceField(
        label="您对答复的评价",
        choices=Rating.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "请选择满意程度。", "invalid_choice": "请选择满意程度。"},
    )


class SearchForm(forms.Form):
    q = forms.CharField(label="关键词", required=False, max_length=50)
    category = forms.ChoiceField(label="类别", required=False, choices=[("", "全部类别"), *Category.choices])

    def keyword(self):
        if not self.is_valid():
            return ""
        text = CONTROL_CHARACTERS.sub("", self.cleaned_data["q"]).strip()
        return text if any(character.isalnum() for character in text) else ""


# Staff step forms


class RejectForm(forms.Form):
    reason = forms.ChoiceField(
        label="不予受理原因",
        choices=[("", "请选择"), *RejectReason.choices],
        error_messages={"required": "请选择不予受理的原因。"},
    )
    note = forms.CharField(
        label="告知来信人的说明",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=1000,
        help_text="来信人查询时可以看到。请写明理由和可以反映问题的途径（例如信访部门的地址电话）。",
        error_messages={"required": "请填写告知来信人的说明。"},
    )


class ForwardForm(forms.Form):
    unit = forms.ModelChoiceField(
        label="承办单位",
        queryset=ReportingUnit.objects.filter(handles_letters=True),
        error_messages={"required": "请选择承办单位。", "invalid_choice": "请从列表中选择承办单位。"},
    )
    deadline = forms.DateField(
        label="承办期限",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": "请填写承办期限。", "invalid": "请按“年-月-日”填写日期。"},
    )
    note = forms.CharField(label="转办说明", required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=1000)


class DraftForm(forms.Form):
    reply = forms.CharField(
        label="答复内容",
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=3000,
        help_text="审核通过后来信人即可查看；来信人同意公开的，答复会在网站公开。",
        error_messages={"required": "请填写答复内容。"},
    )


class NoteForm(forms.Form):
    note = forms.CharField(
        label="意见",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        error_messages={"required": "请填写意见。"},
    )


class OptionalNoteForm(forms.Form):
    note = forms.CharField(label="意见", required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=1000)


class ExtensionForm(forms.Form):
    workdays = forms.IntegerField(
        label="延长工作日数",
        min_value=1,
        max_value=15,
        error_messages={
            "required": "请填写延长的工作日数。",
            "min_value": "延长天数至少为1个工作日。",
            "max_value": "一次最多延长15个工作日。",
        },
    )
    reason = forms.CharField(
        label="延期理由",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        error_messages={"required": "请填写延期理由。"},
    )


class InboxFilterForm(forms.Form):
    status = forms.ChoiceField(label="状态", required=False)
    category = forms.ChoiceField(label="类别", required=False, choices=[("", "全部类别"), *Category.choices])
    unit = forms.ModelChoiceField(
        label="承办单位",
        required=False,
        queryset=ReportingUnit.objects.filter(handles_letters=True),
        empty_label="全部单位",
    )
    overdue = forms.BooleanField(label="只看逾期", required=False)
    q = forms.CharField(label="编号或标题", required=False, max_length=50)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", "全部状态"), ("open", "未办结"), *Status.choices]
