"""Dictionary edits take effect at once: every worker reloads, and stored text containing the word is re-segmented."""

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.search.backends import get_search_backend

from .analysis import bump_dictionary_version
from .models import IndexEntry, SearchTerm, Synonym
from .text import normalize


def _resegment_containing(words):
    backend = get_search_backend()
    if not hasattr(backend, "resegment") or not words:
        return
    condition = Q()
    for word in words:
        condition |= Q(title__icontains=word) | Q(body__icontains=word)
    backend.resegment(IndexEntry.objects.filter(condition).iterator())


def _dictionary_changed(words):
    def apply():
        bump_dictionary_version()
        _resegment_containing([normalize(word) for word in words if word])

    transaction.on_commit(apply)


@receiver(post_save, sender=SearchTerm)
@receiver(post_delete, sender=SearchTerm)
def search_term_changed(sender, instance, **kwargs):
    _dictionary_changed([instance.word])


@receiver(post_save, sender=Synonym)
@receiver(post_delete, sender=Synonym)
def synonym_changed(sender, instance, **kwargs):
    _dictionary_changed(instance.members())
