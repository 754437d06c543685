"""Settings shared by every environment.

Everything that differs between a laptop and the committee's servers comes from
environment variables (see README, "Configuration"); ``DEBUG`` is off here and
only ``dev.py`` turns it on.
"""

import pkgutil
from pathlib import Path

from .env import database_from_env, env_bool, env_int, env_list, env_str

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = BASE_DIR / "var"

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Built-in column types are apps of their own under columns/plugins/; every package there is
# installed, so adding a column type never means editing this list. Listed from the directory
# (no Django import: the app registry is not ready while settings load).
COLUMN_PLUGIN_APPS = [
    f"columns.plugins.{module.name}"
    for module in pkgutil.iter_modules([str(BASE_DIR / "columns" / "plugins")])
    if module.ispkg
]

INSTALLED_APPS = [
    "portal",
    "home",
    "review",
    "assessment",
    "columns",
    *COLUMN_PLUGIN_APPS,
    "intake",
    "legal_services",
    "mediation",
    "mailbox",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtailmedia",
    "captcha",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "portal.middleware.PermissionsPolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

# Browser features no page of the site uses are switched off (header built by portal/middleware.py).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: a SQLite file under var/ unless DATABASE_URL says otherwise.
DATABASES = {"default": database_from_env(f"sqlite:///{VAR_DIR / 'portal.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    if DATABASES["default"]["NAME"] != ":memory:":
        Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # Writers take SQLite's lock when their transaction begins and wait up to 20 s for it, so two
    # requests saving at once queue up instead of failing with "database is locked"; WAL lets
    # readers go on while one writes.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: process-local memory unless REDIS_URL points at a shared Redis, which
# several gunicorn workers need so that they see the same cached pages.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "portal"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Language and time: the public site and the admin are in Simplified Chinese;
# English is the second locale for translated pages (wagtail-localize).
LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [PROJECT_DIR / "locale"]

# Static files are served by the site itself (WhiteNoise), never by a CDN:
# government intranets are often cut off from the internet.
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT") or BASE_DIR / "var" / "static")
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or VAR_DIR / "media")
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT") or VAR_DIR / "private")  # never served publicly
LEGAL_DATA_KEYS = env_list("LEGAL_DATA_KEYS")  # Fernet keys, newest first; see legal_services/crypto.py
# Behind a reverse proxy, the request header holding the client address (e.g. HTTP_X_REAL_IP), so
# that per-IP rate limits count visitors rather than the proxy; see portal/ratelimit.py.
RATELIMIT_CLIENT_IP_HEADER = env_str("RATELIMIT_CLIENT_IP_HEADER") or None
LEGAL_DATA_KEYS_FROM_SECRET_KEY = True  # development only: derive a key when LEGAL_DATA_KEYS is empty
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_PERMISSIONS = 0o644

# Wagtail
WAGTAIL_SITE_NAME = "市委政法委门户网站"
# The portal's public address (e.g. https://www.example.gov.cn) for links in e-mails. Unset, the
# portal's own mails use the default site's host name and port (设置 → 站点; see portal/links.py).
# WAGTAILADMIN_BASE_URL is the old name, still read. Wagtail's own admin mails use the same value.
PORTAL_BASE_URL = (env_str("PORTAL_BASE_URL") or env_str("WAGTAILADMIN_BASE_URL") or "").rstrip("/")
WAGTAILADMIN_BASE_URL = PORTAL_BASE_URL or "http://127.0.0.1:8000"
WAGTAIL_ENABLE_UPDATE_CHECK = False
# The final approval publishes the revision it approved, never a later draft (review/revisions.py).
WAGTAIL_FINISH_WORKFLOW_ACTION = "review.revisions.publish_approved_revision"
# Groups whose members may approve items they submitted or edited themselves (separation of duties).
REVIEW_SELF_APPROVAL_GROUPS = []
# No avatars from www.gravatar.com: the admin must work on an intranet cut off from the internet,
# and staff e-mail hashes must not leave it. With None every user gets Wagtail's built-in avatar
# (or the one they upload under 账户设置).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor the dashboard banner pointing at guide.wagtail.org (the 帮助 menu's links there are dropped
# in portal/wagtail_hooks.py).
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "doc",
    "docx",
    "xls",
    "xlsx",
    "ppt",
    "pptx",
    "wps",
    "et",
    "odt",
    "ods",
    "txt",
    "zip",
    "rar",
]
# Documents are always streamed by /documents/<id>/<file>, whose hook refuses unpublished ones
# (portal/documents.py); never a redirect to /media/documents/, which the proxy must not serve.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("DOCUMENT_MAX_UPLOAD_MB", 50) * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("IMAGE_MAX_UPLOAD_MB", 10) * 1024 * 1024
WAGTAILMEDIA = {
    "MEDIA_MODEL": "wagtailmedia.Media",
    "AUDIO_EXTENSIONS": ["mp3", "m4a", "aac", "wav", "ogg"],
    "VIDEO_EXTENSIONS": ["mp4", "webm", "m4v", "mov"],
}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Chinese-aware search (jieba) on the site database by default, Elasticsearch 8 when configured.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}

# Elasticsearch is used only when configured; index names carry a prefix so
# that staging and production can share one cluster.
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL")
ELASTICSEARCH_INDEX_PREFIX = env_str("ELASTICSEARCH_INDEX_PREFIX", "portal")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS["default"] = {
        "BACKEND": "search.backends.elasticsearch",
        "URLS": [ELASTICSEARCH_URL],
        "INDEX": f"{ELASTICSEARCH_INDEX_PREFIX}_search",
        "TIMEOUT": 10,
    }

# Email: console output until SMTP is configured.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False}},
}

CAPTCHA_FONT_SIZE = 32
CAPTCHA_LETTER_ROTATION = (-20, 20)
