from datetime import timedelta

from django import forms

MAX_SPAN_DAYS = 366


class SpanForm(forms.Form):
    """The days the report covers; a bad span is refused with a message and the default span is shown."""

    start = forms.DateField(label="开始日期", widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label="结束日期", widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.error_messages = {
                "required": f"请填写{field.label}。",
                "invalid": f"{field.label}格式应为 2026-01-31。",
            }

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end:
            if start > end:
                raise forms.ValidationError("开始日期不能晚于结束日期。")
            if end - start > timedelta(days=MAX_SPAN_DAYS):
                raise forms.ValidationError(f"统计时间段不能超过{MAX_SPAN_DAYS}天。")
        return cleaned
