"""The registry of column types, in the shape of ``wagtail.hooks``.

A column type is a concrete ``ColumnPage`` subclass. Registering it makes it a
child the home page offers in the admin and puts it under the ``columns.E0xx``
system checks, so adding a column never means editing core code::

    @register_column
    class TipsColumnPage(ColumnPage):
        column_name = "便民提示"
        ...
"""

from contextlib import contextmanager

_registry = {}


def register_column(model):
    """Class decorator: make ``model`` an available column type."""
    _registry[model._meta.label_lower] = model
    return model


def unregister_column(model):
    _registry.pop(model._meta.label_lower, None)


@contextmanager
def register_column_temporarily(model):
    """Register ``model`` for the duration of a ``with`` block (tests)."""
    previous = _registry.get(model._meta.label_lower)
    register_column(model)
    try:
        yield model
    finally:
        if previous is None:
            unregister_column(model)
        else:
            _registry[model._meta.label_lower] = previous


def get_column_types():
    """Registered column page models, in registration order."""
    return list(_registry.values())


def is_registered(model):
    return _registry.get(model._meta.label_lower) is model
