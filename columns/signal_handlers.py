"""Keep ``ColumnItem.column`` right when pages move between columns."""

from django.dispatch import receiver

from wagtail.signals import post_page_move

from .models import ColumnItem


@receiver(post_page_move)
def refresh_item_columns(sender, instance, **kwargs):
    for item in ColumnItem.objects.descendant_of(instance, inclusive=True):
        column = item.find_column()
        if item.column_id != (column.pk if column else None):
            ColumnItem.objects.filter(pk=item.pk).update(column=column)
