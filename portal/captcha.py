"""The captcha of the public forms (书记信箱, legal consultations, legal aid, mediation): Chinese label, help,
messages and a Chinese text alternative for the image (django-simple-captcha's says "captcha").

A solved captcha is good for one submission only. django-simple-captcha reads the stored answer and deletes
it afterwards, so parallel posts of one solved captcha all pass; here the answer is consumed by a single
``DELETE … WHERE hashkey AND response AND not expired`` whose row count decides, so exactly one post wins.
"""

from captcha.conf import settings as captcha_settings
from captcha.fields import CaptchaField, CaptchaTextInput
from captcha.models import CaptchaStore

from django.forms import MultiValueField, ValidationError
from django.utils import timezone


class ChineseCaptchaInput(CaptchaTextInput):
    template_name = "includes/captcha_widget.html"


def consume(hashkey, response) -> bool:
    """Whether ``response`` answers the stored captcha ``hashkey``; the captcha is used up either way."""
    deleted, _ = CaptchaStore.objects.filter(hashkey=hashkey, response=response, expiration__gt=timezone.now()).delete()
    if not deleted:
        CaptchaStore.objects.filter(hashkey=hashkey).delete()  # one attempt per captcha, right or wrong
    return deleted == 1


class ChineseCaptchaField(CaptchaField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", "验证码")
        kwargs.setdefault("widget", ChineseCaptchaInput)
        kwargs.setdefault("help_text", "请输入图片中的字符，不区分大小写。")
        kwargs["error_messages"] = {
            "required": "请输入验证码。",
            "invalid": "验证码错误，请重新输入。",
            **kwargs.get("error_messages", {}),
        }
        super().__init__(**kwargs)

    def clean(self, value):
        MultiValueField.clean(self, value)  # required parts and their length, as CaptchaField does
        hashkey, response = value[0], (value[1] or "").strip().lower()
        value[1] = ""  # the answer is never shown again
        if not captcha_settings.CAPTCHA_GET_FROM_POOL:
            CaptchaStore.remove_expired()
        if captcha_settings.CAPTCHA_TEST_MODE and response == "passed":
            CaptchaStore.objects.filter(hashkey=hashkey).delete()
        elif not consume(hashkey, response):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return value
