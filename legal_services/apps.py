from django.apps import AppConfig

from columns.registry import register_searchable


class LegalServicesConfig(AppConfig):
    name = "legal_services"
    verbose_name = "法律服务"

    def ready(self):
        from .models import GuidePage, LawPage  # models can be imported only once the registry is ready

        register_searchable(LawPage, date_field="published_date")
        register_searchable(GuidePage)
