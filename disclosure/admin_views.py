"""Handling 依申请公开 in the admin: the next steps only, the one extension, every step in the history."""

from django import forms
from django.core.exceptions import ValidationError

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.snippets.views.snippets import EditView

from .models import EXTENSION_WORKDAYS, NEXT_STATUSES, RequestStatus


class InformationRequestAdminForm(WagtailAdminModelForm):
    note = forms.CharField(
        label="本次办理说明",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="选填，申请人查询时可见。",
    )
    extend = forms.BooleanField(
        label=f"延长答复期限（{EXTENSION_WORKDAYS}个工作日，只能延长一次）",
        required=False,
        help_text="《政府信息公开条例》第三十三条：需经政府信息公开工作机构负责人同意，并告知申请人。",
    )
    extend_reason = forms.CharField(
        label="延长理由", required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
    extend_approver = forms.CharField(label="批准延长的负责人", required=False, max_length=30)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = RequestStatus(self.instance.status)
        allowed = [current, *NEXT_STATUSES[current]]
        self.fields["status"].choices = [(value, label) for value, label in RequestStatus.choices if value in allowed]
        if not self.instance.can_extend:
            for name in ("extend", "extend_reason", "extend_approver"):
                self.fields[name].disabled = True

    def clean_status(self):
        status = self.cleaned_data["status"]
        current = RequestStatus(self.instance.status)
        if status != current and status not in NEXT_STATUSES[current]:
            raise forms.ValidationError(f"办理状态不能从“{current.label}”直接改为该状态。")
        return status

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("extend"):
            if not (cleaned.get("extend_reason") or "").strip():
                self.add_error("extend_reason", "延长答复期限时请写明理由，申请人查询时可见。")
            if not (cleaned.get("extend_approver") or "").strip():
                self.add_error("extend_approver", "请填写批准延长的负责人。")
            if cleaned.get("status") == RequestStatus.ANSWERED:
                self.add_error("extend", "已答复的申请不能再延长答复期限。")
        return cleaned

    def _post_clean(self):
        super()._post_clean()
        if self.cleaned_data.get("extend") and not self.errors and self.instance.can_extend:
            try:
                self.instance.extend(
                    self.cleaned_data["extend_reason"].strip(), self.cleaned_data["extend_approver"].strip()
                )
            except ValidationError as error:
                self.add_error("extend", error)


class InformationRequestEditView(EditView):
    def save_instance(self):
        before = type(self.object).objects.values_list("status", "extended_deadline").get(pk=self.object.pk)
        previous, previous_extension = before
        instance = super().save_instance()
        notes = []
        if instance.extended_deadline and not previous_extension:
            notes.append(
                f"答复期限延长至{instance.extended_deadline:%Y年%-m月%-d日}，理由：{instance.extension_reason}"
            )
        note = self.form.cleaned_data.get("note", "").strip()
        if note:
            notes.append(note)
        if instance.status != previous and instance.status == RequestStatus.ANSWERED:
            notes.append(f"答复类型：{instance.get_outcome_display()}")
        if instance.status != previous or notes:
            instance.record_event(
                from_status=previous, to_status=instance.status, note="；".join(notes), user=self.request.user
            )
        return instance
