"""The back-office queue of error reports: only the next steps are offered, each step goes into the history."""

from django import forms

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.snippets.views.snippets import EditView

from .models import CLOSED, NEXT_STATUSES, ReportStatus


class ErrorReportAdminForm(WagtailAdminModelForm):
    note = forms.CharField(
        label="本次办理说明",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="选填，报告人查询时可见。",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = ReportStatus(self.instance.status)
        allowed = [current, *NEXT_STATUSES[current]]
        self.fields["status"].choices = [(value, label) for value, label in ReportStatus.choices if value in allowed]

    def clean_status(self):
        status = self.cleaned_data["status"]
        current = ReportStatus(self.instance.status)
        if status != current and status not in NEXT_STATUSES[current]:
            raise forms.ValidationError(f"办理状态不能从“{current.label}”直接改为该状态。")
        return status

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") in CLOSED and not (cleaned.get("reply") or "").strip():
            self.add_error("reply", "办结时请填写答复，报告人查询时可见。")
        return cleaned


class ErrorReportEditView(EditView):
    def save_instance(self):
        previous = type(self.object).objects.values_list("status", flat=True).get(pk=self.object.pk)
        instance = super().save_instance()
        note = self.form.cleaned_data.get("note", "").strip()
        if instance.status != previous and instance.status in CLOSED and not note:
            note = instance.reply
        if instance.status != previous or note:
            instance.record_event(from_status=previous, to_status=instance.status, note=note, user=self.request.user)
        return instance
