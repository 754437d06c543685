"""Collections for data migrations, whose historical models lack treebeard's tree methods."""

from django.db.models import F

STEP_LENGTH = 4
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's MP_Node default, as Wagtail's Collection uses


def _step(number):
    digits = ""
    while number:
        number, remainder = divmod(number, len(ALPHABET))
        digits = ALPHABET[remainder] + digits
    return digits.rjust(STEP_LENGTH, "0")


def add_child_collection(Collection, parent, name):
    """What ``parent.add_child(instance=Collection(name=name))`` does, for a historical ``Collection``."""
    last = Collection.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).order_by("-path").first()
    number = int(last.path[-STEP_LENGTH:], len(ALPHABET)) + 1 if last else 1
    child = Collection.objects.create(name=name, path=parent.path + _step(number), depth=parent.depth + 1, numchild=0)
    Collection.objects.filter(pk=parent.pk).update(numchild=F("numchild") + 1)
    return child
