"""The public side of 书记信箱: write a letter, look it up, rate the reply, read published letters and statistics."""

import secrets
from datetime import timedelta

from django.core.paginator import Paginator
from django.db import IntegrityError
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portal.ratelimit import RateLimit, client_ip
from portal.serials import find_by_code

from . import workflow
from .conf import setting
from .forms import QUERY_FAILED_MESSAGE, LetterForm, QueryForm, RatingForm, SearchForm
from .models import Category, Letter
from .stats import available_years, monthly_chart_svg, statistics_workbook, year_statistics

RECEIPT_SESSION_KEY = "mailbox.receipt"
RECEIPT_MINUTES = 30  # long enough to copy the code and survive a resent form, short for a shared computer
SUBMIT_LIMITED_MESSAGE = "您今天提交的来信较多，为防止重复提交，请稍后再试。如有紧急情况，请拨打页面底部的联系电话。"
QUERY_LIMITED_MESSAGE = "查询失败次数过多，为保护来信人信息，请稍后再试（约15分钟后）。"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _limits():
    ip_limit, ip_window = setting("SUBMIT_LIMIT_PER_IP")
    phone_limit, phone_window = setting("SUBMIT_LIMIT_PER_PHONE")
    query_ip, query_ip_window = setting("QUERY_FAILURES_PER_IP")
    query_number, query_number_window = setting("QUERY_FAILURES_PER_NUMBER")
    return {
        "submit_ip": RateLimit("mailbox-submit-ip", ip_limit, ip_window),
        "submit_phone": RateLimit("mailbox-submit-phone", phone_limit, phone_window),
        "query_ip": RateLimit("mailbox-query-ip", query_ip, query_ip_window),
        "query_number": RateLimit("mailbox-query-number", query_number, query_number_window),
    }


def _private(response):
    """Pages with a writer's data or a one-time code: never stored by a browser or proxy cache."""
    add_never_cache_headers(response)
    return response


@require_GET
def index(request):
    search = SearchForm(request.GET or None)
    keyword = search.keyword()
    letters = Letter.objects.published().select_related("unit").order_by("-answered_at", "-pk")
    category = search.cleaned_data.get("category") if search.is_bound and search.is_valid() else ""
    if category:
        letters = letters.filter(category=category)
    if keyword:
        letters = letters.filter(
            Q(title__icontains=keyword) | Q(content__icontains=keyword) | Q(reply__icontains=keyword)
        )
    page = Paginator(letters, setting("PAGE_SIZE")).get_page(request.GET.get("page"))
    query_suffix = "".join(f"&{name}={value}" for name, value in (("q", keyword), ("category", category)) if value)
    return render(
        request,
        "mailbox/index.html",
        {
            "search": search,
            "keyword": keyword,
            "page_obj": page,
            "letters": page.object_list,
            "query_suffix": query_suffix,
            "categories": Category.choices,
            "reply_workdays": setting("REPLY_WORKDAYS"),
        },
    )


@require_GET
def letter_detail(request, number):
    letter = get_object_or_404(Letter.objects.published().select_related("unit"), number=number)
    return render(request, "mailbox/letter_detail.html", {"letter": letter})


@require_http_methods(["GET", "POST"])
def write(request):
    """POST/redirect/GET; the one-time ``submission_key`` makes a resent or double-clicked form a single letter."""
    status = 200
    if request.method == "POST":
        key = request.POST.get("submission_key", "")[:64]
        if key and Letter.objects.filter(submission_key=key).exists():
            return redirect("mailbox:write_done")
        form = LetterForm(request.POST, request.FILES)
        if form.is_valid():
            limits = _limits()
            ip, phone = client_ip(request), form.cleaned_data["phone"]
            if limits["submit_ip"].exceeded(ip) or limits["submit_phone"].exceeded(phone):
                form.add_error(None, SUBMIT_LIMITED_MESSAGE)
                status = 429
            else:
                try:
                    letter, code = workflow.submit_letter(
                        form.cleaned_data, form.cleaned_data["submission_key"], form.cleaned_data["attachments"]
                    )
                except IntegrityError:
                    if Letter.objects.filter(submission_key=key).exists():
                        return redirect("mailbox:write_done")
                    raise
                limits["submit_ip"].hit(ip)
                limits["submit_phone"].hit(phone)
                request.session[RECEIPT_SESSION_KEY] = {
                    "key": key,
                    "number": letter.number,
                    "code": code,
                    "due_date": letter.due_date.isoformat(),
                    "allow_publish": letter.allow_publish,
                    "expires": (timezone.now() + timedelta(minutes=RECEIPT_MINUTES)).timestamp(),
                }
                return redirect("mailbox:write_done")
    else:
        form = LetterForm(initial={"submission_key": secrets.token_urlsafe(32)})
    return _private(render(request, "mailbox/write.html", {"form": form}, status=status))


@require_GET
def write_done(request):
    """The receipt: the letter number and the query code, kept in this browser's session for a short while."""
    receipt = request.session.get(RECEIPT_SESSION_KEY)
    if receipt and receipt.get("expires", 0) < timezone.now().timestamp():
        del request.session[RECEIPT_SESSION_KEY]
        receipt = None
    return _private(render(request, "mailbox/write_done.html", {"receipt": receipt}))


def _verify(request, number, code):
    """``(letter, limited)``: the letter for this number and code, or None; every failure is counted."""
    limits = _limits()
    ip = client_ip(request)
    if limits["query_ip"].exceeded(ip) or limits["query_number"].exceeded(number):
        return None, True
    found = find_by_code(Letter.objects.select_related("unit"), "number", number, code)
    if found is not None:
        return found, False
    limits["query_ip"].hit(ip)
    limits["query_number"].hit(number)
    return None, False


def _result_context(letter, code):
    return {
        "letter": letter,
        "events": [event for event in letter.events.all() if event.is_public],
        "rating_form": RatingForm(initial={"number": letter.number, "query_code": code}),
    }


@require_http_methods(["GET", "POST"])
def query(request):
    """Status and reply for a number and its query code; a wrong pair says only that the pair is wrong."""
    context = {"form": QueryForm(), "message": ""}
    status = 200
    if request.method == "POST":
        form = QueryForm(request.POST)
        context["form"] = form
        if form.is_valid():
            letter, limited = _verify(request, form.cleaned_data["number"], form.cleaned_data["query_code"])
            if limited:
                context["message"], status = QUERY_LIMITED_MESSAGE, 429
            elif letter is None:
                context["message"] = QUERY_FAILED_MESSAGE
            else:
                context.update(_result_context(letter, form.cleaned_data["query_code"]))
    return _private(render(request, "mailbox/query.html", context, status=status))


@require_POST
def rate(request):
    """The writer's rating of the reply, once, authorised by the number and query code like the query."""
    form = RatingForm(request.POST)
    context = {"form": QueryForm(request.POST), "message": ""}
    status = 200
    number, code = request.POST.get("number", "").strip().upper()[:20], request.POST.get("query_code", "").strip()
    letter, limited = _verify(request, number, code)
    if limited:
        context["message"], status = QUERY_LIMITED_MESSAGE, 429
    elif letter is None:
        context["message"] = QUERY_FAILED_MESSAGE
    else:
        context.update(_result_context(letter, code))
        if form.is_valid():
            if workflow.rate(letter, form.cleaned_data["rating"]):
                context["rating_message"] = "感谢您的评价！"
                letter.refresh_from_db()
                context.update(_result_context(letter, code))
            else:
                context["rating_message"] = "这封来信已经评价过或已过评价期限，每封来信只能评价一次。"
        else:
            context["rating_form"] = form
    return _private(render(request, "mailbox/query.html", context, status=status))


def _year(request):
    years = available_years()
    try:
        year = int(request.GET.get("year", years[0]))
    except ValueError as error:
        raise Http404("没有这一年的统计") from error
    if year not in years:
        raise Http404("没有这一年的统计")
    return year, years


@require_GET
def statistics(request):
    year, years = _year(request)
    figures = year_statistics(year)
    return render(
        request,
        "mailbox/statistics.html",
        {
            "stats": figures,
            "years": years,
            "chart": monthly_chart_svg(figures),
            "rating_workdays": setting("RATING_WORKDAYS"),
        },
    )


@require_GET
def statistics_export(request):
    year, _years = _year(request)
    response = HttpResponse(statistics_workbook(year_statistics(year)), content_type=XLSX)
    response["Content-Disposition"] = content_disposition_header(True, f"书记信箱办理情况统计-{year}.xlsx")
    return response
