from django.apps import AppConfig


class GovInfoConfig(AppConfig):
    name = "columns.plugins.gov_info"
    label = "gov_info"
    verbose_name = "政务公开"
