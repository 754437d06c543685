"""你问我答 (planned): a public Q&A built on the legal-services question intake.

Visitors ask through ``legal_services`` (the same form and admin list as
法规政策咨询 and 涉法涉诉问题解答); the column lists the published questions
of the categories its editor picks, lets visitors search them, and shows its
咨询须知 items at the top. A question is only ever shown once staff have
answered it and the asker agreed to publication, and never with the asker's
personal data.
"""

from datetime import timedelta
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.shortcuts import get_object_or_404, redirect

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from columns.models import ColumnItem, ColumnPage, ColumnPageForm, listed_now
from columns.registry import register_column

from ..questions import QuestionSubmitView, question_receipt
from .questions import Question, QuestionCategory, normalise_search_query

QUESTIONS_PER_PAGE = 10
CATEGORIES_REQUIRED_MESSAGE = "请至少选择一个问题类别。"


def default_question_categories():
    return [QuestionCategory.QA.value]


class QaColumnPageForm(ColumnPageForm):
    """Offers the question categories as checkboxes; the model stores the chosen values as a JSON list."""

    question_categories = forms.MultipleChoiceField(
        label="显示的问题类别",
        choices=QuestionCategory.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="本栏目列出并受理哪些类别的问题。",
        error_messages={"required": CATEGORIES_REQUIRED_MESSAGE, "invalid_choice": "请选择列表中的问题类别。"},
    )


@register_column
class QaColumnPage(RoutablePageMixin, ColumnPage):
    """Routes: the list (``?q=`` keyword, ``?category=``), ``ask/`` (the form), ``ask/done/``, ``<id>/``.

    The list is built in ``get_context`` rather than in a route so that admin
    previews show it too.
    """

    column_name = "你问我答"
    default_slug = "nwwd"
    icon = "help"
    update_interval = timedelta(days=30)
    planned = True

    question_categories = models.JSONField(
        "显示的问题类别", default=default_question_categories, help_text="本栏目列出并受理哪些类别的问题。"
    )

    content_panels = [*ColumnPage.content_panels, FieldPanel("question_categories")]
    base_form_class = QaColumnPageForm

    subpage_types = ["legal_services.QaGuidePage"]
    template = "legal_services/qa_column_page.html"

    class Meta:
        db_table = "columns_qacolumnpage"
        verbose_name = "你问我答栏目"
        verbose_name_plural = "你问我答栏目"

    def clean(self):
        super().clean()
        chosen = self.question_categories if isinstance(self.question_categories, list) else []
        if not chosen:
            raise ValidationError({"question_categories": CATEGORIES_REQUIRED_MESSAGE})
        if not set(chosen) <= set(QuestionCategory.values):
            raise ValidationError({"question_categories": "请选择列表中的问题类别。"})

    @property
    def categories(self):
        """The chosen categories in their usual order; anything unknown in stored data is ignored."""
        chosen = self.question_categories if isinstance(self.question_categories, list) else []
        return [value for value in QuestionCategory.values if value in chosen] or default_question_categories()

    def questions(self):
        return Question.objects.published().in_categories(self.categories).order_by("-published_at", "-pk")

    def guides(self):
        return QaGuidePage.objects.live().public().filter(listed_now(), column=self).order_by("-publish_date", "-pk")

    def get_context(self, request, *args, **kwargs):
        """The list of published questions, filtered by ``q`` and ``category``; bad values list everything."""
        context = super().get_context(request, *args, **kwargs)
        shown_query, query = normalise_search_query(request.GET.get("q"))
        category = request.GET.get("category", "")
        if category not in self.categories:
            category = ""
        questions = self.questions().search(query)
        if category:
            questions = questions.filter(category=category)
        filters = {key: value for key, value in (("q", shown_query), ("category", category)) if value}
        context.update(
            guides=self.guides(),
            items_page=Paginator(questions, QUESTIONS_PER_PAGE).get_page(request.GET.get("page")),
            search_query=shown_query,
            active_category=category,
            category_choices=[(value, QuestionCategory(value).label) for value in self.categories],
            filtered=bool(query or category),
            query_suffix=f"&{urlencode(filters)}" if filters else "",
        )
        return context

    @path("ask/", name="ask")
    def ask(self, request):
        view = QuestionSubmitView.as_view(
            page=self, categories=self.categories, template_name="legal_services/qa_ask.html"
        )
        return view(request)

    @path("ask/done/", name="ask_done")
    def ask_done(self, request):
        receipt = question_receipt(request)
        if receipt is None:
            return redirect(self.url + self.reverse_subpage("ask"))
        return self.render(request, template="legal_services/qa_ask_done.html", context_overrides={"receipt": receipt})

    @path("<int:question_id>/", name="question")
    def question_detail(self, request, question_id):
        question = get_object_or_404(self.questions(), pk=question_id)
        return self.render(
            request, template="legal_services/qa_question.html", context_overrides={"question": question}
        )


class QaGuidePage(ColumnItem):
    """咨询须知: how to ask, what is answered and how; listed above the questions of the column."""

    subpage_types = []
    template = "legal_services/qa_guide_page.html"

    class Meta:
        db_table = "columns_qaguidepage"
        verbose_name = "咨询须知"
        verbose_name_plural = "咨询须知"

    def ask_url(self):
        """The form of the column this guide sits in, so readers can ask right after reading."""
        column = self.get_parent().specific
        if isinstance(column, QaColumnPage):
            return column.url + column.reverse_subpage("ask")
        return None
