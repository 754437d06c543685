"""The admin policy every citizen request shares: requests come only from the public forms.

The public form issues the tracking number and the query code and records the
citizen's consent, so an "add" in the admin could only produce a request nobody
can look up. ``NoAddPermissionPolicy`` refuses it to everyone, superusers too.
"""

from django.contrib.auth import get_user_model

from wagtail.permission_policies import ModelPermissionPolicy


class NoAddPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action != "add"]
        if not actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(actions)
