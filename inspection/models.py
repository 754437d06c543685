"""网站健康检查's own data: the permission that shows the report and the dashboard panel, and the link checker's
findings. Every other item reads its app's own data (``portal.site_inspection``)."""

from django.db import models


class SiteInspection(models.Model):
    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("view_inspection", "查看网站健康检查")]
        verbose_name = "网站健康检查"
        verbose_name_plural = "网站健康检查"

    def __str__(self):
        return "网站健康检查"


class BrokenLink(models.Model):
    """A link of a live page that does not work, found by the link checker (replaced on every run)."""

    KIND_CHOICES = [("page", "站内页面"), ("document", "附件"), ("url", "网址")]
    STATE_CHOICES = [("broken", "失效"), ("unreachable", "无法访问")]

    page = models.ForeignKey("wagtailcore.Page", verbose_name="页面", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField("类型", max_length=10, choices=KIND_CHOICES)
    target = models.CharField("链接", max_length=1000)
    state = models.CharField("状态", max_length=12, choices=STATE_CHOICES)
    status_code = models.PositiveSmallIntegerField("HTTP状态码", null=True, blank=True)
    reason = models.CharField("原因", max_length=200, blank=True)
    publisher = models.CharField("最后发布人", max_length=150, blank=True)
    checked_at = models.DateTimeField("检查时间")

    class Meta:
        verbose_name = "失效链接"
        verbose_name_plural = "失效链接"
        ordering = ["page_id", "pk"]
        default_permissions = ()

    def __str__(self):
        return f"{self.target}（{self.get_state_display()}）"

    @property
    def target_label(self):
        if self.kind == "page":
            return f"站内页面 #{self.target}"
        if self.kind == "document":
            return f"附件 #{self.target}"
        return self.target
