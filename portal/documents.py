"""Which documents the public may download from ``/documents/<id>/<file>``.

Documents are private until they are published: the serve view (Wagtail's, reached through the
``before_serve_document`` hook) hands a document to a visitor only when

- a live, unrestricted page uses it (Wagtail's reference index, which follows the published content
  of each page, not its drafts), or
- an editor marked it public by moving it into the 公开文件 collection (or a collection below it),

and otherwise answers 404, so an unpublished item's attachment in a unit's collection leaks neither
its content nor its existence. Staff who may change or choose the document (its collection's
permissions, or their own upload) always get it, so the admin's previews and links keep working.
The files themselves live under ``MEDIA_ROOT/documents/``, which the proxy must never serve.
"""

from django.contrib.contenttypes.models import ContentType

from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import policy_registry

PUBLIC_COLLECTION_NAME = "公开文件"


def in_public_collection(document) -> bool:
    """Whether the document sits in the 公开文件 collection (a child of the root) or below it."""
    ancestors = document.collection.get_ancestors(inclusive=True)
    return ancestors.filter(depth=2, name=PUBLIC_COLLECTION_NAME).exists()


def used_by_live_page(document) -> bool:
    """Whether a live page that everyone may read (no view restriction) references the document."""
    references = ReferenceIndex.get_references_to(document).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    page_ids = [int(pk) for pk in references.values_list("object_id", flat=True).distinct()]
    return bool(page_ids) and Page.objects.live().public().filter(pk__in=page_ids).exists()


def staff_may_see(document, user) -> bool:
    policy = policy_registry.get_by_type(get_document_model())
    return user.is_authenticated and policy.user_has_any_permission_for_instance(user, ["change", "choose"], document)


def may_serve(document, user) -> bool:
    return staff_may_see(document, user) or in_public_collection(document) or used_by_live_page(document)
