"""The columns' contribution to 网站健康检查 (see ``portal.site_inspection``)."""

from wagtail import hooks

from .inspection import inspect_columns

hooks.register("register_site_inspection", inspect_columns)
