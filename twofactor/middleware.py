"""Stops a user who needs a second factor at the code (or enrolment) page until the session is verified.

Runs after ``django_otp.middleware.OTPMiddleware``, which gives ``request.user.is_verified()``.
"""

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse

from .policy import has_confirmed_device, must_enrol

# Views a half-logged-in user must still reach: signing in and out, and the second-factor pages.
EXEMPT_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "twofactor_setup",
    "twofactor_verify",
    "twofactor_recovery_codes",
}


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_verified():
            return None
        if request.resolver_match and request.resolver_match.url_name in EXEMPT_URL_NAMES:
            return None
        if has_confirmed_device(user):
            target = "twofactor_verify"
        elif must_enrol(user):
            target = "twofactor_setup"
        else:
            return None
        next_url = request.get_full_path() if request.method == "GET" else reverse("wagtailadmin_home")
        return redirect(f"{reverse(target)}?{urlencode({'next': next_url})}")
