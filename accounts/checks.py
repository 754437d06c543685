"""Settings the account security cannot work without."""

from django.conf import settings
from django.core.checks import Error, register

MIN_AUDIT_RETENTION_DAYS = 180  # 网络安全法 art. 21: network logs are kept at least six months


@register()
def check_audit_retention(app_configs, **kwargs):
    days = getattr(settings, "PORTAL_AUDIT_RETENTION_DAYS", MIN_AUDIT_RETENTION_DAYS)
    if not isinstance(days, int) or days < MIN_AUDIT_RETENTION_DAYS:
        return [
            Error(
                f"PORTAL_AUDIT_RETENTION_DAYS is {days!r}; audit logs must be kept at least "
                f"{MIN_AUDIT_RETENTION_DAYS} days (Cybersecurity Law art. 21).",
                hint=f"Set PORTAL_AUDIT_RETENTION_DAYS to {MIN_AUDIT_RETENTION_DAYS} or more.",
                id="accounts.E001",
            )
        ]
    return []
