"""Admin of the legal-services channel: questions from the public and legal-aid applications."""

import django_filters

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from intake.admin import NoAddPermissionPolicy
from search.admin_search import AdminHit, TextSource

from .admin_views import (
    DOWNLOAD_ACTION,
    REVEAL_ACTION,
    ApplicantPanel,
    LegalAidAdminForm,
    LegalAidChooserViewSet,
    LegalAidDeleteView,
    LegalAidEditView,
    LegalAidHistoryView,
    LegalAidUsageView,
    download_attachment,
    hide_unassigned_applications,
    reveal,
)
from .forms import QuestionAdminForm
from .inspection import inspect_legal_aid
from .models import LegalAidApplication, Question


class QuestionViewSet(SnippetViewSet):
    """One list for every question, whichever page it came from, so nothing waits unanswered unseen."""

    model = Question
    icon = "help"
    menu_label = "法律咨询"
    menu_name = "legal-questions"
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["reference", "category", "title", "status", "is_published", "created_at"]
    list_filter = ["category", "status", "is_published"]
    search_fields = ["title", "content", "reference"]
    search_backend_name = None
    ordering = ["-created_at", "-pk"]
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("reference", read_only=True), FieldPanel("created_at", read_only=True)]),
                    FieldRowPanel([FieldPanel("name", read_only=True), FieldPanel("phone", read_only=True)]),
                    FieldRowPanel(
                        [FieldPanel("email", read_only=True), FieldPanel("consent_to_publish", read_only=True)]
                    ),
                ],
                heading="提问人（仅供工作人员联系，不公开）",
            ),
            MultiFieldPanel(
                [FieldPanel("category"), FieldPanel("title"), FieldPanel("content")],
                heading="问题",
                help_text="公开前可删去问题中的姓名、住址等个人信息。",
            ),
            MultiFieldPanel(
                [
                    FieldPanel("status"),
                    FieldPanel("answer"),
                    FieldPanel("decline_reason"),
                    FieldRowPanel(
                        [FieldPanel("answered_by", read_only=True), FieldPanel("answered_at", read_only=True)]
                    ),
                ],
                heading="答复",
            ),
            MultiFieldPanel(
                [FieldPanel("is_published"), FieldPanel("published_at", read_only=True)],
                heading="公开",
            ),
        ],
        base_form_class=QuestionAdminForm,
    )


# Nobody adds questions in the admin: they come only from the public form, with the asker's own consent.
register_permission_policy(Question, NoAddPermissionPolicy(Question))
register_snippet(QuestionViewSet)


class LegalAidPermissionPolicy(NoAddPermissionPolicy):
    """Applications come only from the public form; a lawyer's rights stop at the applications assigned to them."""

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            super().user_has_permission_for_instance(user, action, instance)
            and LegalAidApplication.objects.visible_to(user).filter(pk=instance.pk).exists()
        )


class OverdueColumn(Column):
    """审查期限 with overdue applications flagged, so none waits past the Legal Aid Law's seven days unnoticed."""

    cell_template_name = "legal_services/admin/deadline_cell.html"


class LegalAidFilterSet(WagtailFilterSet):
    overdue = django_filters.BooleanFilter(label="审查超期", method="filter_overdue")

    class Meta:
        model = LegalAidApplication
        fields = ["status", "case_type"]

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = LegalAidApplication.objects.overdue().values("pk")
        return queryset.filter(pk__in=overdue) if value else queryset.exclude(pk__in=overdue)


class LegalAidViewSet(SnippetViewSet):
    """Review, decide, assign and close applications; ID and phone numbers are masked here."""

    model = LegalAidApplication
    icon = "clipboard-list"
    menu_label = "法律援助申请"
    menu_name = "legal-aid"
    add_to_admin_menu = True
    menu_order = 251
    list_display = [
        "tracking_number",
        "applicant_name",
        Column("masked_id_number", label="身份证号码"),
        Column("masked_phone", label="联系电话"),
        "case_type",
        "status",
        OverdueColumn("review_deadline", label="审查期限"),
        "received_at",
    ]
    filterset_class = LegalAidFilterSet
    search_fields = ["tracking_number", "applicant_name"]
    search_backend_name = None
    ordering = ["-received_at", "-pk"]
    copy_view_enabled = False
    inspect_view_enabled = False
    edit_view_class = LegalAidEditView
    history_view_class = LegalAidHistoryView
    usage_view_class = LegalAidUsageView
    delete_view_class = LegalAidDeleteView
    chooser_viewset_class = LegalAidChooserViewSet
    edit_handler = ObjectList(
        [
            ApplicantPanel(template="legal_services/admin/applicant_panel.html", heading="申请信息"),
            MultiFieldPanel(
                [FieldPanel("status"), FieldPanel("decision_reason"), FieldPanel("note")],
                heading="审查与办理",
            ),
            MultiFieldPanel(
                [FieldPanel("assigned_lawyer"), FieldPanel("assigned_organisation")],
                heading="指派",
            ),
            FieldPanel("internal_note"),
            HelpPanel(template="legal_services/admin/history_panel.html", heading="办理记录"),
        ],
        base_form_class=LegalAidAdminForm,
    )

    def get_queryset(self, request):
        return LegalAidApplication.objects.visible_to(request.user)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("reveal/<int:pk>/", reveal, name="reveal"),
            path("attachment/<int:pk>/", download_attachment, name="attachment"),
        ]


register_permission_policy(LegalAidApplication, LegalAidPermissionPolicy(LegalAidApplication))
register_snippet(LegalAidViewSet)


hooks.register("filter_site_history", hide_unassigned_applications)


@hooks.register("register_log_actions")
def register_legal_aid_log_actions(actions):
    """Reveals of personal data and downloads of attachments appear in the audit log in Chinese."""
    actions.register_action(REVEAL_ACTION, "查看个人信息", "查看了申请人完整身份证号和电话")
    actions.register_action(DOWNLOAD_ACTION, "下载附件", "下载了申请附件")


class LegalAidSearchSource(TextSource):
    """Applications in the admin's 全部内容 search; a lawyer finds only those assigned to them."""

    name = "legal-aid"
    label = "法律援助申请"
    order = 50
    icon = "clipboard-list"
    title_field = "applicant_name"
    text_fields = ("facts", "tracking_number", "decision_reason", "internal_note")

    def is_shown(self, request):
        return any(
            request.user.has_perm(f"legal_services.{action}_legalaidapplication")
            for action in ("view", "change", "delete")
        )

    def queryset(self, request):
        return LegalAidApplication.objects.visible_to(request.user).order_by("-received_at", "-pk")

    def hit(self, request, application):
        url = reverse("wagtailsnippets_legal_services_legalaidapplication:edit", args=[application.pk])
        title = f"{application.tracking_number} {application.applicant_name}"
        return AdminHit(title, url, application.get_case_type_display())

    def more_url(self, request, query):
        return reverse("wagtailsnippets_legal_services_legalaidapplication:list")


@hooks.register("register_admin_search_source")
def register_legal_aid_search_source():
    return LegalAidSearchSource()


hooks.register("register_site_inspection", inspect_legal_aid)
