"""Built-in column types, each a Django app package (``columns/plugins/<name>/``, label ``<name>``).

The settings install every package here, so adding one adds a column type;
``mediation`` and ``qa`` are still plain modules, imported by ``columns.models``.
"""
