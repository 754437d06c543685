from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


def current_code(user):
    """The code the user's authenticator shows now, computed from the device's secret key."""
    device = TOTPDevice.objects.filter(user=user).latest("pk")
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"
