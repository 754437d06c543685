from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from . import views
from .policy import ENROL_ACTION, RESET_ACTION


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    """The second-factor pages live in the admin (/admin/2fa/…), behind Wagtail's login."""
    return [
        path("2fa/setup/", views.setup, name="twofactor_setup"),
        path("2fa/verify/", views.verify, name="twofactor_verify"),
        path("2fa/recovery-codes/", views.recovery_codes, name="twofactor_recovery_codes"),
        path("2fa/account/", views.account, name="twofactor_account"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    """Lets any admin user enrol voluntarily, or renew recovery codes, from 账户设置."""
    return {
        "url": reverse("twofactor_account"),
        "label": _("两步验证"),
        "help_text": _("用手机身份验证器生成的动态验证码保护您的账户。"),
    }


@hooks.register("register_log_actions")
def register_two_factor_log_actions(actions):
    """Enrolment and resets of the second factor appear in the audit log in Chinese."""
    actions.register_action(ENROL_ACTION, _("启用两步验证"), _("启用了两步验证"))
    actions.register_action(RESET_ACTION, _("重置两步验证"), _("重置了两步验证"))
