"""Admin views for legal-aid applications: who may see which application, reveal full data, download attachments.

Wagtail's generic edit, history and usage views check only model-level
permissions, so ``AssignedOnlyMixin`` adds the per-application rule: a lawyer
reaches only the applications assigned to them, whatever URL they type.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import HelpPanel
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)
from wagtail.snippets.views.snippets import DeleteView, EditView, HistoryView, UsageView

from review.roles import LAWYER_GROUP

from .legal_aid import notify_lawyer
from .models import AidStatus, LegalAidApplication, LegalAidAttachment
from .models.legal_aid import NEXT_STATUSES

REVEAL_ACTION = "legal_services.reveal_personal_data"
DOWNLOAD_ACTION = "legal_services.download_attachment"


def can_see_all(user):
    return user.is_superuser or user.has_perm("legal_services.view_all_legalaidapplication")


def visible_application(user, pk):
    return get_object_or_404(LegalAidApplication.objects.visible_to(user), pk=pk)


def person_name(user):
    """姓名 as Chinese writes it (姓 then 名); the login name only for an account without a name."""
    return f"{user.last_name}{user.first_name}".strip() or user.get_username()


def lawyer_choices(current_id=None):
    """Active members of the 律师 group, by name; plus the current assignee, so an old assignment stays valid."""
    users = get_user_model().objects.filter(is_active=True, groups__name=LAWYER_GROUP)
    if current_id is not None:
        users = users | get_user_model().objects.filter(pk=current_id)
    return users.distinct().order_by("last_name", "first_name", "username")


class AssignedOnlyMixin:
    def get_object(self, *args, **kwargs):
        application = super().get_object(*args, **kwargs)
        if not LegalAidApplication.objects.visible_to(self.request.user).filter(pk=application.pk).exists():
            raise Http404
        return application


class LegalAidAdminForm(WagtailAdminModelForm):
    """Only the next steps of the procedure are offered; lawyers cannot reassign; each change is explained."""

    note = forms.CharField(
        label="本次办理说明",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="选填，申请人查询时可见，例如约见时间、地点。",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = self.instance.status
        allowed = [current, *NEXT_STATUSES[AidStatus(current)]]
        self.fields["status"].choices = [(value, label) for value, label in AidStatus.choices if value in allowed]
        if "assigned_lawyer" in self.fields:
            self.fields["assigned_lawyer"].queryset = lawyer_choices(self.instance.assigned_lawyer_id)
            self.fields["assigned_lawyer"].label_from_instance = person_name
        if self.for_user is not None and not can_see_all(self.for_user):
            for name in ("assigned_lawyer", "assigned_organisation"):
                if name in self.fields:
                    self.fields[name].disabled = True

    def clean_status(self):
        status = self.cleaned_data["status"]
        current = self.instance.status if self.instance.pk else AidStatus.SUBMITTED
        if status != current and status not in NEXT_STATUSES[AidStatus(current)]:
            raise forms.ValidationError(f"办理状态不能从“{AidStatus(current).label}”直接改为该状态。")
        return status


class LegalAidEditView(AssignedOnlyMixin, EditView):
    """Writes each status change into the history the applicant reads."""

    def save_instance(self):
        previous = LegalAidApplication.objects.values_list("status", flat=True).get(pk=self.object.pk)
        instance = super().save_instance()
        note = self.form.cleaned_data.get("note", "").strip()
        if instance.status != previous:
            if instance.status in (AidStatus.REFUSED, AidStatus.NEEDS_MATERIALS) and not note:
                note = instance.decision_reason
            if instance.status == AidStatus.ASSIGNED and not note:
                note = f"已指派{instance.assigned_organisation or '法律援助律师'}承办。"
        if instance.status != previous or note:
            instance.record_event(from_status=previous, to_status=instance.status, note=note, user=self.request.user)
        if instance.status == AidStatus.ASSIGNED and previous != AidStatus.ASSIGNED and instance.assigned_lawyer:
            notify_lawyer(instance)  # sent once the edit is committed
        return instance


class LegalAidHistoryView(AssignedOnlyMixin, HistoryView):
    pass


class LegalAidUsageView(AssignedOnlyMixin, UsageView):
    pass


class LegalAidDeleteView(AssignedOnlyMixin, DeleteView):
    pass


class ApplicantPanel(HelpPanel):
    """The applicant's part, read-only, with ID and phone masked and a button to reveal them for permitted staff."""

    class BoundPanel(HelpPanel.BoundPanel):
        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            user = self.request.user
            context["can_reveal"] = user.is_superuser or user.has_perm("legal_services.reveal_legalaidapplication")
            return context


@require_POST
def reveal(request, pk):
    """Full ID and phone numbers, for staff with the permission; every reveal goes into the audit log."""
    if not (request.user.is_superuser or request.user.has_perm("legal_services.reveal_legalaidapplication")):
        raise PermissionDenied
    application = visible_application(request.user, pk)
    log(application, REVEAL_ACTION, user=request.user)
    return TemplateResponse(
        request, "legal_services/admin/reveal.html", {"application": application, "page_title": "申请人完整信息"}
    )


def download_attachment(request, pk):
    """A private attachment, to whoever may see its application; logged like a reveal."""
    attachment = get_object_or_404(LegalAidAttachment, pk=pk)
    if not request.user.has_perm("legal_services.view_legalaidapplication") and not request.user.has_perm(
        "legal_services.change_legalaidapplication"
    ):
        raise PermissionDenied
    visible_application(request.user, attachment.application_id)
    log(attachment.application, DOWNLOAD_ACTION, user=request.user, data={"file": attachment.original_name})
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.original_name)


class VisibleOnlyChooseMixin:
    """The snippet chooser lists only applications this user may see (Wagtail's lists every row by default)."""

    def get_object_list(self):
        return LegalAidApplication.objects.visible_to(self.request.user)


class LegalAidChooseView(VisibleOnlyChooseMixin, ChooseView):
    pass


class LegalAidChooseResultsView(VisibleOnlyChooseMixin, ChooseResultsView):
    pass


class LegalAidChosenView(SnippetChosenView):
    def get_object(self, pk):
        return visible_application(self.request.user, pk)


class LegalAidChosenMultipleView(SnippetChosenMultipleView):
    def get_objects(self, pks):
        pks = [pk for pk in pks if pk.isdigit()]
        return LegalAidApplication.objects.visible_to(self.request.user).filter(pk__in=pks)


class LegalAidChooserViewSet(SnippetChooserViewSet):
    choose_view_class = LegalAidChooseView
    choose_results_view_class = LegalAidChooseResultsView
    chosen_view_class = LegalAidChosenView
    chosen_multiple_view_class = LegalAidChosenMultipleView


def hide_unassigned_applications(log_entries, request):
    """Site history: log entries of applications the user may not see are left out."""
    if not issubclass(log_entries.model, ModelLogEntry) or can_see_all(request.user):
        return log_entries
    content_type = ContentType.objects.get_for_model(LegalAidApplication)
    visible = (
        LegalAidApplication.objects.visible_to(request.user).annotate(pk_text=Cast("pk", CharField())).values("pk_text")
    )
    return log_entries.exclude(Q(content_type=content_type) & ~Q(object_id__in=visible))
