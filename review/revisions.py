"""Comparing revisions by their content, and publishing exactly the approved one.

Loaded by ``wagtail.models`` itself (``WAGTAIL_FINISH_WORKFLOW_ACTION``), so it imports nothing from
Wagtail's models. Content is compared without the keys a save changes on its own (tree position, revision
pointers, timestamps, locks, comments) and without StreamField block ids, so a save without a change is
not a change.
"""

import difflib
import json
import re

from django.utils.html import strip_tags

VOLATILE_KEYS = frozenset(
    {
        "pk",
        "id",
        "page_ptr",
        "path",
        "depth",
        "numchild",
        "url_path",
        "draft_title",
        "latest_revision",
        "latest_revision_created_at",
        "live_revision",
        "live",
        "has_unpublished_changes",
        "first_published_at",
        "last_published_at",
        "expired",
        "locked",
        "locked_at",
        "locked_by",
        "owner",
        "content_type",
        "translation_key",
        "locale",
        "alias_of",
        "comments",
        "wagtail_admin_comments",
    }
)
DIFF_FIELDS = {"title": "标题", "summary": "摘要", "body": "正文"}


BLOCK_KEY = re.compile(r'\s+data-block-key="[^"]*"')


def _normalise(value):
    """StreamField values are JSON text whose block ids, and the rich text's paragraph keys, may change on
    every form post; drop both."""
    if isinstance(value, str) and value[:1] in "[{":
        try:
            value = json.loads(value)
        except ValueError:
            return BLOCK_KEY.sub("", value)
    if isinstance(value, str):
        return BLOCK_KEY.sub("", value)
    if isinstance(value, dict):
        return {key: _normalise(item) for key, item in value.items() if key != "id" or "type" not in value}
    if isinstance(value, list):
        return [_normalise(item) for item in value]
    return value


def fingerprint(revision):
    if revision is None:
        return None
    return {key: _normalise(value) for key, value in revision.content.items() if key not in VOLATILE_KEYS}


def same_content(first, second):
    if first is None or second is None:
        return first is second
    return first.pk == second.pk or fingerprint(first) == fingerprint(second)


def publish_approved_revision(workflow_state, user=None):
    """``WAGTAIL_FINISH_WORKFLOW_ACTION``: publish the revision the final step approved, never a later draft."""
    revision = workflow_state.current_task_state.revision
    latest = workflow_state.content_object.get_latest_revision()
    if not same_content(revision, latest):
        # Cannot happen through the review (the final approval restarts instead); refuse rather than publish.
        raise RuntimeError("The approved revision is not the latest content; not publishing.")
    revision.publish(user=user)


def _text(value):
    parts = []

    def walk(item):
        if isinstance(item, dict):
            for key, sub in item.items():
                if key not in ("type", "id"):
                    walk(sub)
        elif isinstance(item, list):
            for sub in item:
                walk(sub)
        elif isinstance(item, str):
            text = strip_tags(item).strip()
            if text:
                parts.extend(line.strip() for line in text.splitlines() if line.strip())

    walk(_normalise(value))
    return parts


def diff(old, new):
    """Readable changes between two revisions: [(field label, ["- old line", "+ new line", ...])]."""
    if old is None or new is None or same_content(old, new):
        return []
    old_content, new_content = fingerprint(old), fingerprint(new)
    changes = []
    keys = list(DIFF_FIELDS) + sorted((set(old_content) | set(new_content)) - set(DIFF_FIELDS))
    for key in keys:
        if old_content.get(key) == new_content.get(key):
            continue
        lines = [
            line for line in difflib.ndiff(_text(old_content.get(key)), _text(new_content.get(key))) if line[:1] in "+-"
        ]
        if key in DIFF_FIELDS or lines:
            changes.append((DIFF_FIELDS.get(key, key), lines or ["（格式或设置有改动）"]))
    return changes
