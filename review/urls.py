from django.urls import path

from .views import contacts, post_publication, trail
from .views.workflow import ReviewActionView

app_name = "review"

urlpatterns = [
    path(
        "workflow/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
        ReviewActionView.as_view(),
        name="workflow_action",
    ),
    path("checks/", post_publication.index, name="my_checks"),
    path("checks/<int:pk>/confirm/", post_publication.confirm, name="confirm_check"),
    path("checks/<int:pk>/error/", post_publication.report_error, name="report_error"),
    path("trail/<int:page_id>/", trail.print_view, name="trail"),
    path("trail/<int:page_id>/pdf/", trail.pdf_view, name="trail_pdf"),
    path("contacts/import/", contacts.import_view, name="import_contacts"),
    path("contacts/export/", contacts.export_view, name="export_contacts"),
]
