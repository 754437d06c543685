"""System checks that hold every registered column type to the plugin contract.

A column type that forgets a declaration fails ``manage.py check`` (and so CI
and start-up) with a message naming what is missing, instead of misbehaving on
the public site later.
"""

from datetime import timedelta

from django.core import checks
from django.template import TemplateDoesNotExist
from django.template.loader import get_template

from .models import ColumnPage
from .registry import get_column_types

REQUIRED_TEXT = {
    "column_name": ("columns.E001", "a Chinese name (column_name)"),
    "default_slug": ("columns.E002", "a default slug (default_slug)"),
    "icon": ("columns.E003", "an admin icon name (icon)"),
}


@checks.register("columns")
def check_column_types(app_configs=None, **kwargs):
    errors = []
    for model in get_column_types():
        label = model._meta.label
        if not issubclass(model, ColumnPage) or model._meta.abstract:
            errors.append(
                checks.Error(
                    f"{label} is registered as a column type but is not a concrete ColumnPage.",
                    obj=model,
                    id="columns.E006",
                )
            )
            continue
        for attribute, (check_id, what) in REQUIRED_TEXT.items():
            value = getattr(model, attribute, None)
            if not isinstance(value, str) or not value.strip():
                errors.append(checks.Error(f"Column type {label} does not declare {what}.", obj=model, id=check_id))
        interval = getattr(model, "update_interval", None)
        if not isinstance(interval, timedelta) or interval <= timedelta(0):
            errors.append(
                checks.Error(
                    f"Column type {label} does not declare its expected update interval"
                    " (update_interval, a positive timedelta).",
                    hint="Inspection rules: news columns 2 weeks, notices and policy documents 6 months.",
                    obj=model,
                    id="columns.E004",
                )
            )
        if not model.subpage_types:
            errors.append(
                checks.Error(
                    f"Column type {label} allows no child page types (subpage_types).", obj=model, id="columns.E005"
                )
            )
        try:
            get_template(model.template)
        except TemplateDoesNotExist:
            errors.append(
                checks.Error(
                    f"Column type {label} names a template that does not exist: {model.template}.",
                    obj=model,
                    id="columns.E007",
                )
            )
    return errors
