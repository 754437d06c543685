"""The registry of column types and searchable page types, in the shape of ``wagtail.hooks``.

It is where the rest of the site learns which column types exist; nothing
outside a plugin imports the plugin by name.

Column types
    A column type is a concrete ``ColumnPage`` subclass. Registering it makes
    it a child the home page offers in the admin and puts it under the
    ``columns.E0xx`` system checks, so adding a column never means editing
    core code::

        @register_column
        class TipsColumnPage(ColumnPage):
            column_name = "便民提示"
            ...

    A column type may declare a ``role`` (a class attribute, e.g.
    ``role = "notices"``): the part it plays for other apps. The assessment's
    通报 draft and the home page's notice block ask
    ``get_column_type("notices")`` for the column type that plays it.

Searchable page types
    ``register_searchable(model, date_field=None)`` (a call or a class
    decorator) puts a page type, and its subclasses, into the public search;
    ``date_field`` names the field that dates a result (``None``: the first
    publication). ``get_searchable_types()`` is what ``search.service`` reads.

Registering a different model under a taken name (model label, role) raises
``ImproperlyConfigured``; registering the same model again changes nothing.
``register_column_temporarily`` and ``register_searchable_temporarily`` are
for tests.
"""

from contextlib import contextmanager

from django.core.exceptions import ImproperlyConfigured

_registry = {}  # label_lower -> column type
_roles = {}  # role -> column type
_searchable = {}  # label_lower -> (page model, date field or None)


def register_column(model):
    """Class decorator: make ``model`` an available column type."""
    label = model._meta.label_lower
    registered = _registry.get(label)
    if registered is not None and registered is not model:
        raise ImproperlyConfigured(
            f"Column type {label} is already registered ({registered.__module__}); cannot register {model.__module__}."
        )
    role = getattr(model, "role", None)
    if role and _roles.get(role, model) is not model:
        raise ImproperlyConfigured(
            f"Column role {role!r} is already played by {_roles[role]._meta.label}; cannot give it to {label}."
        )
    _registry[label] = model
    if role:
        _roles[role] = model
    return model


def unregister_column(model):
    if _registry.get(model._meta.label_lower) is model:
        del _registry[model._meta.label_lower]
    for role, registered in list(_roles.items()):
        if registered is model:
            del _roles[role]


@contextmanager
def register_column_temporarily(model):
    """Register ``model`` for the duration of a ``with`` block (tests)."""
    already = is_registered(model)
    register_column(model)
    try:
        yield model
    finally:
        if not already:
            unregister_column(model)


def get_column_types():
    """Registered column page models, in registration order."""
    return list(_registry.values())


def get_column_type(role):
    """The registered column type playing ``role`` (e.g. ``"notices"``), or None if none does."""
    return _roles.get(role)


def is_registered(model):
    return _registry.get(model._meta.label_lower) is model


def register_searchable(model=None, *, date_field=None):
    """Put page type ``model`` (and its subclasses) into the public search, dated by ``date_field``.

    Usable as a call, ``register_searchable(LawPage, date_field="published_date")``,
    or as a class decorator, with or without arguments.
    """
    if model is None:
        return lambda model: register_searchable(model, date_field=date_field)
    label = model._meta.label_lower
    registered = _searchable.get(label)
    if registered is not None and registered != (model, date_field):
        raise ImproperlyConfigured(
            f"Searchable page type {label} is already registered ({registered[0].__module__},"
            f" date field {registered[1]!r}); cannot register it again differently."
        )
    _searchable[label] = (model, date_field)
    return model


def unregister_searchable(model):
    _searchable.pop(model._meta.label_lower, None)


@contextmanager
def register_searchable_temporarily(model, date_field=None):
    """Make ``model`` searchable for the duration of a ``with`` block (tests)."""
    already = model._meta.label_lower in _searchable
    register_searchable(model, date_field=date_field)
    try:
        yield model
    finally:
        if not already:
            unregister_searchable(model)


def get_searchable_types():
    """``(page model, date field or None)`` of every searchable page type, in registration order."""
    return list(_searchable.values())
