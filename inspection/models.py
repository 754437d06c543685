"""网站健康检查 keeps no data of its own: each app's checks read the app's data (``portal.site_inspection``).
This model exists for the permission that shows the report and the dashboard panel."""

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
