"""Settings shared by every environment.

Everything that differs between a laptop and the committee's servers comes from
environment variables (see README, "Configuration"); ``DEBUG`` is off here and
only ``dev.py`` turns it on.
"""

import os
import pkgutil
from datetime import timedelta
from pathlib import Path

from csp.constants import NONCE, NONE, SELF

from .env import database_from_env, env_bool, env_int, env_list, env_str, stop

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
    # Public side of the site (branch public): 网站纠错, visitor statistics, 依申请公开.
    "feedback",
    "analytics",
    "disclosure",
    "annual_report",  # 政府网站工作年度报表 (issue 18.6)
    "search",
    "inspection",
    "twofactor",
    # Staff account security (accounts/): login lockout (django-axes), password rules, sessions, audit.
    "accounts",
    "axes",
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
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",  # its catalogue translates the admin's "3 minutes ago" (naturaltime)
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "portal.requests.RequestIdMiddleware",  # X-Request-ID on the response and in every log line
    "portal.after_response.AfterResponseMiddleware",  # mail and notices go out after the response
    "portal.middleware.PermissionsPolicyMiddleware",
    "portal.middleware.ContentSecurityPolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Front cache (README "Front cache"): ETag and 304 answers, then Cache-Control for nginx, outside the
    # session, locale and CSRF middleware so that it sees the cookies and Vary they add.
    "django.middleware.http.ConditionalGetMiddleware",
    "portal.cache_headers.CacheHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "twofactor.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Staff account security (accounts/): admin session limits, forced password change, and axes
    # (last, as it turns a lockout into the Chinese lockout page).
    "accounts.middleware.AdminSessionMiddleware",
    "accounts.middleware.PasswordChangeRequiredMiddleware",
    "axes.middleware.AxesMiddleware",
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

# Two-factor login (twofactor/): superusers and users who may publish, manage users or reveal
# legal-aid personal data must enrol a TOTP authenticator; off, only users who enrolled are asked.
PORTAL_REQUIRE_2FA = env_bool("PORTAL_REQUIRE_2FA", True)
OTP_TOTP_ISSUER = "市委政法委门户网站"

# Content-Security-Policy (django-csp, portal/middleware.py): no inline script anywhere; a template
# that needs one gives it nonce="{{ request.csp_nonce }}". Everything comes from the site itself.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:"],
        "media-src": [SELF],
        "object-src": [NONE],
        "frame-ancestors": [SELF],
        "base-uri": [SELF],
        "form-action": [SELF],
    }
}
# The Wagtail admin gets the same policy. Wagtail 8 writes some inline <script> elements itself
# (choosers, date/time widgets, inline panels); the middleware gives the request's nonce to those, and
# only when a script is exactly one call of a known initialiser with JSON data (portal/inline_scripts.py).
CONTENT_SECURITY_POLICY_ADMIN_PREFIX = "/admin/"

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

# Staff account security (accounts/, README "Security").
# Passwords: 12+ characters with three of the four character classes (等保 level 3), not like the
# user's name, not common; the last entry records each change (forced change, optional expiry).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "accounts.passwords.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "accounts.passwords.CharacterClassesValidator", "OPTIONS": {"min_classes": 3}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "accounts.passwords.PasswordChangeRecorder"},
]
PORTAL_PASSWORD_MAX_AGE_DAYS = env_int("PORTAL_PASSWORD_MAX_AGE_DAYS", 0)  # 0: passwords never expire
# Admin sessions end after 30 minutes without a request (sliding) and 12 hours after login.
PORTAL_ADMIN_IDLE_TIMEOUT = env_int("PORTAL_ADMIN_IDLE_TIMEOUT", 1800)
PORTAL_ADMIN_SESSION_MAX_AGE = env_int("PORTAL_ADMIN_SESSION_MAX_AGE", 43_200)
# Audit log entries are kept at least 180 days (网络安全法 art. 21); purge_audit_log removes older ones.
PORTAL_AUDIT_RETENTION_DAYS = env_int("PORTAL_AUDIT_RETENTION_DAYS", 180)
# Login lockout (django-axes, attempts in the database so every gunicorn worker sees them): five
# failures within 15 minutes lock the account name, and separately the client address, for 15
# minutes. The address is the one portal/ratelimit.py uses (RATELIMIT_CLIENT_IP_HEADER).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "accounts.lockout.client_ip_address"
AXES_RESET_ON_SUCCESS = False  # a login must not wipe the failures counted against its address
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_DISABLE_ACCESS_LOG = True  # successful logins are in the audit log (accounts/audit.py)
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
AXES_COOLOFF_MESSAGE = "登录失败次数过多，账号或来源地址已被暂时锁定，请稍后再试或联系网站管理员解锁。"
AXES_PERMALOCK_MESSAGE = "登录失败次数过多，账号或来源地址已被锁定，请联系网站管理员解锁。"
AXES_VERBOSE = False

# Language and time: the public site and the admin are in Simplified Chinese;
# English is the second locale for translated pages (wagtail-localize).
LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
LANGUAGES = [("zh-hans", "简体中文"), ("en", "英文")]  # names as the admin's locale lists show them
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The admin speaks Chinese only, whatever a browser asks for: a user without a preferred language (every
# new one) gets LANGUAGE_CODE, and so do the workflow mails Wagtail sends them. One time zone, so
# the account settings offer no list of the world's zones.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("zh-hans", "简体中文")]
WAGTAIL_USER_TIME_ZONES = [TIME_ZONE]
# The project catalogue comes first: it fills the admin strings Wagtail leaves untranslated
# (portal/locale/zh_Hans, regenerated with scripts/wagtail_untranslated.py).
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

# Search indexing (search/, README "Search"): processes that cut text with jieba during
# rebuild_chinese_index / update_index on the database backend; 1 cuts in the command's own process.
SEARCH_INDEX_PROCESSES = env_int("SEARCH_INDEX_PROCESSES", min(4, os.cpu_count() or 1))

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
# A mail server that accepts and never answers must not hold a request (or a worker) for long.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)

# Background tasks (django-tasks): notices and Wagtail's own tasks run inline after the commit by
# default; with PORTAL_TASKS_BACKEND=database they are stored and run by `manage.py db_worker`.
PORTAL_TASKS_BACKEND = env_str("PORTAL_TASKS_BACKEND", "immediate")
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
if PORTAL_TASKS_BACKEND not in TASK_BACKENDS:
    stop(f"PORTAL_TASKS_BACKEND={PORTAL_TASKS_BACKEND!r} is not one of {', '.join(TASK_BACKENDS)}")
TASKS = {"default": {"BACKEND": TASK_BACKENDS[PORTAL_TASKS_BACKEND]}}

# Serving at scale (issue 14: worker, periodic jobs, health check, S3 media, request ids; README
# "Deploying on one host / on several hosts").
# Periodic jobs: name -> the management command (and arguments) one run executes. Each has one
# systemd timer (deploy/systemd/portal-job-<name>.timer) running `manage.py enqueue_job <name>`,
# which hands it to the task queue (the worker runs it; with the immediate backend it runs at once).
PORTAL_PERIODIC_JOBS = {
    "publish_scheduled": ["publish_scheduled"],  # Wagtail's scheduled publishing and unpublishing
    "deliver_outbox": ["deliver_outbox"],  # notices due, retries included
    "mailbox_reminders": ["mailbox_reminders"],  # letters due soon or overdue
    "remind_overdue_checks": ["remind_overdue_checks"],  # post-publication checks overdue
    "purge_audit_log": ["purge_audit_log"],  # audit entries past PORTAL_AUDIT_RETENTION_DAYS
    "purge_legal_aid": ["purge_legal_aid"],  # closed legal-aid applications past their retention
    "prune_task_results": ["prune_db_task_results", "--min-age-days", "7"],  # finished task rows
    "check_live_wording": ["check_live_wording"],  # 网站健康检查: wording of everything published
    "check_links": ["check_links"],  # 网站健康检查: internal and external links of live pages
    "aggregate_visits": ["aggregate_visits"],  # 访问统计: finished days into daily rows, raw hits purged
}
# `manage.py run_worker` writes a heartbeat row this often; /healthz fails when the newest is older
# than PORTAL_WORKER_MAX_SILENCE seconds (only with a queue backend: the immediate one needs no worker).
PORTAL_WORKER_HEARTBEAT_SECONDS = env_int("PORTAL_WORKER_HEARTBEAT_SECONDS", 15)
PORTAL_WORKER_MAX_SILENCE = env_int("PORTAL_WORKER_MAX_SILENCE", 120)
# Media on S3-compatible object storage (django-storages) when a bucket is named, so that several
# app servers share uploads; credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.
PORTAL_MEDIA_S3_BUCKET = env_str("PORTAL_MEDIA_S3_BUCKET")
if PORTAL_MEDIA_S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": PORTAL_MEDIA_S3_BUCKET,
            "endpoint_url": env_str("PORTAL_MEDIA_S3_ENDPOINT_URL") or None,  # MinIO, Ceph, a provider's
            "region_name": env_str("PORTAL_MEDIA_S3_REGION") or None,
            "location": env_str("PORTAL_MEDIA_S3_PREFIX"),  # a folder inside the bucket
            "custom_domain": env_str("PORTAL_MEDIA_S3_CUSTOM_DOMAIN") or None,  # public host of the media
            "default_acl": None,  # the bucket's policy decides; documents are streamed, never linked
            "querystring_auth": env_bool("PORTAL_MEDIA_S3_SIGNED_URLS", False),
            "file_overwrite": False,
        },
    }
# A request id (X-Request-ID from the proxy, or a new one) on every response and log line.
# Production logs one line per record; PORTAL_LOG_JSON=true writes them as JSON objects.
PORTAL_LOG_JSON = env_bool("PORTAL_LOG_JSON", False)

# Notices (portal/notify): retries of failed deliveries, the office's group robots and mobiles, SMS.
NOTIFY_MAX_ATTEMPTS = env_int("NOTIFY_MAX_ATTEMPTS", 6)
NOTIFY_RETRY_DELAY = env_int("NOTIFY_RETRY_DELAY", 60)  # seconds before the first retry, doubling after
NOTIFY_RETRY_MAX_DELAY = env_int("NOTIFY_RETRY_MAX_DELAY", 6 * 3600)
NOTIFY_WEBHOOK_TIMEOUT = env_int("NOTIFY_WEBHOOK_TIMEOUT", 5)
# After a failure a mail server or robot host is left alone this long (its notices wait for their retry).
NOTIFY_CIRCUIT_SECONDS = env_int("NOTIFY_CIRCUIT_SECONDS", 60)
NOTIFY_OFFICE_WECOM_WEBHOOK = env_str("NOTIFY_OFFICE_WECOM_WEBHOOK")
NOTIFY_OFFICE_DINGTALK_WEBHOOK = env_str("NOTIFY_OFFICE_DINGTALK_WEBHOOK")
NOTIFY_OFFICE_DINGTALK_SECRET = env_str("NOTIFY_OFFICE_DINGTALK_SECRET")
NOTIFY_OFFICE_SMS_PHONES = env_list("NOTIFY_OFFICE_SMS_PHONES")
NOTIFY_SMS_PROVIDER = env_str("NOTIFY_SMS_PROVIDER", "portal.notify.channels.LoggingSmsProvider")

# Front cache (README "Front cache"; portal/cache_headers.py, portal/frontend_cache.py, deploy/nginx/).
# Anonymous pages are public for browsers PORTAL_CACHE_MAX_AGE seconds and for nginx
# PORTAL_CACHE_S_MAXAGE (Wagtail pages, feeds, sitemap: purged on publish) or PORTAL_CACHE_VIEW_S_MAXAGE
# (other public views, which nothing purges). PORTAL_FRONTEND_CACHE_URLS lists the nginx servers that
# get a PURGE (e.g. http://127.0.0.1:80); empty, nothing is purged.
PORTAL_CACHE_MAX_AGE = env_int("PORTAL_CACHE_MAX_AGE", 60)
PORTAL_CACHE_S_MAXAGE = env_int("PORTAL_CACHE_S_MAXAGE", 3600)
PORTAL_CACHE_VIEW_S_MAXAGE = env_int("PORTAL_CACHE_VIEW_S_MAXAGE", 60)
PORTAL_CACHE_PRIVATE_PREFIXES = ("/admin/", "/captcha/")  # never shared, whatever their headers
PORTAL_FRONTEND_CACHE_URLS = env_list("PORTAL_FRONTEND_CACHE_URLS")
PORTAL_FRONTEND_CACHE_REPURGE_MS = env_int("PORTAL_FRONTEND_CACHE_REPURGE_MS", 1500)  # second purge; 0: none
PORTAL_FRONTEND_CACHE_ALWAYS_PURGE = ["/sitemap.xml"]  # paths every change purges
PORTAL_FRONTEND_CACHE_MAX_LISTING_PAGE = 50  # nginx caches ?page=1..50 only (deploy/nginx/portal.conf)
WAGTAILFRONTENDCACHE = {
    f"nginx{number}": {"BACKEND": "portal.frontend_cache.NginxPurgeBackend", "LOCATION": url}
    for number, url in enumerate(PORTAL_FRONTEND_CACHE_URLS, start=1)
}

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

# 网站纠错, visitor statistics, 依申请公开 (feedback/, analytics/, disclosure/); see README "网站纠错与访问统计".
# Working days to take up and to fix a 找错 report (the national 找错 platform's 1 and 3, see feedback/models.py).
FEEDBACK_ACKNOWLEDGE_WORKDAYS = env_int("FEEDBACK_ACKNOWLEDGE_WORKDAYS", 1)
FEEDBACK_RESOLVE_WORKDAYS = env_int("FEEDBACK_RESOLVE_WORKDAYS", 3)
# Raw visitor hits are kept this many days after being aggregated into daily rows, then deleted.
ANALYTICS_RAW_RETENTION_DAYS = env_int("ANALYTICS_RAW_RETENTION_DAYS", 30)
# Hits counted per address per minute; more (a reload loop, a script) are answered but not counted.
ANALYTICS_HITS_PER_MINUTE = env_int("ANALYTICS_HITS_PER_MINUTE", 60)
# Assessment 通报 documents (assessment/documents): the TrueType CJK font embedded in the PDF and drawn
# into the charts (scripts/_fonts.sh installs Debian's fonts-wqy-zenhei); without it the PDF falls back
# to reportlab's built-in STSong-Light and the charts to Noto CJK. Days after issue by which a 约谈 must
# be held before the follow-up counts as overdue on the dashboard.
ASSESSMENT_DOCUMENT_FONT = env_str("ASSESSMENT_DOCUMENT_FONT", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
ASSESSMENT_INTERVIEW_DAYS = env_int("ASSESSMENT_INTERVIEW_DAYS", 15)
# Scale (issue 14, item 5; README "Scale"): /sitemap.xml is an index of sections of at most this many
# URLs each (the sitemap protocol allows 50,000 per file).
PORTAL_SITEMAP_SIZE = env_int("PORTAL_SITEMAP_SIZE", 50_000)
