"""The captcha of the public forms (书记信箱, legal consultations, legal aid): Chinese label, help,
messages and a Chinese text alternative for the image (django-simple-captcha's says "captcha")."""

from captcha.fields import CaptchaField, CaptchaTextInput


class ChineseCaptchaInput(CaptchaTextInput):
    template_name = "includes/captcha_widget.html"


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
