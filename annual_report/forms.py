"""The edit form of a draft report: one field per line of the national form, one per column's count."""

from decimal import Decimal

from django import forms

from .fields import DECIMAL, INT, LONGTEXT, SECTIONS, TEXT, YESNO
from .models import AnnualReport

YESNO_CHOICES = [("是", "是"), ("否", "否")]
MAX_NUMBER = 2_000_000_000


def _form_field(field):
    label = f"{field.label}（{field.unit}）" if field.unit else field.label
    if field.kind == INT:
        return forms.IntegerField(
            label=label,
            min_value=0,
            max_value=MAX_NUMBER,
            error_messages={"invalid": "请填写整数。", "min_value": "不能为负数。", "max_value": "数字过大。"},
        )
    if field.kind == DECIMAL:
        return forms.DecimalField(
            label=label,
            min_value=Decimal(0),
            max_value=Decimal(100000),
            decimal_places=1,
            error_messages={
                "invalid": "请填写数字，最多一位小数。",
                "min_value": "不能为负数。",
                "max_decimal_places": "最多一位小数。",
            },
        )
    if field.kind == YESNO:
        return forms.ChoiceField(
            label=label, choices=YESNO_CHOICES, error_messages={"invalid_choice": "请选择是或否。"}
        )
    if field.kind == LONGTEXT:
        return forms.CharField(label=label, required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 4}))
    assert field.kind == TEXT
    return forms.CharField(label=label, required=False, max_length=200)


class AnnualReportForm(forms.Form):
    def __init__(self, *args, report, **kwargs):
        initial = {**report.figures}
        initial.update({f"column_{i}": row["count"] for i, row in enumerate(report.column_counts)})
        super().__init__(*args, initial=initial, **kwargs)
        self.report = report
        for _, fields in SECTIONS:
            for field in fields:
                self.fields[field.key] = _form_field(field)
        for i, row in enumerate(report.column_counts):
            self.fields[f"column_{i}"] = forms.IntegerField(
                label=row["title"],
                min_value=0,
                max_value=MAX_NUMBER,
                error_messages={"invalid": "请填写整数。", "min_value": "不能为负数。", "max_value": "数字过大。"},
            )

    def sections(self):
        """The bound fields grouped as on the national form, for the template."""
        grouped = [(title, [self[field.key] for field in fields]) for title, fields in SECTIONS]
        columns = [self[f"column_{i}"] for i in range(len(self.report.column_counts))]
        return grouped, columns

    def figures(self):
        data = self.cleaned_data
        figures = {}
        for _, fields in SECTIONS:
            for field in fields:
                value = data[field.key]
                figures[field.key] = str(value) if field.kind == DECIMAL else value
        return figures

    def column_counts(self):
        return [
            {"title": row["title"], "count": self.cleaned_data[f"column_{i}"]}
            for i, row in enumerate(self.report.column_counts)
        ]


class CreateReportForm(forms.Form):
    year = forms.IntegerField(
        label="年度",
        min_value=2000,
        max_value=2100,
        error_messages={
            "invalid": "请填写四位数的年份。",
            "min_value": "年份不能早于2000年。",
            "max_value": "年份不能晚于2100年。",
        },
    )

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def clean_year(self):
        year = self.cleaned_data["year"]
        if year >= self.today.year:
            raise forms.ValidationError("该年度尚未结束，年度报表在次年编制。")
        if AnnualReport.objects.filter(year=year).exists():
            raise forms.ValidationError(f"{year}年度的报表已经存在，请在列表中打开它。")
        return year
