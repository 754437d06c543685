"""Who may do what in the review: a unit's group, collection and permissions, and lookups by user.

Each unit that reports items (``reports_items``) owns one Wagtail group (报送单位：<name>) and one
collection named after it; a unit that only handles letters has neither. The group gets exactly
``roles.UNIT_ROLE``: admin access, *add* pages under the unit's allowed columns (never ``change``
or ``publish``, so a correspondent edits only the drafts they own and can only submit them to the
workflow), and upload/choose files in the unit's own collection only, so no unit sees another's files.
"""

from django.apps import apps
from django.contrib.auth.models import Group
from django.db.models import Q

from wagtail.models import Collection

from .roles import CHECKER_GROUP, FINAL_GROUP, OFFICE_GROUP, UNIT_GROUP_PREFIX, UNIT_ROLE, apply_role

REVIEW_GROUPS = (OFFICE_GROUP, CHECKER_GROUP, FINAL_GROUP)


def sync_unit_collection(unit):
    """The unit's own collection under the root, named after the unit; created on first need, kept on rename.

    It outlives the unit's group (switching 报送信息 off or deleting the unit keeps the files).
    """
    collection = unit.collection
    if collection is None:
        root = Collection.get_first_root_node()
        if root is None:
            return None
        collection = root.add_child(instance=Collection(name=unit.name))
        type(unit).objects.filter(pk=unit.pk).update(collection=collection)
        unit.collection = collection
    elif collection.name != unit.name:
        collection.name = unit.name
        collection.save(update_fields=["name"])
    return collection


def sync_unit_group(unit):
    """Make the unit's group, its permissions, its collection and its users match the unit as saved.

    A unit that does not report items has no group: switching ``reports_items`` off deletes the
    group, so its people lose the access it gave them (their unit records stay). Returns the group or None.
    """
    group = unit.group
    if not unit.reports_items:
        if group is not None:
            type(unit).objects.filter(pk=unit.pk).update(group=None)
            unit.group = None
            group.delete()
        return None
    name = f"{UNIT_GROUP_PREFIX}{unit.name}"
    if group is None:
        group, _ = Group.objects.get_or_create(name=name)
        type(unit).objects.filter(pk=unit.pk).update(group=group)
        unit.group = group
    elif group.name != name:
        group.name = name
        group.save(update_fields=["name"])

    apply_role(apps, UNIT_ROLE, group, pages=unit.allowed_columns.all(), collection=sync_unit_collection(unit))

    member_users = set(unit.members.exclude(user=None).values_list("user_id", flat=True))
    for user in group.user_set.exclude(pk__in=member_users):
        user.groups.remove(group)
    for user in group.user_set.model.objects.filter(pk__in=member_users):
        # A person belongs to one unit: leaving one unit's group happens when joining another.
        user.groups.remove(*Group.objects.filter(reporting_unit__isnull=False).exclude(pk=group.pk))
        user.groups.add(group)
    return group


def membership(user):
    """The user's UnitMember record, or None."""
    if not user.is_authenticated:
        return None
    cached = getattr(user, "_review_membership", False)
    if cached is False:
        cached = apps.get_model("review", "UnitMember").objects.select_related("unit").filter(user=user).first()
        user._review_membership = cached
    return cached


def is_reviewer(user):
    """Superusers and members of the committee's review groups see every unit's items."""
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=REVIEW_GROUPS).exists()


def is_unit_only(user):
    """A unit's person who is not also a committee reviewer: restricted to their own unit's drafts."""
    return membership(user) is not None and not is_reviewer(user)


def hidden_drafts_filter(user):
    """Q excluding, for a unit-only user, pages that are not live and not reported by their unit."""
    member = membership(user)
    return Q(live=False) & ~Q(reported_item__unit=member.unit)


def can_view_item(user, page):
    """Whether ``user`` may see the review trail of ``page``."""
    if is_reviewer(user):
        return True
    member = membership(user)
    reported = getattr(page, "reported_item", None) if page.pk else None
    if member is not None and reported is not None and reported.unit_id == member.unit_id:
        return True
    return page.permissions_for_user(user).can_edit()
