"""A new reporting unit gets its set-up date, so it is assessed from the next full period."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone

from review.models import ReportingUnit

from .models import UnitAssessmentStart


@receiver(post_save, sender=ReportingUnit)
def record_unit_start(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        UnitAssessmentStart.objects.get_or_create(unit=instance, defaults={"since": timezone.localdate()})
