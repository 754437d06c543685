"""The public views every citizen request shares: submit → receipt → query.

* ``RequestSubmitView``: POST/redirect/GET. The one-time ``submission_key``
  makes a resent or double-clicked form a single request; the receipt (number
  and query code) goes to the session and the browser is redirected to it.
* ``RequestReceiptView``: shows that receipt once.
* ``RequestQueryView``: status and history for the holder of the number and
  code. A wrong code and an unknown number get the same answer, and failures
  are counted per IP address (``portal.ratelimit``).

None of these pages is ever stored by a browser or proxy cache: they carry
personal data or one-time codes. A Wagtail page with routes uses them through
``as_view(page=self)``; ``render`` then goes through the page.
"""

import secrets

from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.views import View

from portal.ratelimit import RateLimit, client_ip
from portal.validators import has_control_characters

QUERY_FAILURE_LIMIT = 10
QUERY_FAILURE_WINDOW = 15 * 60


class NeverCacheMixin:
    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response


class IntakeView(NeverCacheMixin, View):
    template_name = None
    #: set when the view serves a route of a Wagtail ``RoutablePageMixin`` page
    page = None

    def render(self, context, status=200, template_name=None):
        template_name = template_name or self.template_name
        if self.page is not None:
            response = self.page.render(self.request, template=template_name, context_overrides=context)
            response.status_code = status
            return response
        return render(self.request, template_name, context, status=status)


class RequestSubmitView(IntakeView):
    form_class = None
    model = None
    receipt_session_key = None

    def get_form(self, data=None, files=None):
        if data is None:
            return self.form_class(initial=self.get_initial())
        return self.form_class(data, files)

    def get_initial(self):
        return {"submission_key": secrets.token_urlsafe(32)}

    def get_context(self, form):
        return {"form": form}

    def receipt_url(self):
        raise NotImplementedError

    def create(self, form):
        """Store the request; returns ``(request, plain query code)``."""
        raise NotImplementedError

    def receipt(self, form, created, code):
        """What the receipt page shows; kept in the session until it is shown."""
        return {"tracking_number": created.reference, "query_code": code}

    def refused(self, form):
        """A message when this submission must be refused (e.g. too many from one address), else None."""
        return None

    def accepted(self, form, created):
        """Called once the request is stored, e.g. to count it against rate limits."""

    def get(self, request, *args, **kwargs):
        return self.render(self.get_context(self.get_form()))

    def post(self, request, *args, **kwargs):
        key = request.POST.get("submission_key", "")[:64]
        # A key with control characters never reaches a query; the form refuses it below.
        if not has_control_characters(key) and self.model.already_submitted(key):
            return redirect(self.receipt_url())
        form = self.get_form(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(self.get_context(form))
        message = self.refused(form)
        if message:
            form.add_error(None, message)
            return self.render(self.get_context(form), status=429)
        try:
            created, code = self.create(form)
        except IntegrityError:
            if not has_control_characters(key) and self.model.already_submitted(key):
                return redirect(self.receipt_url())
            raise
        self.accepted(form, created)
        request.session[self.receipt_session_key] = self.receipt(form, created, code)
        return redirect(self.receipt_url())


class RequestReceiptView(IntakeView):
    """Shows the number and code once: they leave the session as they are displayed."""

    receipt_session_key = None
    #: where to send a visitor who has no receipt (None: show the page without one)
    missing_url = None

    def get_receipt(self):
        return self.request.session.pop(self.receipt_session_key, None)

    def get(self, request, *args, **kwargs):
        receipt = self.get_receipt()
        if receipt is None and self.missing_url:
            return redirect(self.missing_url)
        return self.render({"receipt": receipt})


class RequestQueryView(IntakeView):
    form_class = None
    model = None
    result_name = "found"
    failures = RateLimit("intake-query-failures", QUERY_FAILURE_LIMIT, QUERY_FAILURE_WINDOW)
    limited_message = "查询失败次数过多，请稍后再试（约15分钟后）。"
    #: whether the filled form is shown again after a wrong pair (else an empty one)
    keep_form_after_failure = True
    #: whether an empty form replaces the filled one when the request was found
    fresh_form_when_found = False

    def initial_context(self):
        return {"form": self.form_class(), "message": "", self.result_name: None}

    def result_context(self, found, form):
        return {self.result_name: found, "events": found.events.all()}

    def is_limited(self, form=None):
        """Whether to refuse the query: checked before the form (``form`` None) and again once it is valid."""
        return form is None and self.failures.exceeded(client_ip(self.request))

    def record_failure(self, form):
        self.failures.hit(client_ip(self.request))

    def find(self, form):
        return self.model.find(form.reference, form.cleaned_data["query_code"])

    def get(self, request, *args, **kwargs):
        return self.render(self.initial_context())

    def post(self, request, *args, **kwargs):
        context = self.initial_context()
        if self.is_limited():
            context["message"] = self.limited_message
            return self.render(context, status=429)
        form = self.form_class(request.POST)
        context["form"] = form
        if form.is_valid():
            if self.is_limited(form):
                context["message"] = self.limited_message
                return self.render(context, status=429)
            found = self.find(form)
            if found is None:
                self.record_failure(form)
                context["message"] = form.failed_message
                if not self.keep_form_after_failure:
                    context["form"] = self.form_class()
            else:
                context.update(self.result_context(found, form))
                if self.fresh_form_when_found:
                    context["form"] = self.form_class()
        return self.render(context)
