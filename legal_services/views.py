"""Public views of the legal-services channel: the front door, questions and answers, and legal aid.

Legal-aid applications use the shared submit → receipt → query views of ``intake``.
"""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.cache import add_never_cache_headers

from intake.views import RequestQueryView, RequestReceiptView, RequestSubmitView

from . import crypto
from .forms import LegalAidForm, TrackingQueryForm
from .legal_aid import QUERY_FAILURES, create_application
from .models import (
    GuideIndexPage,
    LawLibraryPage,
    LegalAidApplication,
    Question,
    QuestionCategory,
    normalise_search_query,
)
from .questions import QuestionSubmitView, question_receipt

AID_RECEIPT_SESSION_KEY = "legal_services.aid_receipt"
CHANNEL_CATEGORIES = [QuestionCategory.POLICY, QuestionCategory.LITIGATION]
QUESTIONS_PER_PAGE = 10
LATEST_QUESTIONS = 5


def _private(response):
    """Pages with personal data or one-time codes are never cached by browsers or proxies."""
    add_never_cache_headers(response)
    return response


def index(request):
    """The green channel's front door: guides, questions and answers, legal aid and the law library."""
    context = {
        "guide_index": GuideIndexPage.objects.live().public().order_by("path").first(),
        "law_library": LawLibraryPage.objects.live().public().order_by("path").first(),
        "latest_questions": Question.objects.published().order_by("-published_at", "-pk")[:LATEST_QUESTIONS],
    }
    return render(request, "legal_services/index.html", context)


def faq(request):
    """Published questions of every category, with a category filter and keyword search; bad values list everything."""
    shown_query, query = normalise_search_query(request.GET.get("q"))
    category = request.GET.get("category", "")
    if category not in QuestionCategory.values:
        category = ""
    questions = Question.objects.published().search(query).order_by("-published_at", "-pk")
    if category:
        questions = questions.filter(category=category)
    filters = {key: value for key, value in (("q", shown_query), ("category", category)) if value}
    context = {
        "items_page": Paginator(questions, QUESTIONS_PER_PAGE).get_page(request.GET.get("page")),
        "search_query": shown_query,
        "active_category": category,
        "category_choices": QuestionCategory.choices,
        "filtered": bool(query or category),
        "query_suffix": f"&{urlencode(filters)}" if filters else "",
    }
    return render(request, "legal_services/faq.html", context)


def faq_detail(request, question_id):
    question = get_object_or_404(Question.objects.published(), pk=question_id)
    return render(request, "legal_services/faq_detail.html", {"question": question})


ask = QuestionSubmitView.as_view(categories=CHANNEL_CATEGORIES, template_name="legal_services/ask.html")


def ask_done(request):
    receipt = question_receipt(request)
    if receipt is None:
        return redirect("legal_services:ask")
    return render(
        request, "legal_services/ask_done.html", {"receipt": receipt, "list_url": reverse("legal_services:faq")}
    )


class AidApplyView(RequestSubmitView):
    """The application form; invalid input is shown again with what was typed (files must be chosen again)."""

    form_class = LegalAidForm
    model = LegalAidApplication
    template_name = "legal_services/aid_apply.html"
    receipt_session_key = AID_RECEIPT_SESSION_KEY
    limited_fields = ("phone", "id_number")

    def dispatch(self, request, *args, **kwargs):
        if not crypto.available():
            return _private(render(request, "legal_services/aid_closed.html", status=503))
        return super().dispatch(request, *args, **kwargs)

    def get_context(self, form):
        return {"form": form, "files_dropped": bool(self.request.FILES)}

    def receipt_url(self):
        return reverse("legal_services:aid_done")

    def create(self, form):
        return create_application(form.cleaned_data)

    def receipt(self, form, created, code):
        return {**super().receipt(form, created, code), "review_deadline": created.review_deadline.isoformat()}


class AidDoneView(RequestReceiptView):
    """Shows the tracking number and query code once: they leave the session as they are displayed."""

    template_name = "legal_services/aid_done.html"
    receipt_session_key = AID_RECEIPT_SESSION_KEY
    missing_url = reverse_lazy("legal_services:aid_query")


class AidQueryView(RequestQueryView):
    """The application's status and every change, for the holder of its number and query code."""

    form_class = TrackingQueryForm
    model = LegalAidApplication
    template_name = "legal_services/aid_query.html"
    result_name = "application"
    failures = QUERY_FAILURES
    limited_message = "查询失败次数过多，请15分钟后再试。"
    fresh_form_when_found = True


aid_apply = AidApplyView.as_view()
aid_done = AidDoneView.as_view()
aid_query = AidQueryView.as_view()
