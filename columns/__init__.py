"""Columns (栏目): the page types that hold the portal's content, as plugins.

A column type is a ``ColumnPage`` subclass decorated with ``@register_column``
in any installed app; see ``columns.registry``.
"""
