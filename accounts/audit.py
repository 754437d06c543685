"""What goes into Wagtail's audit log (the site history report) about staff accounts.

Logins (success and failure, with the name tried and the address), lockouts and unlocking, admin
sessions ended by the time limits, and every change of a user's groups or permissions or of a
group's permissions, naming what was added and removed. Failures for names that match no account
are recorded against an ``UnknownLogin`` row. The actions' Chinese labels are registered in
``wagtail_hooks.py``.
"""

from axes.signals import user_locked_out

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from wagtail.log_actions import log
from wagtail.models import GroupCollectionPermission, GroupPagePermission

from portal.after_response import run_after_response

from .lockout import client_ip_address
from .models import UnknownLogin

LOGIN = "accounts.login"
LOGIN_FAILED = "accounts.login_failed"
LOCKOUT = "accounts.lockout"
UNLOCK = "accounts.unlock"
SESSION_EXPIRED = "accounts.session_expired"
USER_GROUPS = "accounts.user_groups"
USER_PERMISSIONS = "accounts.user_permissions"
GROUP_PERMISSIONS = "accounts.group_permissions"


def login_subject(username):
    """The account called ``username``, or the ``UnknownLogin`` row standing for a name without one."""
    username = (username or "")[:150]
    User = get_user_model()
    user = User._default_manager.filter(**{User.USERNAME_FIELD: username}).first()
    return user or UnknownLogin.objects.get_or_create(username=username)[0]


def _address(request):
    return client_ip_address(request) if request is not None else None


@receiver(user_logged_in, dispatch_uid="accounts_log_login")
def log_login(sender, request, user, **kwargs):
    log(user, LOGIN, user=user, data={"ip": _address(request)})


@receiver(user_login_failed, dispatch_uid="accounts_log_login_failed")
def log_login_failed(sender, credentials, request=None, **kwargs):
    User = get_user_model()
    username = credentials.get(User.USERNAME_FIELD) or credentials.get("username") or ""
    data = {"username": username[:150], "ip": _address(request)}
    # Set by axes' backend when it refused the login because the name or the address is locked.
    if getattr(request, "axes_locked_out", False):
        data["refused_locked"] = True
    log(login_subject(username), LOGIN_FAILED, data=data)


@receiver(user_locked_out, dispatch_uid="accounts_log_lockout")
def log_lockout(sender, request, username, ip_address, **kwargs):
    failures = getattr(request, "axes_failures_since_start", None)
    if failures is None:
        # Axes sends the signal again for each attempt refused during a lockout; logged as failures.
        return
    log(login_subject(username), LOCKOUT, data={"username": username or "", "ip": ip_address, "failures": failures})


def log_unlock(username, ip_address, user=None):
    subject = login_subject(username) if username else login_subject(f"地址 {ip_address}")
    log(subject, UNLOCK, user=user, data={"username": username or "", "ip": ip_address or ""})


def log_session_expired(user, reason):
    log(user, SESSION_EXPIRED, user=user, data={"reason": reason})


# Group and permission changes ---------------------------------------------------------------


def permission_name(permission):
    return f"{permission.name}（{permission.content_type.app_label}.{permission.codename}）"


def _names(model, pks):
    if model is Permission:
        objects = Permission.objects.filter(pk__in=pks).select_related("content_type")
        return sorted(permission_name(permission) for permission in objects)
    if model is Group:
        return sorted(Group.objects.filter(pk__in=pks).values_list("name", flat=True))
    return sorted(str(obj) for obj in model._default_manager.filter(pk__in=pks))


def _log_change(instance, action, added=(), removed=()):
    if added or removed:
        log(instance, action, data={"added": list(added), "removed": list(removed)})


def _m2m_audit(action_name, owner_model):
    """A receiver logging the m2m changes of ``owner_model``'s relation, whichever side made them."""

    def audit_m2m(sender, instance, action, reverse, model, pk_set, **kwargs):
        if action == "pre_clear":
            # The cleared rows are gone by post_clear; remember them now.
            instance._accounts_cleared = set(_related_pks(sender, owner_model, instance, reverse))
            return
        if action not in ("post_add", "post_remove", "post_clear"):
            return
        if action == "post_clear":
            pk_set = getattr(instance, "_accounts_cleared", set())
        if not pk_set:
            return
        key = "added" if action == "post_add" else "removed"
        if not reverse:
            _log_change(instance, action_name, **{key: _names(model, pk_set)})
            return
        # Changed from the other side (group.user_set.add(user), permission.group_set.remove(group)).
        names = _names(type(instance), [instance.pk])
        for owner in owner_model._default_manager.filter(pk__in=pk_set):
            _log_change(owner, action_name, **{key: names})

    return audit_m2m


def _related_pks(through, owner_model, instance, reverse):
    """The pks on the other side of ``instance``'s rows in ``through``."""
    owner_field = owner_model._meta.model_name
    fields = [f for f in through._meta.get_fields() if f.is_relation and f.name != "id"]
    other_field = next(f.name for f in fields if f.name != owner_field)
    if reverse:
        return through.objects.filter(**{other_field: instance.pk}).values_list(f"{owner_field}_id", flat=True)
    return through.objects.filter(**{owner_field: instance.pk}).values_list(f"{other_field}_id", flat=True)


User = get_user_model()
audit_user_groups = _m2m_audit(USER_GROUPS, User)
audit_user_permissions = _m2m_audit(USER_PERMISSIONS, User)
audit_group_permissions = _m2m_audit(GROUP_PERMISSIONS, Group)
m2m_changed.connect(audit_user_groups, sender=User.groups.through, dispatch_uid="accounts_user_groups")
m2m_changed.connect(
    audit_user_permissions, sender=User.user_permissions.through, dispatch_uid="accounts_user_permissions"
)
m2m_changed.connect(audit_group_permissions, sender=Group.permissions.through, dispatch_uid="accounts_group_perms")


def object_permission_name(row):
    if isinstance(row, GroupPagePermission):
        return f"页面“{row.page.title}”：{permission_name(row.permission)}"
    return f"文件夹“{row.collection.name}”：{permission_name(row.permission)}"


@receiver(post_save, sender=GroupPagePermission, dispatch_uid="accounts_page_permission_added")
@receiver(post_save, sender=GroupCollectionPermission, dispatch_uid="accounts_collection_permission_added")
def log_object_permission_added(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        _log_change(instance.group, GROUP_PERMISSIONS, added=[object_permission_name(instance)])


@receiver(post_delete, sender=GroupPagePermission, dispatch_uid="accounts_page_permission_removed")
@receiver(post_delete, sender=GroupCollectionPermission, dispatch_uid="accounts_collection_permission_removed")
def log_object_permission_removed(sender, instance, **kwargs):
    group = Group.objects.filter(pk=instance.group_id).first()
    if group is not None:
        _log_change(group, GROUP_PERMISSIONS, removed=[object_permission_name(instance)])


def _object_permission_names(group):
    rows = [
        *GroupPagePermission.objects.filter(group=group).select_related("page", "permission__content_type"),
        *GroupCollectionPermission.objects.filter(group=group).select_related("collection", "permission__content_type"),
    ]
    return {object_permission_name(row) for row in rows}


@receiver(post_save, sender=Group, dispatch_uid="accounts_group_saved")
def watch_group_permission_panels(sender, instance, raw=False, **kwargs):
    """Wagtail's group editor saves the group, then adds page and collection permissions with bulk_create,
    which sends no signal. Remember the group's permissions now and log what was added once the request
    is over (removals are single deletes, logged by ``log_object_permission_removed``)."""
    if raw:
        return
    before = _object_permission_names(instance)

    def log_added():
        group = Group.objects.filter(pk=instance.pk).first()
        if group is not None:
            _log_change(group, GROUP_PERMISSIONS, added=sorted(_object_permission_names(group) - before))

    run_after_response(log_added)
