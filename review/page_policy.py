"""Page permissions that keep other units' drafts out of every admin page listing.

Wagtail's global page search (/admin/pages/search/) and the "all pages" listing filter by the
page permission policy's ``explorable_instances``, not by the explorer hook; registering this
policy for ``Page`` makes them hide other units' drafts from correspondents and unit leaders too.
"""

from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from .permissions import hidden_drafts_filter, is_unit_only


class UnitAwarePagePermissionPolicy(PagePermissionPolicy):
    def explorable_instances(self, user):
        pages = super().explorable_instances(user)
        if is_unit_only(user):
            pages = pages.exclude(pk__in=Page.objects.filter(hidden_drafts_filter(user)).values("pk"))
        return pages
