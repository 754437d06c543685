"""Column names that contain the city (法治{city}) follow the site identity's 城市简称."""

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from wagtail.log_actions import log

from columns.registry import get_column_types
from portal.models import SiteIdentity


@receiver(pre_save, sender=SiteIdentity)
def remember_previous_city(sender, instance, **kwargs):
    previous = SiteIdentity.objects.filter(pk=instance.pk).values_list("city_short_name", flat=True).first()
    instance._previous_city = previous


@receiver(post_save, sender=SiteIdentity)
def rename_city_columns(sender, instance, **kwargs):
    """Rename columns still carrying the old city's name; titles an editor changed are left alone."""
    old_city, new_city = getattr(instance, "_previous_city", None), instance.city_short_name
    if not old_city or old_city == new_city:
        return
    root = instance.site.root_page
    for column_type in get_column_types():
        if "{city}" not in column_type.column_name:
            continue
        old_title = column_type.title_for_city(old_city)
        for column in column_type.objects.descendant_of(root).filter(title=old_title):
            new_title = column_type.title_for_city(new_city)
            column.title = column.draft_title = new_title
            column.save(update_fields=["title", "draft_title"])
            log(instance=column, action="wagtail.rename", data={"title": {"old": old_title, "new": new_title}})
