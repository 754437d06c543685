from django import forms
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("验证码"),
        max_length=32,
        strip=True,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "inputmode": "text"}),
        error_messages={"required": _("请输入验证码。")},
    )

    def clean_code(self):
        # People type the code as shown, sometimes with spaces or dashes in between.
        return "".join(self.cleaned_data["code"].split()).replace("-", "")
