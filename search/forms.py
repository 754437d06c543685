"""Reading the search parameters: anything a user or a bot types gives a valid search, never an error page."""

from django import forms

from columns.models import ColumnPage

from .analysis import MAX_QUERY_LENGTH
from .service import SORTS


class SearchForm(forms.Form):
    q = forms.CharField(label="关键词", required=False, strip=True)
    column = forms.ModelChoiceField(
        label="栏目", queryset=ColumnPage.objects.none(), required=False, empty_label="全部栏目"
    )
    date_from = forms.DateField(label="起始日期", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label="截止日期", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    sort = forms.ChoiceField(label="排序", choices=[("relevance", "按相关度"), ("date", "按时间")], required=False)

    def __init__(self, data, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.fields["column"].queryset = ColumnPage.objects.live().public().order_by("path")
        self.fields["column"].label_from_instance = lambda column: column.title

    def params(self):
        """Valid values only: a bad column, date or sort is ignored rather than reported as an error."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        date_from, date_to = data.get("date_from"), data.get("date_to")
        if date_from and date_to and date_from > date_to:
            date_from, date_to = date_to, date_from
        sort = data.get("sort") if data.get("sort") in SORTS else "relevance"
        return {
            "query": (self.data.get("q") or "")[: MAX_QUERY_LENGTH * 4],
            "column": data.get("column"),
            "date_from": date_from,
            "date_to": date_to,
            "sort": sort,
        }
