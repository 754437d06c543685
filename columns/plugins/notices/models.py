"""通知公告: notices with attachments and an optional end of validity."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from wagtail.admin.panels import FieldPanel

from columns.models import ColumnItem, ColumnPage
from columns.registry import register_column


@register_column
class NoticeColumnPage(ColumnPage):
    column_name = "通知公告"
    default_slug = "tzgg"
    icon = "warning"
    update_interval = timedelta(days=183)
    role = "notices"  # the column the home page's notice block and the assessment's 通报 use

    subpage_types = ["notices.NoticePage"]
    template = "notices/notice_column_page.html"

    class Meta:
        db_table = "columns_noticecolumnpage"  # the table it had in the columns app
        verbose_name = "通知公告栏目"
        verbose_name_plural = "通知公告栏目"


class NoticePage(ColumnItem):
    valid_until = models.DateField("有效期至", null=True, blank=True, help_text="留空表示长期有效。")

    content_panels = [*ColumnItem.content_panels, FieldPanel("valid_until")]

    subpage_types = []
    template = "notices/notice_page.html"

    class Meta:
        db_table = "columns_noticepage"  # the table it had in the columns app
        verbose_name = "通知公告"
        verbose_name_plural = "通知公告"

    def clean(self):
        super().clean()
        if self.valid_until and self.publish_date and self.valid_until < timezone.localdate(self.publish_date):
            raise ValidationError({"valid_until": "有效期截止日期不能早于发布时间。"})
