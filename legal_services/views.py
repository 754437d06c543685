"""Public views of the legal-services channel, and the question intake every page taking questions uses.

A page that takes questions (a ``RoutablePageMixin`` page: no project URL
needed) calls ``take_question`` on its form route, redirects to its receipt
route when a question was saved (POST/redirect/GET), and shows
``question_receipt`` there.
"""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

from . import crypto
from .forms import LegalAidForm, QuestionForm, TrackingQueryForm
from .legal_aid import create_application, find_application, query_blocked, record_query_failure
from .models import GuideIndexPage, LawLibraryPage, Question, QuestionCategory, normalise_search_query

RECEIPT_SESSION_KEY = "legal_services.question_receipt"
AID_RECEIPT_SESSION_KEY = "legal_services.aid_receipt"
CHANNEL_CATEGORIES = [QuestionCategory.POLICY, QuestionCategory.LITIGATION]
QUESTIONS_PER_PAGE = 10
LATEST_QUESTIONS = 5


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


def ask(request):
    form, question = take_question(request, CHANNEL_CATEGORIES)
    if question is not None:
        return redirect("legal_services:ask_done")
    return render(request, "legal_services/ask.html", {"form": form})


def ask_done(request):
    receipt = question_receipt(request)
    if receipt is None:
        return redirect("legal_services:ask")
    return render(
        request, "legal_services/ask_done.html", {"receipt": receipt, "list_url": reverse("legal_services:faq")}
    )


def aid_apply(request):
    """The application form; invalid input is shown again with what was typed (files must be chosen again)."""
    if not crypto.available():
        return _private(render(request, "legal_services/aid_closed.html", status=503))
    form = LegalAidForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        application, code = create_application(form.cleaned_data)
        request.session[AID_RECEIPT_SESSION_KEY] = {
            "tracking_number": application.tracking_number,
            "query_code": code,
            "review_deadline": application.review_deadline.isoformat(),
        }
        return redirect("legal_services:aid_done")
    context = {"form": form, "files_dropped": bool(request.FILES)}
    return _private(render(request, "legal_services/aid_apply.html", context))


def aid_done(request):
    """Shows the tracking number and query code once: they leave the session as they are displayed."""
    receipt = request.session.pop(AID_RECEIPT_SESSION_KEY, None)
    if receipt is None:
        return redirect("legal_services:aid_query")
    return _private(render(request, "legal_services/aid_done.html", {"receipt": receipt}))


def aid_query(request):
    """The application's status and every change, for the holder of its number and query code."""
    context = {"form": TrackingQueryForm(), "message": "", "application": None}
    status = 200
    if request.method == "POST":
        if query_blocked(request):
            context["message"] = "查询失败次数过多，请15分钟后再试。"
            status = 429
        else:
            form = TrackingQueryForm(request.POST)
            context["form"] = form
            if form.is_valid():
                found = find_application(form.cleaned_data["tracking_number"], form.cleaned_data["query_code"])
                if found is None:
                    record_query_failure(request)
                    context["message"] = "受理编号或查询码不正确，请核对后重新输入。"
                else:
                    context.update(application=found, events=found.events.all(), form=TrackingQueryForm())
    return _private(render(request, "legal_services/aid_query.html", context, status=status))
