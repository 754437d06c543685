"""The captcha of the public forms (书记信箱, legal consultations, legal aid, mediation): Chinese label, help,
messages and a Chinese text alternative for the image (django-simple-captcha's says "captcha").

A solved captcha is good for one submission only. django-simple-captcha reads the stored answer and deletes
it afterwards, so parallel posts of one solved captcha all pass; here the answer is consumed by a single
``DELETE … WHERE hashkey AND response AND not expired`` whose row count decides, so exactly one post wins.
"""

import random

from captcha.conf import settings as captcha_settings
from captcha.fields import CaptchaField, CaptchaTextInput
from captcha.models import CaptchaStore

from django.forms import MultiValueField, ValidationError
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

CHINESE_DIGITS = "零一二三四五六七八九十"


class ChineseCaptchaInput(CaptchaTextInput):
    template_name = "includes/captcha_widget.html"


def consume(hashkey, response) -> bool:
    """Whether ``response`` answers the stored captcha ``hashkey``; the captcha is used up either way."""
    deleted, _ = CaptchaStore.objects.filter(hashkey=hashkey, response=response, expiration__gt=timezone.now()).delete()
    if not deleted:
        CaptchaStore.objects.filter(hashkey=hashkey).delete()  # one attempt per captcha, right or wrong
    return deleted == 1


def chinese_arithmetic_challenge():
    """A sum or difference of two numbers up to ten written in Chinese (``七加三等于几？``) and its answer.

    The alternative to the distorted letters: it is plain text on the page, so a screen reader or the
    site's read-aloud button can speak it (``CAPTCHA_CHALLENGE_FUNCT`` signature).
    """
    first, second = random.randint(1, 10), random.randint(1, 10)
    if random.random() < 0.5:
        return f"{CHINESE_DIGITS[first]}加{CHINESE_DIGITS[second]}等于几？", str(first + second)
    first, second = max(first, second), min(first, second)
    return f"{CHINESE_DIGITS[first]}减{CHINESE_DIGITS[second]}等于几？", str(first - second)


@never_cache
@require_GET
def arithmetic_question(request):
    """A fresh captcha whose challenge is a Chinese arithmetic question, as JSON ``{key, question}``.

    It is a CaptchaStore row like the image's, so the form's one-time ``consume`` checks it unchanged.
    """
    challenge, response = chinese_arithmetic_challenge()
    store = CaptchaStore.objects.create(challenge=challenge, response=response)
    return JsonResponse({"key": store.hashkey, "question": store.challenge})


class ChineseCaptchaField(CaptchaField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", "验证码")
        kwargs.setdefault("widget", ChineseCaptchaInput)
        kwargs.setdefault(
            "help_text", "请输入图片中的字符，不区分大小写；看不清可点“换一张”，或改答算术题（用阿拉伯数字作答）。"
        )
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
