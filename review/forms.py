"""Forms of the review: the workflow action forms shown in Wagtail's modal, and the unit's own forms."""

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError

from wagtail.forms import TaskStateCommentForm

from .checks import blocking, run_checks
from .people import member_label
from .scans import check_scan
from .signing import password_error


class SendBackForm(TaskStateCommentForm):
    """退回修改: the correspondent must be told why."""

    comment = forms.CharField(
        label="退回意见",
        widget=forms.Textarea({"rows": 3}),
        help_text="写明需要修改的地方和原因，信息员会在审核记录中看到。",
        error_messages={"required": "退回时必须填写意见，说明需要修改的地方。"},
    )


class ApproveCommentForm(TaskStateCommentForm):
    comment = forms.CharField(label="审核意见", required=False, widget=forms.Textarea({"rows": 2}))


class UserBoundActionForm(ApproveCommentForm):
    """An action form that needs the acting user; Wagtail's own view builds it without one, so it never
    validates there and the action can only be taken through the review app's action view."""

    def __init__(self, *args, user=None, task_state=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.task_state = task_state

    def clean(self):
        cleaned = super().clean()
        if self.user is None or self.task_state is None:
            raise forms.ValidationError("请在审核窗口中完成此操作。")
        return cleaned


class SignatureForm(UserBoundActionForm):
    """报前初审 / 分管领导签字: signing means re-entering one's password."""

    comment = forms.CharField(label="签字意见", required=False, widget=forms.Textarea({"rows": 2}))
    password = forms.CharField(
        label="登录密码",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}, render_value=False),
        help_text="输入您的登录密码即视为签字同意报送。",
        error_messages={"required": "请输入登录密码以签字。"},
    )

    def clean_password(self):
        password = self.cleaned_data["password"]
        if self.user is not None:
            page = self.task_state.workflow_state.content_object if self.task_state is not None else None
            if error := password_error(self.user, password, page):
                raise forms.ValidationError(error)
        return password


SIGNATURE_TOKEN_SALT = "review.signature"
SIGNATURE_TOKEN_MAX_AGE = 30 * 60


def signature_token(user, task_state):
    """Stands for the checked password when the editor posts the signature back ("collect" mode), so the
    password itself is never sent back to the browser. Bound to the signer, the task state and the
    current password hash (changing the password voids it), valid for 30 minutes."""
    return signing.dumps([user.pk, task_state.pk], salt=f"{SIGNATURE_TOKEN_SALT}:{user.password}")


def check_signature_token(token, user, task_state):
    if not token or not isinstance(token, str):
        return False
    try:
        value = signing.loads(token, salt=f"{SIGNATURE_TOKEN_SALT}:{user.password}", max_age=SIGNATURE_TOKEN_MAX_AGE)
    except signing.BadSignature:
        return False
    return value == [user.pk, task_state.pk]


def without_password(form):
    """What a signature form may send back to the browser: its cleaned data minus the password,
    plus a signature token when the password was right."""
    data = {key: value for key, value in form.cleaned_data.items() if key != "password"}
    if "password" in form.cleaned_data:
        data["signature_token"] = signature_token(form.user, form.task_state)
    return data


class CheckApprovalForm(UserBoundActionForm):
    """录入后检查: a blocking finding is let through only with a written reason."""

    override_reason = forms.CharField(
        label="放行理由",
        required=False,
        widget=forms.Textarea({"rows": 3}),
        help_text="存在必须处理的问题而仍要通过时，写明理由；理由记入审批单。",
    )

    def clean(self):
        cleaned = super().clean()
        if (
            self.task_state is not None
            and not cleaned.get("override_reason", "").strip()
            and blocking(run_checks(self.task_state.workflow_state.content_object.get_latest_revision().as_object()))
        ):
            self.add_error("override_reason", "检查发现必须处理的问题：请先退回修改，或写明放行理由。")
        return cleaned


class ReportErrorForm(forms.Form):
    """发布后复查: the unit reports an error in its published item."""

    description = forms.CharField(
        label="错误描述",
        max_length=2000,
        widget=forms.Textarea({"rows": 4}),
        error_messages={"required": "请写明错误所在和正确内容。"},
    )
    withdraw = forms.BooleanField(
        label="立即撤下该信息",
        required=False,
        help_text="错误可能造成不良影响时勾选：信息立即下线，更正后重新走审核流程发布。",
    )


class ContactImportForm(forms.Form):
    file = forms.FileField(label="通讯录Excel文件", help_text="xlsx 格式，第一行为表头，格式与导出的通讯录相同。")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError("请上传 .xlsx 格式的Excel文件。")
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError("文件不能超过5MB。")
        return upload


class PersonChoiceField(forms.ModelChoiceField):
    """Offers the unit's people as “姓名（职务）”."""

    def label_from_instance(self, obj):
        return member_label(obj)


class OfficeEntryForm(forms.Form):
    """代录入: the 报送单位 whose paper material the office types in."""

    unit = forms.ModelChoiceField(
        label="报送单位",
        queryset=None,
        empty_label="请选择报送单位",
        help_text="信息计入该单位的报送考核；该单位领导签字，发布后由该单位复查。",
        error_messages={"required": "请选择报送单位。", "invalid_choice": "请从列表中选择报送单位。"},
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class SignatureScanForm(forms.Form):
    """纸质签字扫描件: the scan of the paper form the unit's leader signed, instead of an online signature."""

    leader = PersonChoiceField(
        label="签字领导",
        queryset=None,
        empty_label="请选择签字领导",
        error_messages={"required": "请选择在纸质审批单上签字的领导。", "invalid_choice": "请从列表中选择签字领导。"},
    )
    scan = forms.FileField(
        label="签字扫描件",
        help_text="领导签字的纸质报送审批单的扫描件，PDF、JPG或PNG格式。",
        error_messages={"required": "请上传签字扫描件。", "empty": "上传的文件是空的。"},
    )
    comment = forms.CharField(label="说明", required=False, max_length=500, widget=forms.Textarea({"rows": 2}))

    def __init__(self, *args, leaders, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leader"].queryset = leaders

    def clean_scan(self):
        upload = self.cleaned_data["scan"]
        try:
            self.scan_kind = check_scan(upload)
        except ValidationError as error:
            raise forms.ValidationError(error.messages) from error
        return upload
