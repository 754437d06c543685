"""Response headers Django's SecurityMiddleware does not set."""

from csp.middleware import CSPMiddleware

from django.conf import settings


def permissions_policy_header(policy):
    """``{"camera": [], "fullscreen": ["self"]}`` -> ``camera=(), fullscreen=(self)``."""
    return ", ".join(f"{feature}=({' '.join(origins)})" for feature, origins in policy.items())


class PermissionsPolicyMiddleware:
    """Adds ``Permissions-Policy`` from ``settings.PERMISSIONS_POLICY`` to every response, redirects included,
    switching off browser features the site never uses."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy_header(getattr(settings, "PERMISSIONS_POLICY", {}))

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response


def uses_admin_policy(path):
    """Whether ``path`` gets ``CONTENT_SECURITY_POLICY_ADMIN`` instead of the site's strict policy."""
    prefix = getattr(settings, "CONTENT_SECURITY_POLICY_ADMIN_PREFIX", "/admin/")
    strict = tuple(getattr(settings, "CONTENT_SECURITY_POLICY_ADMIN_STRICT_PATHS", ()))
    return path.startswith(prefix) and not path.startswith(strict)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware: ``settings.CONTENT_SECURITY_POLICY`` everywhere (a nonce is added when a
    template used ``request.csp_nonce``), except the Wagtail admin, which gets
    ``CONTENT_SECURITY_POLICY_ADMIN`` because Wagtail itself writes inline scripts there (see the
    settings). Views may still override either with django-csp's decorators."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and uses_admin_policy(request.path_info):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
            # A nonce in the policy would make browsers ignore 'unsafe-inline'.
            parts.nonce = None
        return parts
