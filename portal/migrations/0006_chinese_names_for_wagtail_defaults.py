# The records Wagtail's own migrations create with English names are shown to officials in the admin
# (the tree's root in breadcrumbs, the root collection in filters, the stock task and workflow in the
# workflow reports): give them Chinese names. Records an editor has already renamed are left alone.

from django.db import migrations

# (model, filter on the English name, the fields to set, English name, Chinese name)
NAMES = [
    ("wagtailcore.Page", {"depth": 1}, ("title", "draft_title"), "Root", "根目录"),
    ("wagtailcore.Collection", {"depth": 1}, ("name",), "Root", "根目录"),
    ("wagtailcore.Task", {}, ("name",), "Moderators approval", "审核员审批"),
    ("wagtailcore.Workflow", {}, ("name",), "Moderators approval", "审核员审批流程"),
]


def rename(apps, schema_editor, backwards=False):
    for model_name, filters, fields, english, chinese in NAMES:
        old, new = (chinese, english) if backwards else (english, chinese)
        model = apps.get_model(model_name)
        model.objects.filter(**filters, **{fields[0]: old}).update(**dict.fromkeys(fields, new))


def rename_back(apps, schema_editor):
    rename(apps, schema_editor, backwards=True)


class Migration(migrations.Migration):

    dependencies = [
        ("portal", "0005_move_home_page_to_home_app"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(rename, rename_back)]
