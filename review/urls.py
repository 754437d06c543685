from django.urls import path

from .views import contacts, office_entry, post_publication, trail
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
    path("entry/<int:page_id>/", office_entry.entry_view, name="office_entry"),
    path("entry/<int:page_id>/scan/", office_entry.scan_view, name="signature_scan"),
    path("signatures/<int:pk>/scan/", office_entry.scan_file_view, name="signature_scan_file"),
    path("contacts/import/", contacts.import_view, name="import_contacts"),
    path("contacts/export/", contacts.export_view, name="export_contacts"),
]
