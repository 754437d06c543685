"""单位管理's bulk action: choose from which period the selected units are assessed (考核起始)."""

from django import forms

from wagtail.admin.widgets import AdminDateInput
from wagtail.log_actions import log
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from .models import ReportingUnit


class AssessedFromForm(forms.Form):
    assessed_from = forms.DateField(
        label="考核起始",
        widget=AdminDateInput,
        help_text="所选单位从包含此日期的考核期（月或周）起参加考核排名和任务统计。",
        error_messages={"required": "请选择考核起始日期。", "invalid": "请输入有效的日期，如2026-11-01。"},
    )


class SetAssessedFromBulkAction(SnippetBulkAction):
    display_name = "设置考核起始"
    action_type = "set_assessed_from"
    aria_label = "为所选单位设置考核起始"
    template_name = "review/bulk_actions/confirm_assessed_from.html"
    action_priority = 20
    form_class = AssessedFromForm
    models = [ReportingUnit]

    def check_perm(self, unit):
        return self.permission_policy.user_has_permission_for_instance(self.request.user, "change", unit)

    def get_execution_context(self):
        return {
            **super().get_execution_context(),
            "assessed_from": self.cleaned_form.cleaned_data["assessed_from"],
            "user": self.request.user,
        }

    @classmethod
    def execute_action(cls, objects, assessed_from=None, user=None, **kwargs):
        units = [unit for unit in objects if unit.assessed_from != assessed_from]
        ReportingUnit.objects.filter(pk__in=[unit.pk for unit in units]).update(assessed_from=assessed_from)
        for unit in units:
            log(
                instance=unit,
                action="review.unit.assessed_from",
                user=user,
                data={"assessed_from": assessed_from.isoformat()},
            )
        return len(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        day = self.cleaned_form.cleaned_data["assessed_from"]
        return f"已将{num_parent_objects}个单位的考核起始设为{day:%Y年%m月%d日}。"
