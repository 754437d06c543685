"""The public views every citizen request shares: submit → receipt → query.

* ``RequestSubmitView``: POST/redirect/GET. The one-time ``submission_key``
  (unique in the database) makes a resent or double-clicked form a single
  request; the receipt (number and query code) goes to the session and the
  browser is redirected to it. Submissions are limited per address and per
  phone or ID number (``INTAKE_SUBMIT_LIMIT_PER_IP``, ``INTAKE_SUBMIT_LIMIT_PER_CONTACT``).
* ``RequestReceiptView``: shows that receipt once.
* ``RequestQueryView``: status and history for the holder of the number and
  code. A wrong code and an unknown number get the same answer. Failures are
  counted per IP address, which is then refused for a while, and per tracking
  number: after ``INTAKE_QUERY_CAPTCHA_AFTER`` wrong codes for one number its
  query needs a captcha too, so guessing is slow but the owner is never locked out.

None of these pages is ever stored by a browser or proxy cache: they carry
personal data or one-time codes. A Wagtail page with routes uses them through
``as_view(page=self)``; ``render`` then goes through the page.
"""

import secrets

from django.conf import settings
from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.views import View

from portal.ratelimit import RateLimit, client_ip
from portal.validators import has_control_characters

QUERY_FAILURE_LIMIT = 10
QUERY_FAILURE_WINDOW = 15 * 60
DEFAULTS = {
    "INTAKE_SUBMIT_LIMIT_PER_IP": (5, 3600),
    "INTAKE_SUBMIT_LIMIT_PER_CONTACT": (3, 24 * 3600),
    "INTAKE_QUERY_CAPTCHA_AFTER": (3, 3600),
}
SUBMIT_LIMITED_MESSAGE = "您今天提交的次数较多，为防止重复提交，请稍后再试。如有紧急情况，请拨打页面底部的联系电话。"
CAPTCHA_REQUIRED_MESSAGE = "这个编号的查询码输错次数较多，请输入验证码后再查询。"


def setting(name):
    """``(count, window in seconds)`` from the settings, else the default; read on every call so tests can override."""
    return getattr(settings, name, DEFAULTS[name])


def stored_with_key(model, submission_key):
    """Whether a form carrying this one-time key was already stored (double click, resent form)."""
    if not submission_key or has_control_characters(submission_key):
        return False  # a key with control characters never reaches a query; the form refuses it
    if not any(field.name == "submission_key" for field in model._meta.concrete_fields):
        return False
    return model._default_manager.filter(submission_key=submission_key).exists()


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
    #: names the rate-limit counters of this form (defaults to the model's label)
    limit_name = None
    #: cleaned fields counted against ``INTAKE_SUBMIT_LIMIT_PER_CONTACT``, each on its own (phone, ID number)
    limited_fields = ("phone",)
    limited_message = SUBMIT_LIMITED_MESSAGE

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

    def submit_limits(self):
        """``(limit per address, limit per phone or ID number)``: ``portal.ratelimit.RateLimit`` objects."""
        name = self.limit_name or self.model._meta.label_lower
        return (
            RateLimit(f"{name}-submit-ip", *setting("INTAKE_SUBMIT_LIMIT_PER_IP")),
            RateLimit(f"{name}-submit-contact", *setting("INTAKE_SUBMIT_LIMIT_PER_CONTACT")),
        )

    def _identities(self, form):
        by_ip, by_contact = self.submit_limits()
        yield by_ip, client_ip(self.request)
        for field in self.limited_fields:
            if form.cleaned_data.get(field):
                # the field's name keeps a phone number and an ID number that happen to match apart
                yield by_contact, f"{field}:{form.cleaned_data[field]}"

    def refused(self, form):
        """A message when this submission must be refused (too many from one address, phone or ID number), else None."""
        if any(limit.exceeded(identity) for limit, identity in self._identities(form)):
            return self.limited_message
        return None

    def accepted(self, form, created):
        """Called once the request is stored: counts it against the rate limits."""
        for limit, identity in self._identities(form):
            limit.hit(identity)

    def already_submitted(self, key):
        return stored_with_key(self.model, key)

    def get(self, request, *args, **kwargs):
        return self.render(self.get_context(self.get_form()))

    def post(self, request, *args, **kwargs):
        key = request.POST.get("submission_key", "")[:64]
        if self.already_submitted(key):
            return redirect(self.receipt_url())
        form = self.get_form(request.POST, request.FILES)
        if not form.is_valid():
            # The other click of a double click consumed the captcha and stored the request.
            if self.already_submitted(key):
                return redirect(self.receipt_url())
            return self.render(self.get_context(form))
        message = self.refused(form)
        if message:
            form.add_error(None, message)
            return self.render(self.get_context(form), status=429)
        try:
            created, code = self.create(form)
        except IntegrityError:
            if self.already_submitted(key):
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

    def number_failures(self):
        """Wrong codes per tracking number; past the count, that number's query needs a captcha."""
        return RateLimit(f"{self.model._meta.label_lower}-query-number", *setting("INTAKE_QUERY_CAPTCHA_AFTER"))

    def captcha_required(self, reference):
        return bool(reference) and self.number_failures().exceeded(reference)

    def posted_reference(self):
        value = self.request.POST.get(self.form_class.reference_name, "")
        return value.strip().upper()[:20] if isinstance(value, str) and not has_control_characters(value) else ""

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
        needs_captcha = self.captcha_required(self.posted_reference())
        form = self.form_class(request.POST, captcha_required=needs_captcha)
        context["form"] = form
        if not form.is_valid():
            if needs_captcha and "captcha" in form.errors:
                if self.is_limited(form):
                    context["message"] = self.limited_message
                    return self.render(context, status=429)
                self.record_failure(form)  # a try at a guarded number without its captcha counts as a failure
                context["message"] = CAPTCHA_REQUIRED_MESSAGE
            return self.render(context)
        if self.is_limited(form):
            context["message"] = self.limited_message
            return self.render(context, status=429)
        found = self.find(form)
        if found is None:
            self.record_failure(form)
            self.number_failures().hit(form.reference)
            context["message"] = form.failed_message
            if not self.keep_form_after_failure or self.captcha_required(form.reference):
                # a fresh captcha when one is (now) required: each is good for one try
                initial = {form.reference_name: form.reference} if self.keep_form_after_failure else None
                context["form"] = self.form_class(
                    initial=initial, captcha_required=self.captcha_required(form.reference)
                )
        else:
            # whoever holds the code is the owner: the wrong guesses of others no longer ask them for a captcha
            self.number_failures().reset(form.reference)
            context.update(self.result_context(found, form))
            if self.fresh_form_when_found:
                context["form"] = self.form_class()
        return self.render(context)
