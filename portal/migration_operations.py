"""Operations for migrations that move models from one app to another without touching their tables."""

from django.db import migrations


def relabel_content_types(old_label: str, new_label: str, models: list[str]) -> migrations.RunPython:
    """A RunPython operation moving the content type rows of ``models`` from ``old_label`` to ``new_label``.

    Pages, permissions and revisions point at content type ids, so the rows are relabelled rather
    than recreated; a row the new label already has for the same model (made before this ran) gives
    way. On a new database there is nothing to relabel.
    """

    def relabel(apps, schema_editor):
        content_types = apps.get_model("contenttypes", "ContentType").objects.using(schema_editor.connection.alias)
        for model in models:
            if content_types.filter(app_label=old_label, model=model).exists():
                content_types.filter(app_label=new_label, model=model).delete()
                content_types.filter(app_label=old_label, model=model).update(app_label=new_label)

    return migrations.RunPython(relabel, migrations.RunPython.noop)
