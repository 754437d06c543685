"""Demo content of the column types, kept out of the plugins themselves.

Each module here fills one column type with demo items and registers the
function for the model labels it seeds::

    @seeds("news.newscolumnpage")
    def seed_news(column): ...

``seed_column(page)`` runs the function registered for ``page.specific``; a
column type without one gets no demo content. A column type from an app outside
this project (e.g. a third-party plugin app) registers its seeder the same way
in a ``demo_seeds`` module of its own app, which is imported only here, so only
where the demo app is installed. Every function must be idempotent: look items
up by slug before creating them.
"""

import importlib
import pkgutil

from django.utils.module_loading import autodiscover_modules

_seeders = {}
_discovered = False


def seeds(*labels):
    """Decorator: register ``function(column_page)`` as the demo seeder of the models ``labels`` (label_lower)."""

    def register(function):
        for label in labels:
            label = label.lower()
            if label in _seeders and _seeders[label] is not function:
                raise ValueError(f"Demo content for {label} is already registered by {_seeders[label].__module__}.")
            _seeders[label] = function
        return function

    return register


def autodiscover():
    """Import every module of this package and every app's ``demo_seeds`` once, so that their ``@seeds`` run."""
    global _discovered
    if _discovered:
        return
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
    autodiscover_modules("demo_seeds")
    _discovered = True


def get_seeder(model):
    autodiscover()
    return _seeders.get(model._meta.label_lower)


def seed_column(page):
    """Create the demo content of one column, whatever its type."""
    column = page.specific
    seeder = get_seeder(type(column))
    if seeder is not None:
        seeder(column)
