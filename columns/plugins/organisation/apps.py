from django.apps import AppConfig


class OrganisationConfig(AppConfig):
    name = "columns.plugins.organisation"
    label = "organisation"
    verbose_name = "机构设置"
