"""The portal's roles: one Wagtail group per role, with exactly the permissions its work needs.

This table is the single source: the migration ``0008_default_roles`` installs it, ``sync_unit_group``
applies ``UNIT_ROLE`` to each reporting unit's own group and collection, and the tests compare the
database with it. Applying it is idempotent and *exact*: permissions a group has beyond its row are
removed, so a role never silently grows.

Scopes:

- ``page_permissions`` are granted on the tree's root page (every site, every column), except for a
  unit, whose ``add_page`` is granted on each column it may report to;
- ``collection_permissions`` (documents, images, video/audio, collections) are granted on the root
  collection, which covers every collection below it, except for a unit, which gets them on its own
  collection only;
- ``permissions`` are model permissions (``app_label.codename``): admin access, snippets, settings,
  the assessment report, the annual website report.

Step names: the unit's leaders (UnitMember role 分管领导) sign 报前初审 through their membership of the
unit's group; the committee's 分管领导 group approves 终审.
"""

from dataclasses import dataclass

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions

OFFICE_GROUP = "办公室审核员"
CHECKER_GROUP = "信息检查员"
FINAL_GROUP = "分管领导"
MAILBOX_INTAKE_GROUP = "书记信箱受理员"
MAILBOX_HANDLER_GROUP = "书记信箱承办人员"
MAILBOX_APPROVER_GROUP = "书记信箱审批领导"
LEGAL_AID_REVIEWER_GROUP = "法律援助审查员"
LAWYER_GROUP = "律师"
SITE_ADMIN_GROUP = "网站管理员"
UNIT_GROUP_PREFIX = "报送单位："

ADMIN = "wagtailadmin.access_admin"

CHOOSE_FILES = ("wagtaildocs.choose_document", "wagtailimages.choose_image")
ADD_FILES = ("wagtaildocs.add_document", "wagtailimages.add_image", "wagtailmedia.add_media")
EDIT_FILES = (
    *ADD_FILES,
    *CHOOSE_FILES,
    "wagtaildocs.change_document",
    "wagtailimages.change_image",
    "wagtailmedia.change_media",
)
ALL_FILES = (
    *EDIT_FILES,
    "wagtaildocs.delete_document",
    "wagtailimages.delete_image",
    "wagtailmedia.delete_media",
    "wagtailcore.add_collection",
    "wagtailcore.change_collection",
    "wagtailcore.delete_collection",
)


def crud(app_label, *models, actions=("add", "change", "delete", "view")):
    return tuple(f"{app_label}.{action}_{model}" for model in models for action in actions)


@dataclass(frozen=True)
class Role:
    group: str
    work: str
    page_permissions: tuple = ()
    collection_permissions: tuple = ()
    permissions: tuple = ()


UNIT_ROLE = Role(
    f"{UNIT_GROUP_PREFIX}<单位名称>",
    "信息员 draft items in the unit's columns and submit them; the unit's leaders sign 报前初审",
    page_permissions=("add_page",),
    collection_permissions=(*ADD_FILES, *CHOOSE_FILES),
    permissions=(ADMIN,),
)

ROLES = (
    Role(
        OFFICE_GROUP,
        "录入前再审: edit and attach files to any item, run the units list, the check word lists and the assessment",
        page_permissions=("add_page", "change_page"),
        collection_permissions=EDIT_FILES,
        permissions=(
            ADMIN,
            *crud("review", "reportingunit", actions=("add", "change", "view")),
            *crud("review", "sensitiveword", "termcorrection", "leadername", "officialname"),
            "review.view_wordingfinding",
            "inspection.view_inspection",
            "assessment.view_report",
            "assessment.change_scoreweights",
            *crud("assessment", "quotarule", "higheradoption", "unitlineage", "unitassessmentstart"),
            *crud("assessment", "author", "authorship", "ruleversion"),  # issue 16: individuals, rule history
            "assessment.issue_tongbao",  # the formal 通报 and its 约谈 follow-ups
            *crud("assessment", "tongbao", actions=("add", "change", "view")),
            *crud("assessment", "interviewfollowup", actions=("change", "view")),
            *crud("feedback", "errorreport", actions=("change", "view")),  # 网站纠错 queue
            *crud("disclosure", "informationrequest", actions=("change", "view")),  # 依申请公开
            "analytics.view_dailystat",  # 访问统计
            "annual_report.manage_annualreport",
        ),
    ),
    Role(
        CHECKER_GROUP,
        "录入后检查: pass or send back the automatic findings, correcting the item if needed",
        page_permissions=("change_page",),
        collection_permissions=CHOOSE_FILES,
        permissions=(ADMIN,),
    ),
    Role(
        FINAL_GROUP,
        "终审: approve and so publish the item; reads the assessment report",
        page_permissions=("change_page", "publish_page"),
        collection_permissions=CHOOSE_FILES,
        permissions=(ADMIN, "assessment.view_report", "inspection.view_inspection"),
    ),
    Role(
        MAILBOX_INTAKE_GROUP,
        "书记信箱受理: accept or refuse letters, forward them to a unit, withhold them from the public list",
        permissions=(ADMIN, "mailbox.view_letter", "mailbox.handle_letter"),
    ),
    Role(
        MAILBOX_HANDLER_GROUP,
        "书记信箱承办: draft the reply and ask for extensions, for letters forwarded to their unit only",
        permissions=(ADMIN, "mailbox.reply_letter"),
    ),
    Role(
        MAILBOX_APPROVER_GROUP,
        "书记信箱审批: approve or return drafted replies, decide on extensions",
        permissions=(ADMIN, "mailbox.view_letter", "mailbox.approve_letter"),
    ),
    Role(
        LEGAL_AID_REVIEWER_GROUP,
        "法律援助审查: review, decide and assign every application (full ID and phone on demand); answer questions",
        permissions=(
            ADMIN,
            "legal_services.view_legalaidapplication",
            "legal_services.change_legalaidapplication",
            "legal_services.view_all_legalaidapplication",
            "legal_services.reveal_legalaidapplication",
            *crud("legal_services", "question", actions=("change", "delete", "view")),
        ),
    ),
    Role(
        LAWYER_GROUP,
        "律师: handle and close the applications assigned to them, nothing else",
        permissions=(
            ADMIN,
            "legal_services.view_legalaidapplication",
            "legal_services.change_legalaidapplication",
        ),
    ),
    Role(
        SITE_ADMIN_GROUP,
        "网站管理员: pages, files and collections, site settings, calendar, search dictionary, accounts",
        page_permissions=("add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"),
        collection_permissions=ALL_FILES,
        permissions=(
            ADMIN,
            "portal.change_siteidentity",
            "inspection.view_inspection",
            "analytics.view_dailystat",
            *crud("portal", "workdayadjustment"),
            *crud("search", "searchterm", "synonym"),
            *crud("auth", "user", actions=("add", "change", "view")),
            "annual_report.manage_annualreport",
        ),
    ),
)

ROLE_APPS = ("wagtailadmin", "wagtailcore", "wagtaildocs", "wagtailimages", "wagtailmedia", "auth")


def _not_migrated_yet(apps, app_label, codename):
    """In a migration: the model that declares ``codename`` is not in the migration state yet.

    The role table is live code, so an early migration that installs the roles may meet a permission of a
    model added since; that model's app grants it in a later roles migration instead.
    """
    if apps is global_apps:
        return False
    for model in global_apps.get_app_config(app_label).get_models():
        opts = model._meta
        declared = {f"{action}_{opts.model_name}" for action in opts.default_permissions}
        declared.update(name for name, _ in opts.permissions)
        if codename in declared:
            try:
                apps.get_model(app_label, opts.model_name)
            except LookupError:
                return True
            return False
    return False


def _permission(apps, dotted):
    app_label, codename = dotted.split(".")
    Permission = apps.get_model("auth", "Permission")
    lookup = {"content_type__app_label": app_label, "codename": codename}
    permission = Permission.objects.filter(**lookup).first()
    if permission is None and apps is not global_apps:
        # Permissions are created after ``migrate``; in a migration, create the app's own now.
        create_permissions(global_apps.get_app_config(app_label), verbosity=0, apps=apps)
        permission = Permission.objects.filter(**lookup).first()
    if permission is None and not _not_migrated_yet(apps, app_label, codename):
        raise LookupError(f"Role table names a permission that does not exist: {dotted}")
    return permission


def _page_permission(apps, codename):
    return _permission(apps, f"wagtailcore.{codename}")


def apply_role(apps, role, group, *, pages, collection):
    """Give ``group`` exactly ``role``'s permissions: page ones on ``pages``, collection ones on ``collection``.

    ``apps`` is a migration's app registry or ``django.apps.apps``; ``collection`` may be None (no files).
    """
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    granted = (_permission(apps, dotted) for dotted in role.permissions)
    group.permissions.set([permission for permission in granted if permission is not None])

    wanted_pages = {
        (page.pk, _page_permission(apps, codename).pk) for page in pages for codename in role.page_permissions
    }
    current = GroupPagePermission.objects.filter(group=group)
    for grant in current:
        if (grant.page_id, grant.permission_id) not in wanted_pages:
            grant.delete()
    have = set(current.values_list("page_id", "permission_id"))
    GroupPagePermission.objects.bulk_create(
        [
            GroupPagePermission(group=group, page_id=page_id, permission_id=permission_id)
            for page_id, permission_id in sorted(wanted_pages - have)
        ]
    )

    wanted_files = set()
    if collection is not None:
        wanted_files = {(collection.pk, _permission(apps, dotted).pk) for dotted in role.collection_permissions}
    current = GroupCollectionPermission.objects.filter(group=group)
    for grant in current:
        if (grant.collection_id, grant.permission_id) not in wanted_files:
            grant.delete()
    have = set(current.values_list("collection_id", "permission_id"))
    GroupCollectionPermission.objects.bulk_create(
        [
            GroupCollectionPermission(group=group, collection_id=collection_id, permission_id=permission_id)
            for collection_id, permission_id in sorted(wanted_files - have)
        ]
    )


def install_roles(apps):
    """Create or update every committee role's group from ``ROLES`` (the units' groups follow their units)."""
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    root_page = Page.objects.filter(depth=1).order_by("path").first()
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role.group)
        apply_role(apps, role, group, pages=[root_page] if root_page else [], collection=root_collection)
