"""Base models every column type builds on.

``ColumnPage`` is a column (栏目), ``ColumnItem`` an item published in one (信息).
Both are concrete so that cross-column listings (home page, feeds, assessment)
are one query over one table whatever the item types; concrete column types
subclass them in ``columns/plugins/`` or in any other app.
"""

import hashlib
from datetime import timedelta

from django.db import models
from django.db.models import Q
from django.utils import timezone

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, get_page_models
from wagtail.search import index

from portal.models import SiteIdentity

from .blocks import AttachmentBlock, BodyBlock
from .pagination import ListingPaginator
from .registry import is_registered, register_searchable


def listed_now():
    """Filter for items still listed: no end of listing, or one still ahead (e.g. expired tips drop out)."""
    return Q(listed_until__isnull=True) | Q(listed_until__gt=timezone.now())


class ColumnPageForm(WagtailAdminPageForm):
    """The admin form of every column type: a new column starts with its registered name, slug and menu place.

    Wagtail's add view builds an empty ``page_class(owner=...)`` and then this form; the values
    are offered as the form's initial data, so the editor sees them and may still change them.
    Column types with a form of their own subclass this one.
    """

    def __init__(self, data=None, files=None, parent_page=None, subscription=None, *args, **kwargs):
        instance = kwargs.get("instance")
        if instance is not None and instance._state.adding and parent_page is not None:
            kwargs["initial"] = {**instance.creation_defaults(parent_page), **kwargs.get("initial", {})}
        super().__init__(data, files, parent_page, subscription, *args, **kwargs)


class ColumnPage(Page):
    """A column: lists its items newest first, a page at a time.

    Subclasses declare what the registry checks (``columns.checks``):
    ``column_name``, ``default_slug``, ``icon``, ``update_interval`` and
    ``subpage_types``. ``column_name`` may contain ``{city}``, filled from the
    site identity's 城市简称 (法治{city} → 法治清江). ``role`` names the part the
    type plays for other apps (``columns.registry.get_column_type``). ``planned = True`` marks a
    column the demo leaves out until asked (``seed_demo --planned``); editors
    switch any column on by creating it under the home page. Demo content lives
    in the ``demo`` app, never on the column type.
    """

    column_name = None
    default_slug = None
    icon = None
    update_interval = None
    role = None
    planned = False
    items_per_page = 15

    intro = models.TextField("栏目简介", blank=True, max_length=500)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    base_form_class = ColumnPageForm

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    is_creatable = False

    class Meta:
        verbose_name = "栏目"
        verbose_name_plural = "栏目"

    @classmethod
    def can_create_at(cls, parent):
        """Only registered column types may be created, so unregistering switches a type off."""
        return is_registered(cls) and super().can_create_at(parent)

    @classmethod
    def title_for_city(cls, city):
        return cls.column_name.replace("{city}", city)

    @classmethod
    def creation_defaults(cls, parent):
        """Title (城市简称 of the parent's site filled in), slug and menu place of a new column."""
        defaults = {"show_in_menus": True}
        if cls.column_name:
            site = parent.get_site()
            identity = SiteIdentity.for_site(site) if site is not None else SiteIdentity()
            defaults["title"] = cls.title_for_city(identity.city_short_name)
        if cls.default_slug:
            defaults["slug"] = cls.default_slug
        return defaults

    def items(self):
        return ColumnItem.objects.live().public().filter(listed_now(), column=self).order_by("-publish_date", "-pk")

    def listing_items(self, request):
        """What the listing pages through; column types with filters narrow it from ``request.GET``."""
        return self.items()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = repr(sorted((key, value) for key, value in request.GET.lists() if key != "page"))
        count_key = f"column:{self.pk}:{hashlib.sha256(filters.encode()).hexdigest()[:16]}"
        paginator = ListingPaginator(self.listing_items(request), self.items_per_page, count_key=count_key)
        context["items_page"] = paginator.get_page(request.GET.get("page"))
        return context

    @property
    def update_interval_days(self):
        return self.update_interval.days if isinstance(self.update_interval, timedelta) else None


class ColumnItem(Page):
    """An item published in a column, with what every item shows: 来源, 作者, 编辑, 发布时间."""

    publish_date = models.DateTimeField("发布时间", default=timezone.now, db_index=True)
    summary = models.TextField("摘要", blank=True, max_length=300, help_text="列表和搜索结果中显示，300字以内。")
    source = models.CharField("来源", max_length=100, blank=True, help_text="留空则显示本网站名称。")
    author = models.CharField("作者", max_length=100, blank=True)
    editor = models.CharField("编辑", max_length=50, blank=True)
    body = StreamField(BodyBlock(), verbose_name="正文", blank=True)
    attachments = StreamField([("attachment", AttachmentBlock())], verbose_name="附件", blank=True)
    listed_until = models.DateTimeField(
        "列表下线时间",
        null=True,
        blank=True,
        editable=False,
        help_text="过了这个时间，信息自动离开栏目列表和首页（页面本身仍可访问）。由各信息类型按有效期设置。",
    )
    column = models.ForeignKey(
        ColumnPage,
        verbose_name="所属栏目",
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="column_items",
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("publish_date"), FieldPanel("source"), FieldPanel("author"), FieldPanel("editor")],
            heading="发布信息",
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("attachments"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("publish_date"),
        index.FilterField("column"),
    ]

    is_creatable = False

    class Meta:
        verbose_name = "信息"
        verbose_name_plural = "信息"
        # A listing's order (newest first, then newest id) read straight off the index, from either end:
        # no sort of a column's items, however many it holds.
        indexes = [models.Index(fields=["column", "-publish_date", "-page_ptr"], name="columns_item_column_order")]

    @classmethod
    def clean_parent_page_models(cls):
        """An item may sit under any column; each column's ``subpage_types`` says which items it takes.

        Item types shared by several column types (news) then need no list of
        parents, and a plugin column can adopt an existing item type.
        """
        if "parent_page_types" in cls.__dict__:
            return super().clean_parent_page_models()
        return [model for model in get_page_models() if issubclass(model, ColumnPage)]

    def save(self, *args, **kwargs):
        self.column = self.find_column()
        super().save(*args, **kwargs)

    def find_column(self):
        """The nearest ColumnPage above this item, from its tree path."""
        if not self.path:
            return None
        step = self.steplen
        ancestor_paths = [self.path[:end] for end in range(step, len(self.path), step)]
        return ColumnPage.objects.filter(path__in=ancestor_paths).order_by("-depth").first()


register_searchable(ColumnItem, date_field="publish_date")


__all__ = ["ColumnItem", "ColumnPage"]
