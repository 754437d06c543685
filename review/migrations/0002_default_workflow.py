"""Install the committee's review as the default workflow (信息报送审核流程), editable in the admin.

The workflow is assigned to the tree's root page so that every page, whichever home page the
site uses, goes through it; Wagtail's stock "Moderators approval" assignment is replaced.
"""

from django.db import migrations

WORKFLOW_NAME = "信息报送审核流程"
OFFICE_GROUP = "办公室审核员"
CHECKER_GROUP = "信息检查员"
FINAL_GROUP = "分管领导"
GROUP_PAGE_PERMISSIONS = {
    OFFICE_GROUP: ["add_page", "change_page"],
    CHECKER_GROUP: ["change_page"],
    # Wagtail publishes on the final approval as the approver, so the last step's group needs publish;
    # publishing outside the workflow is refused by the ``before_publish_page`` hook.
    FINAL_GROUP: ["change_page", "publish_page"],
}
PERMISSION_NAMES = {"add_page": "Can add page", "change_page": "Can change page", "publish_page": "Publish any page"}


def content_type(apps, app_label, model):
    ContentType = apps.get_model("contenttypes.ContentType")
    return ContentType.objects.get_or_create(app_label=app_label, model=model)[0]


def install(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Page = apps.get_model("wagtailcore.Page")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    UnitLeaderSignTask = apps.get_model("review.UnitLeaderSignTask")
    ReviewGroupTask = apps.get_model("review.ReviewGroupTask")
    AutoCheckTask = apps.get_model("review.AutoCheckTask")

    if Workflow.objects.filter(name=WORKFLOW_NAME).exists():
        return
    root = Page.objects.filter(depth=1).order_by("path").first()
    admin_type = content_type(apps, "wagtailadmin", "admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    page_type = content_type(apps, "wagtailcore", "page")
    groups = {}
    for name, codenames in GROUP_PAGE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        groups[name] = group
        if root is None:
            continue
        for codename in codenames:
            permission, _ = Permission.objects.get_or_create(
                content_type=page_type, codename=codename, defaults={"name": PERMISSION_NAMES[codename]}
            )
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)

    sign = UnitLeaderSignTask.objects.create(
        name="报前初审（报送单位领导签字）", content_type=content_type(apps, "review", "unitleadersigntask")
    )
    office = ReviewGroupTask.objects.create(
        name="录入前再审（办公室）", content_type=content_type(apps, "review", "reviewgrouptask")
    )
    office.groups.set([groups[OFFICE_GROUP]])
    check = AutoCheckTask.objects.create(
        name="录入后检查", content_type=content_type(apps, "review", "autochecktask")
    )
    check.groups.set([groups[CHECKER_GROUP]])
    final = ReviewGroupTask.objects.create(
        name="终审（分管领导）", content_type=content_type(apps, "review", "reviewgrouptask")
    )
    final.groups.set([groups[FINAL_GROUP]])

    workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    for order, task in enumerate([sign, office, check, final]):
        WorkflowTask.objects.create(workflow=workflow, task_id=task.pk, sort_order=order)
    if root is not None:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


def uninstall(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore.Workflow")
    Task = apps.get_model("wagtailcore.Task")
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        return
    task_ids = list(workflow.workflow_tasks.values_list("task_id", flat=True))
    workflow.delete()
    Task.objects.filter(pk__in=task_ids).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("review", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(install, uninstall)]
