"""Build the demo site: identity, home page, columns with items, images and an admin.

Idempotent: everything is looked up by a stable key (slug, image title,
username) before it is created, and nothing that exists is touched, so a second
run changes nothing, not even revisions.
"""

import io
import os
import secrets
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import Page, Site

from columns.plugins.news.models import (
    CultureColumnPage,
    NewsColumnPage,
    NewsPage,
    RuleOfLawColumnPage,
    SafeCityColumnPage,
    TeamBuildingColumnPage,
)
from columns.plugins.notices.models import NoticeColumnPage, NoticePage
from columns.registry import get_column_types
from demo import content as demo_content
from demo.columns import seed_column
from demo.images import image_bytes
from home.models import HomeBannerSlide, HomeColumnSlot, HomePage
from portal.models import SiteIdentity

ITEM_MODELS = {"news": NewsPage, "notice": NoticePage}
# Which column type each column of demo_content.COLUMNS is; other column types seed themselves.
DEMO_COLUMN_TYPES = {
    "zfyw": NewsColumnPage,
    "fzqj": RuleOfLawColumnPage,
    "paqj": SafeCityColumnPage,
    "dwjs": TeamBuildingColumnPage,
    "zfwh": CultureColumnPage,
    "tzgg": NoticeColumnPage,
}
HOME_COLUMN_SLUGS = ["zfyw", "fzqj", "paqj", "dwjs", "zfwh"]
# The committee's menu order (its columns by default slug); the menu follows the page tree, so editors
# change it later with the explorer's 排序. Column types not listed come after, in registration order.
MENU_ORDER = [
    "zfyw", "fzjs", "pajs", "yasf", "dwjs", "zfwh", "dcyj", "tzgg", "zwgk", "jggk", "ztzl", "yyzf",
    "bmts", "nwwd", "zztj", "fxkt", "fzxf", "wgfw",
]  # fmt: skip
IDENTITY = {
    "site_name": "中共清江市委政法委员会",
    "city_short_name": "清江",
    "sponsor": "中共清江市委政法委员会",
    "organizer": "中共清江市委政法委员会办公室",
    "site_code": "3301000099",
    "icp_number": "浙ICP备00000000号-1",
    "police_record_number": "浙公网安备 33010002000000号",
    "police_record_link": "https://beian.mps.gov.cn/",
    "party_gov_label_link": "https://bszs.conac.cn/",
    "address": "清江市人民大道1号市委大院3号楼",
    "postcode": "330100",
    "phone": "0571-88000000",
}
ADMIN_USERNAME = "admin"
ADMIN_PASSWORD_ENV = "PORTAL_ADMIN_PASSWORD"


def menu_position(column_type):
    slug = column_type.default_slug
    return MENU_ORDER.index(slug) if slug in MENU_ORDER else len(MENU_ORDER)


class Command(BaseCommand):
    help = "Load the demo content (idempotent: a second run changes nothing)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--planned", action="store_true", help="also create and fill the planned columns (便民提示, 你问我答, …)"
        )

    @transaction.atomic
    def handle(self, *args, **options):
        if not get_user_model().objects.filter(username=ADMIN_USERNAME).exists():
            self.admin_password()  # a password breaking the rules stops the command before any change
        self.now = timezone.now()
        self.created = 0
        home = self.ensure_home()
        identity = self.ensure_identity(home)
        specs = {DEMO_COLUMN_TYPES[spec["slug"]]: spec for spec in demo_content.COLUMNS}
        columns = {}
        for column_type in sorted(get_column_types(), key=menu_position):
            if column_type.planned and not options["planned"]:
                continue
            column = self.ensure_column(home, column_type, specs.get(column_type), identity.city_short_name)
            columns[column.slug] = column
        self.ensure_home_layout(home, columns)
        self.ensure_admin()
        self.stdout.write(self.style.SUCCESS(f"Demo content ready: {self.created} objects created."))

    def ensure_home(self):
        home = HomePage.objects.filter(depth=2).first()
        if home is None:
            root = Page.get_first_root_node()
            home = root.add_child(instance=HomePage(title="首页", slug="portal-home", show_in_menus=False))
            home.save_revision().publish()
            self.created += 1
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="清江政法网"
            )
            self.created += 1
        elif site.root_page_id != home.pk:
            welcome = site.root_page
            site.root_page = home
            site.site_name = "清江政法网"
            site.save()
            if welcome.specific_class is Page and not welcome.get_children().exists():
                welcome.delete()  # Wagtail's "Welcome to your new Wagtail site!" placeholder
            self.created += 1
        return home

    def ensure_identity(self, home):
        identity = SiteIdentity.for_site(home.get_site())
        if identity.site_code:
            return identity
        for field, value in IDENTITY.items():
            setattr(identity, field, value)
        identity.save()
        self.created += 1
        return identity

    def ensure_column(self, home, column_type, spec, city):
        """The column of this type under the home page, created if missing, then its demo items."""
        column = column_type.objects.child_of(home).first()
        if column is None:
            spec = spec or {}
            column = home.add_child(
                instance=column_type(
                    title=column_type.title_for_city(city),
                    slug=spec.get("slug", column_type.default_slug),
                    intro=spec.get("intro", ""),
                    show_in_menus=True,
                )
            )
            column.save_revision().publish()
            self.created += 1
        if spec:
            for item_spec in spec["items"]:
                self.ensure_item(column, ITEM_MODELS[spec["kind"]], item_spec)
        before = column.get_descendants().count()
        seed_column(column)
        self.created += column.get_descendants().count() - before
        return column

    def ensure_item(self, column, item_model, spec):
        if item_model.objects.child_of(column).filter(slug=spec["slug"]).exists():
            return
        published = self.now - timedelta(days=spec["days_ago"], hours=spec["days_ago"] % 7)
        item = item_model(
            title=spec["title"],
            slug=spec["slug"],
            publish_date=published,
            summary=spec["summary"],
            source=spec["source"],
            author=spec["author"],
            editor=spec["editor"],
            body=[("paragraph", f"<p>{paragraph}</p>") for paragraph in spec["paragraphs"]],
        )
        if item_model is NewsPage:
            item.lead_image = self.ensure_image(f"示范图片：{spec['title']}", spec["slug"], 960, 540)
        if item_model is NoticePage and spec.get("valid_days"):
            item.valid_until = timezone.localdate(published) + timedelta(days=spec["valid_days"])
        column.add_child(instance=item)
        revision = item.save_revision()
        revision.publish()
        item.refresh_from_db()
        item.first_published_at = published
        item.save(update_fields=["first_published_at"])
        self.created += 1

    def ensure_image(self, title, seed, width, height):
        image_model = get_image_model()
        image = image_model.objects.filter(title=title).first()
        if image is None:
            image = image_model(
                title=title,
                description=title.split("：", 1)[-1],
                file=ImageFile(io.BytesIO(image_bytes(seed, width, height)), name=f"demo-{seed}.jpg"),
            )
            image.save()
            self.created += 1
        return image

    def ensure_home_layout(self, home, columns):
        changed = False
        if not home.banner_slides.exists():
            for index, slide in enumerate(demo_content.BANNER_SLIDES):
                image = self.ensure_image(f"示范横幅：{slide['title']}", f"banner-{index}", 1200, 360)
                home.banner_slides.add(HomeBannerSlide(image=image, title=slide["title"], subtitle=slide["subtitle"]))
            changed = True
        if not home.column_slots.exists():
            for slug in [slug for slug in HOME_COLUMN_SLUGS if slug in columns]:
                home.column_slots.add(HomeColumnSlot(column=columns[slug], count=6))
            changed = True
        if home.notice_column_id is None and "tzgg" in columns:
            home.notice_column = columns["tzgg"]
            changed = True
        if changed:
            home.save_revision().publish()
            self.created += 1

    def admin_password(self):
        """$PORTAL_ADMIN_PASSWORD, refused unless it meets the password rules, or a random one that does."""
        candidate = get_user_model()(username=ADMIN_USERNAME, email="admin@example.gov.cn", first_name="管理员")
        if os.environ.get(ADMIN_PASSWORD_ENV):
            try:
                validate_password(os.environ[ADMIN_PASSWORD_ENV], candidate)
            except ValidationError as error:
                raise CommandError(f"${ADMIN_PASSWORD_ENV}: {' '.join(error.messages)}") from error
            return os.environ[ADMIN_PASSWORD_ENV]
        while True:  # a random token misses a character class now and then
            password = secrets.token_urlsafe(12)
            try:
                validate_password(password, candidate)
            except ValidationError:
                continue
            return password

    def ensure_admin(self):
        user_model = get_user_model()
        if user_model.objects.filter(username=ADMIN_USERNAME).exists():
            return
        password = self.admin_password()
        user_model.objects.create_superuser(ADMIN_USERNAME, "admin@example.gov.cn", password, first_name="管理员")
        self.created += 1
        if os.environ.get(ADMIN_PASSWORD_ENV):
            self.stdout.write(f"Admin account: {ADMIN_USERNAME}, password from ${ADMIN_PASSWORD_ENV}.")
        else:
            self.stdout.write(
                self.style.WARNING(f"Admin account created: {ADMIN_USERNAME} / {password} (shown once; write it down)")
            )
