"""What every handling history of a citizen's request records: who took the step, and when.

Letters (书记信箱), legal-aid applications and mediation requests keep such a history; each
adds its own fields (status, action, notes) to this abstract model.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class HandlingEvent(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="操作人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("时间", default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]
