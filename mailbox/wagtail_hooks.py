"""书记信箱 in the Wagtail admin: inbox and letter pages, a link to the letter units, dashboard, permissions."""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse

from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from search.admin_search import AdminHit, TextSource

from . import admin_views
from .dashboard import MailboxPanel
from .inspection import inspect_letters
from .models import Action, Letter
from .permissions import can_use_mailbox_admin

admin_urlpatterns = (
    [
        path("", admin_views.inbox, name="index"),
        path("letters/<int:pk>/", admin_views.letter_view, name="letter"),
        path("letters/<int:pk>/phone/", admin_views.reveal_phone_view, name="reveal_phone"),
        path("letters/<int:pk>/<slug:name>/", admin_views.step_view, name="step"),
        path("attachments/<int:pk>/", admin_views.attachment_view, name="attachment"),
    ],
    "mailbox_admin",
)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("mailbox/", include(admin_urlpatterns))]


class LettersMenuItem(MenuItem):
    def is_shown(self, request):
        return can_use_mailbox_admin(request.user)


class UnitsMenuItem(MenuItem):
    def is_shown(self, request):
        return any(request.user.has_perm(f"review.{action}_reportingunit") for action in ("add", "change", "delete"))


@hooks.register("register_admin_menu_item")
def register_mailbox_menu():
    menu = Menu(
        items=[
            LettersMenuItem("来信办理", reverse("mailbox_admin:index"), icon_name="mail", order=100),
            # Units are one shared list, edited under 信息报送 › 单位管理; this shows those that handle letters.
            UnitsMenuItem(
                "承办单位",
                reverse("wagtailsnippets_review_reportingunit:list") + "?handles_letters=true",
                icon_name="group",
                order=200,
            ),
        ]
    )
    return SubmenuMenuItem("书记信箱", menu, icon_name="mail", name="mailbox", order=240)


@hooks.register("construct_homepage_panels")
def add_mailbox_panel(request, panels):
    panels.append(MailboxPanel(request.user))


@hooks.register("register_permissions")
def register_mailbox_permissions():
    return Permission.objects.filter(
        content_type__app_label="mailbox",
        codename__in=["view_letter", "handle_letter", "approve_letter", "reply_letter"],
    )


@hooks.register("register_log_actions")
def register_mailbox_log_actions(actions):
    for action in Action:
        actions.register_action(f"mailbox.{action.value}", f"书记信箱：{action.label}", f"书记信箱：{action.label}")
    actions.register_action(admin_views.REVEAL_PHONE_ACTION, "查看来信人电话", "查看了来信人完整联系电话")


class LetterSearchSource(TextSource):
    """Letters in the admin's 全部内容 search, only those the user may see (a unit sees its own letters)."""

    name = "letters"
    label = "来信"
    order = 40
    icon = "mail"
    text_fields = ("content", "number", "reply")

    def is_shown(self, request):
        return can_use_mailbox_admin(request.user)

    def queryset(self, request):
        return Letter.objects.visible_to(request.user).order_by("-created_at", "-pk")

    def hit(self, request, letter):
        return AdminHit(letter.title, reverse("mailbox_admin:letter", args=[letter.pk]), letter.number)

    def more_url(self, request, query):
        return reverse("mailbox_admin:index")


@hooks.register("register_admin_search_source")
def register_letter_search_source():
    return LetterSearchSource()


hooks.register("register_site_inspection", inspect_letters)
