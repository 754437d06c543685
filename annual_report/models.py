"""One 政府网站工作年度报表 per year: computed from the portal's data, edited, then issued and frozen."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

PERMISSION = "annual_report.manage_annualreport"
FROZEN_MESSAGE = "该年度报表已印发，不能再修改或重新计算。"


class ReportStatus(models.TextChoices):
    DRAFT = "draft", "草稿"
    ISSUED = "issued", "已印发"


class AnnualReport(models.Model):
    year = models.PositiveSmallIntegerField("年度", unique=True)
    status = models.CharField("状态", max_length=10, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    figures = models.JSONField("报表数据", default=dict)
    column_counts = models.JSONField(
        "按栏目信息发布量", default=list, help_text="[{'title': 栏目名称, 'count': 条数}, …]，按栏目在网站中的顺序。"
    )
    computed_at = models.DateTimeField("计算时间", null=True, blank=True)
    created_at = models.DateTimeField("创建时间", default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="创建人", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    issued_at = models.DateTimeField("印发时间", null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="印发人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="政务公开页面",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "网站年度报表"
        verbose_name_plural = "网站年度报表"
        ordering = ["-year"]
        default_permissions = ()
        permissions = [("manage_annualreport", "编制、印发和发布政府网站工作年度报表")]

    def __str__(self):
        return f"{self.year}年度政府网站工作年度报表"

    def save(self, *args, **kwargs):
        """An issued report is a record: no code path may change it, not only the admin's forms."""
        if self.pk and not self._state.adding:
            stored = AnnualReport.objects.filter(pk=self.pk).values("status", "figures", "column_counts").first()
            if (
                stored
                and stored["status"] == ReportStatus.ISSUED
                and (stored["figures"] != self.figures or stored["column_counts"] != self.column_counts)
            ):
                raise ValidationError(FROZEN_MESSAGE)
        super().save(*args, **kwargs)

    @property
    def is_issued(self):
        return self.status == ReportStatus.ISSUED

    def ensure_draft(self):
        if self.is_issued:
            raise ValidationError(FROZEN_MESSAGE)
