"""The public side of 书记信箱: write a letter, look it up, rate the reply, read published letters and statistics."""

from datetime import timedelta

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_POST

from intake.views import CAPTCHA_REQUIRED_MESSAGE, RequestQueryView, RequestReceiptView, RequestSubmitView
from portal.ratelimit import RateLimit, client_ip
from portal.validators import CONTROL_CHARACTERS_MESSAGE, has_control_characters

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
    return {
        "submit_ip": RateLimit("mailbox-submit-ip", ip_limit, ip_window),
        "submit_phone": RateLimit("mailbox-submit-phone", phone_limit, phone_window),
        "query_ip": RateLimit("mailbox-query-ip", query_ip, query_ip_window),
    }


def _number_failures():
    """Wrong codes per letter number; past ``MAILBOX_QUERY_FAILURES_PER_NUMBER`` the query needs a captcha."""
    return RateLimit("mailbox-query-number", *setting("QUERY_FAILURES_PER_NUMBER"))


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
            Q(public_title__icontains=keyword)
            | Q(public_content__icontains=keyword)
            | Q(public_reply__icontains=keyword)
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
    if has_control_characters(number) or len(number) > 20:
        raise Http404
    letter = get_object_or_404(Letter.objects.published().select_related("unit"), number=number)
    return render(request, "mailbox/letter_detail.html", {"letter": letter})


class WriteView(RequestSubmitView):
    """POST/redirect/GET; the one-time ``submission_key`` makes a resent or double-clicked form a single letter."""

    form_class = LetterForm
    model = Letter
    template_name = "mailbox/write.html"
    receipt_session_key = RECEIPT_SESSION_KEY
    limited_message = SUBMIT_LIMITED_MESSAGE

    def receipt_url(self):
        return reverse("mailbox:write_done")

    def submit_limits(self):
        limits = _limits()
        return limits["submit_ip"], limits["submit_phone"]

    def create(self, form):
        return workflow.submit_letter(
            form.cleaned_data, form.cleaned_data["submission_key"], form.cleaned_data["attachments"]
        )

    def receipt(self, form, created, code):
        return {
            "key": form.cleaned_data["submission_key"],
            "number": created.number,
            "code": code,
            "due_date": created.due_date.isoformat(),
            "allow_publish": created.allow_publish,
            "expires": (timezone.now() + timedelta(minutes=RECEIPT_MINUTES)).timestamp(),
        }


class WriteDoneView(RequestReceiptView):
    """The receipt: the letter number and the query code, kept in this browser's session for a short while."""

    template_name = "mailbox/write_done.html"
    receipt_session_key = RECEIPT_SESSION_KEY

    def get_receipt(self):
        receipt = self.request.session.get(RECEIPT_SESSION_KEY)
        if receipt and receipt.get("expires", 0) < timezone.now().timestamp():
            del self.request.session[RECEIPT_SESSION_KEY]
            receipt = None
        return receipt


def _verify(request, number, code):
    """``(letter, refusal)``: the letter for this number and code, or None with the message that says why not.

    Every wrong pair is counted per address and per number; a number with too many wrong codes is looked up
    only through the query form and its captcha (which, once solved with the right code, clears the count).
    """
    limits = _limits()
    if limits["query_ip"].exceeded(client_ip(request)):
        return None, QUERY_LIMITED_MESSAGE
    if _number_failures().exceeded(number):
        return None, CAPTCHA_REQUIRED_MESSAGE
    found = Letter.find(number, code)
    if found is None:
        limits["query_ip"].hit(client_ip(request))
        _number_failures().hit(number)
    return found, None


def _result_context(letter, code):
    return {
        "letter": letter,
        "events": [event for event in letter.events.all() if event.is_public],
        "rating_form": RatingForm(initial={"number": letter.number, "query_code": code}),
    }


class QueryView(RequestQueryView):
    """Status and reply for a number and its query code; a wrong pair says only that the pair is wrong."""

    form_class = QueryForm
    model = Letter
    template_name = "mailbox/query.html"
    result_name = "letter"
    limited_message = QUERY_LIMITED_MESSAGE

    def initial_context(self):
        return {"form": self.form_class(), "message": ""}

    def number_failures(self):
        return _number_failures()

    def is_limited(self, form=None):
        if form is None:
            return False  # an invalid form shows its errors; the limits are checked once it is valid
        return _limits()["query_ip"].exceeded(client_ip(self.request))

    def record_failure(self, form):
        _limits()["query_ip"].hit(client_ip(self.request))

    def find(self, form):
        return Letter.find(form.reference, form.cleaned_data["query_code"])

    def result_context(self, found, form):
        return _result_context(found, form.cleaned_data["query_code"])


write = WriteView.as_view()
write_done = WriteDoneView.as_view()
query = QueryView.as_view()


@require_POST
def rate(request):
    """The writer's rating of the reply, once, authorised by the number and query code like the query."""
    form = RatingForm(request.POST)
    context = {"form": QueryForm(request.POST), "message": ""}
    status = 200
    number, code = request.POST.get("number", "").strip().upper()[:20], request.POST.get("query_code", "").strip()
    if has_control_characters(number) or has_control_characters(code):
        letter, refusal = None, None  # never looked up nor counted: the form reports the characters
    else:
        letter, refusal = _verify(request, number, code)
    if refusal == QUERY_LIMITED_MESSAGE:
        context["message"], status = QUERY_LIMITED_MESSAGE, 429
    elif refusal:
        context["message"] = refusal
        context["form"] = QueryForm(initial={"number": number}, captcha_required=True)
    elif letter is None:
        context["message"] = QUERY_FAILED_MESSAGE
        if has_control_characters(number) or has_control_characters(code):
            context["message"] = "信件编号或查询码" + CONTROL_CHARACTERS_MESSAGE
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
