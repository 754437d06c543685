"""The question intake every page taking questions uses (the channel's 我要提问 and the column 你问我答).

A page that takes questions calls ``take_question`` on its form route,
redirects to its receipt route when a question was saved (POST/redirect/GET),
and shows ``question_receipt`` there.
"""

from .forms import QuestionForm

RECEIPT_SESSION_KEY = "legal_services.question_receipt"


def take_question(request, categories):
    """Return ``(form, question)``: a saved question after a valid POST, else the form to show again.

    An invalid form keeps what the visitor typed and nothing is stored.
    """
    if request.method != "POST":
        return QuestionForm(categories=categories), None
    form = QuestionForm(request.POST, categories=categories)
    if not form.is_valid():
        return form, None
    question = form.save()
    request.session[RECEIPT_SESSION_KEY] = {
        "reference": question.reference,
        "category": question.get_category_display(),
        "consent_to_publish": question.consent_to_publish,
    }
    return form, question


def question_receipt(request):
    """The receipt of this visitor's last question (reference number, whether it may be published), or None."""
    return request.session.get(RECEIPT_SESSION_KEY)
