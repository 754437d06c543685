"""Who must use a second factor, and the devices that hold it.

A stolen password alone must not publish pages, manage accounts or reveal legal-aid applicants'
personal data, so those users (and superusers) need a TOTP code as well. Everyone else may enrol
voluntarily from 账户设置.
"""

from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.conf import settings
from django.db import transaction

from wagtail.log_actions import log
from wagtail.models import GroupPagePermission

ENROL_ACTION = "twofactor.enrol"
RESET_ACTION = "twofactor.reset"
RECOVERY_CODE_COUNT = 10

# Holding any of these model permissions makes the second factor compulsory: user management
# (accounts and the groups that grant permissions) and revealing legal-aid applicants' ID and phone.
SENSITIVE_PERMISSIONS = (
    "auth.add_user",
    "auth.change_user",
    "auth.change_group",
    "legal_services.reveal_legalaidapplication",
)


def can_publish_pages(user) -> bool:
    """Whether one of the user's groups may publish pages anywhere in the tree."""
    return GroupPagePermission.objects.filter(
        group__user=user, permission__codename="publish_page", permission__content_type__app_label="wagtailcore"
    ).exists()


def requires_two_factor(user) -> bool:
    """Whether the user's rights make the second factor compulsory (superusers always)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return any(user.has_perm(permission) for permission in SENSITIVE_PERMISSIONS) or can_publish_pages(user)


def must_enrol(user) -> bool:
    """Whether enrolment is compulsory for this user now (``PORTAL_REQUIRE_2FA`` on)."""
    return getattr(settings, "PORTAL_REQUIRE_2FA", True) and requires_two_factor(user)


def has_confirmed_device(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_device(user) -> TOTPDevice:
    """The unconfirmed TOTP device being set up; the same secret until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="身份验证器", confirmed=False)
    return device


@transaction.atomic
def confirm_device(device: TOTPDevice, actor) -> list[str]:
    """Confirms the device, replaces any earlier devices and returns fresh one-time recovery codes."""
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = new_recovery_codes(device.user)
    log(device.user, ENROL_ACTION, user=actor)
    return codes


def new_recovery_codes(user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    static = StaticDevice.objects.create(user=user, name="恢复码", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=static, token=code) for code in codes)
    return codes


@transaction.atomic
def reset_devices(user, actor=None) -> int:
    """Deletes every second-factor device of the user (authenticator and recovery codes)."""
    count = 0
    for device in devices_for_user(user, confirmed=None):
        device.delete()
        count += 1
    log(user, RESET_ACTION, user=actor, data={"devices": count})
    return count


def remaining_recovery_codes(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
