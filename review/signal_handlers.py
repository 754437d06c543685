"""Which unit an item belongs to, and after publication: open the unit's confirmation (发布后复查)
and tell the unit."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, task_submitted

from portal.workdays import add_workdays

from .live_wording import recheck_page
from .models import PostPublicationCheck, ReportedItem, ReportingUnit, UnitLeaderSignTask, UnitMember
from .notifications import send_publication_notice, send_sign_request

DEFAULT_CONFIRM_WORKDAYS = 2


def confirm_workdays():
    return getattr(settings, "REVIEW_CONFIRM_WORKDAYS", DEFAULT_CONFIRM_WORKDAYS)


@receiver(page_published)
def open_post_publication_check(sender, instance, revision=None, **kwargs):
    if not instance.live:
        return  # scheduled (定时发布): the signal comes again when the page goes live
    reported = ReportedItem.objects.filter(page_id=instance.pk).select_related("unit").first()
    if reported is None:
        return
    now = timezone.now()
    # A republication after a reported error is the correction of that error.
    PostPublicationCheck.objects.filter(page_id=instance.pk, status=PostPublicationCheck.STATUS_ERROR).update(
        status=PostPublicationCheck.STATUS_CORRECTED
    )
    check = PostPublicationCheck.objects.create(
        page_id=instance.pk,
        unit=reported.unit,
        revision=revision,
        published_at=now,
        due_date=add_workdays(timezone.localdate(now), confirm_workdays()),
    )
    send_publication_notice(check)  # sent after the commit


@receiver(post_save)
def record_reporting_unit(sender, instance, created, raw=False, **kwargs):
    """A page created by a unit's person belongs to that unit: its leaders sign it, other units never see
    its drafts. Done on save, not in ``after_create_page``, because "submit" starts the workflow (and the
    leader's task) before that hook runs."""
    if not created or raw or not isinstance(instance, Page) or not instance.owner_id:
        return
    member = UnitMember.objects.filter(user_id=instance.owner_id).select_related("unit").first()
    if member is not None:
        ReportedItem.objects.get_or_create(
            page_id=instance.pk,
            defaults={
                "unit": member.unit,
                "correspondent": member if member.role == UnitMember.ROLE_CORRESPONDENT else None,
            },
        )


@receiver(post_delete, sender=ReportingUnit)
def delete_unit_group(sender, instance, **kwargs):
    """A deleted unit's people lose the access its group gave them."""
    if instance.group_id:
        Group.objects.filter(pk=instance.group_id).delete()


@receiver(task_submitted)
def ask_leaders_to_sign(sender, instance, **kwargs):
    if isinstance(instance.task.specific, UnitLeaderSignTask):
        send_sign_request(instance)  # sent after the commit


@receiver(page_published)
@receiver(page_unpublished)
def renew_wording_findings(sender, instance, **kwargs):
    """A page's findings of the live wording check follow what is live (a scheduled page comes again)."""
    recheck_page(instance)
