"""Response headers Django's SecurityMiddleware does not set."""

from csp.middleware import CSPMiddleware

from django.conf import settings

from .inline_scripts import add_nonce_to_known_scripts


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
    """Whether ``path`` is in the Wagtail admin, where Wagtail's own inline initialisers get the nonce."""
    return path.startswith(getattr(settings, "CONTENT_SECURITY_POLICY_ADMIN_PREFIX", "/admin/"))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware: ``settings.CONTENT_SECURITY_POLICY`` everywhere, admin included; a nonce
    is added when a template used ``request.csp_nonce``. In the Wagtail admin, the inline scripts
    Wagtail writes itself get the nonce when they are exactly a call of one of its initialisers with
    JSON data (``portal/inline_scripts.py``); any other inline script is blocked."""

    def process_response(self, request, response):
        if uses_admin_policy(request.path_info) and _is_html(response):
            html = response.content.decode(response.charset or "utf-8")
            if "<script>" in html:
                response.content = add_nonce_to_known_scripts(html, lambda: str(request.csp_nonce)).encode(
                    response.charset or "utf-8"
                )
                if response.has_header("Content-Length"):
                    response["Content-Length"] = str(len(response.content))
        return super().process_response(request, response)


def _is_html(response):
    return not getattr(response, "streaming", False) and response.get("Content-Type", "").startswith("text/html")
