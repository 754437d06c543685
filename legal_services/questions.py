"""The question intake every page taking questions uses (the channel's 我要提问 and the column 你问我答).

Questions go through the shared submit view of ``intake`` (POST/redirect/GET, the
one-time submission key, rate limits per address and per phone number); a page
that takes questions serves ``QuestionSubmitView.as_view(page=…)`` on its form
route and shows ``question_receipt`` on its receipt route.
"""

from django.urls import reverse

from intake.views import RequestSubmitView

from .forms import QuestionForm
from .models.questions import Question

RECEIPT_SESSION_KEY = "legal_services.question_receipt"


class QuestionSubmitView(RequestSubmitView):
    """An invalid form keeps what the visitor typed and nothing is stored."""

    form_class = QuestionForm
    model = Question
    receipt_session_key = RECEIPT_SESSION_KEY
    #: the 咨询类别 the page offers
    categories = None

    def get_form(self, data=None, files=None):
        if data is None:
            return QuestionForm(categories=self.categories, initial=self.get_initial())
        return QuestionForm(data, categories=self.categories)

    def receipt_url(self):
        if self.page is not None:
            return self.page.url + self.page.reverse_subpage("ask_done")
        return reverse("legal_services:ask_done")

    def create(self, form):
        return form.save(), None

    def receipt(self, form, created, code):
        return {
            "reference": created.reference,
            "category": created.get_category_display(),
            "consent_to_publish": created.consent_to_publish,
        }


def question_receipt(request):
    """The receipt of this visitor's last question (reference number, whether it may be published), or None."""
    return request.session.get(RECEIPT_SESSION_KEY)
