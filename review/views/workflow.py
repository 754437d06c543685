"""The action view behind the signature and check modals.

Wagtail builds workflow action forms from ``request.POST`` alone; signing needs the acting user (to
check the password) and the task state (to re-run the checks), so the modals of
``UnitLeaderSignTask`` and ``AutoCheckTask`` post here instead. Everything else is Wagtail's view.

When the modal was opened from the page editor ("collect" mode), the validated data goes back to the
editor, which saves the edit and then calls the task's ``on_action`` with it; ``on_action`` checks
the password and the findings again, so that path cannot skip them either. The password itself never
goes back to the browser: the collected data carries a signed one-time token in its place.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect

from wagtail.admin import messages
from wagtail.admin.views.pages.workflow import WorkflowActionView

from ..forms import without_password


class ReviewActionView(WorkflowActionView):
    submit_url_name = "review:workflow_action"

    def post(self, request, *args, **kwargs):
        form = self.form_class(request.POST, user=request.user, task_state=self.task_state)
        is_ajax = request.headers.get("x-requested-with") == "XMLHttpRequest"
        if not form.is_valid():
            if is_ajax:
                return self.render_modal_form(request, form)
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return redirect(self.redirect_url)
        if request.POST.get("collect"):
            return self.render_modal_json(request, {"step": "success", "cleaned_data": without_password(form)})
        if self.task_state.status != self.task_state.STATUS_IN_PROGRESS:
            raise PermissionDenied
        self.redirect_url = (
            self.task.on_action(self.task_state, request.user, self.action_name, **form.cleaned_data)
            or self.redirect_url
        )
        self.task_state.refresh_from_db()
        if self.task_state.status == self.task_state.STATUS_CANCELLED:
            # The content changed since an earlier step: the review started again (review/integrity.py).
            messages.warning(request, f"“{self.object.get_admin_display_title()}”：{self.task_state.comment}")
        else:
            messages.success(request, f"“{self.object.get_admin_display_title()}”：{self.action_verbose_name}。")
        if is_ajax:
            return self.render_modal_json(request, {"step": "success", "redirect": self.redirect_url})
        return redirect(self.redirect_url)
