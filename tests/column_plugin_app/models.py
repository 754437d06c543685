from datetime import timedelta

from django.db import models

from wagtail.models import Page

from columns.models import ColumnItem, ColumnPage
from columns.registry import register_column, register_searchable


@register_column
class SafetyTipsColumnPage(ColumnPage):
    column_name = "安全小贴士"
    default_slug = "aqxts"
    icon = "help"
    update_interval = timedelta(days=30)
    subpage_types = ["column_plugin_app.SafetyTipPage", "column_plugin_app.SafetyMapPage"]

    class Meta:
        verbose_name = "安全小贴士栏目"


class SafetyTipPage(ColumnItem):
    risk_level = models.CharField("风险等级", max_length=10, default="一般")

    parent_page_types = ["column_plugin_app.SafetyTipsColumnPage"]
    subpage_types = []

    class Meta:
        verbose_name = "安全小贴士"


@register_searchable(date_field="checked_on")
class SafetyMapPage(Page):
    """A page type that is not a column item: it reaches the public search only through the registry."""

    checked_on = models.DateField("核查日期", null=True, blank=True)

    parent_page_types = ["column_plugin_app.SafetyTipsColumnPage"]
    subpage_types = []

    class Meta:
        verbose_name = "安全地图"
