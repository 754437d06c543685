from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "账号安全"

    def ready(self):
        # Signal receivers (logins, lockouts, group and permission changes, the session clock started
        # at login) and system checks.
        from . import audit, checks, middleware  # noqa: F401
