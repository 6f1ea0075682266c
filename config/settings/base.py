"""Settings shared by every environment, read from environment variables.

With no environment set the platform runs on its embedded default: SQLite, the in-process search
backend, Celery tasks run inline and e-mail goes to the console. Each URL variable switches one part
to its real service.
"""

import os
from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF, UNSAFE_INLINE

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
env.read_env(BASE_DIR / ".env", overwrite=False)

# ------------------------------------------------------------------------------
# General
# ------------------------------------------------------------------------------
DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env("DJANGO_SECRET_KEY", default="insecure-development-key-only-for-the-embedded-default")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
SITE_ID = 1
# Scheme, host and port of the public site: links in e-mails, feeds, sitemaps, canonical links and Open
# Graph tags, and the Site records (core.site). WAGTAILADMIN_BASE_URL is the older name, still read.
SITE_URL = env("SITE_URL", default=env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")).rstrip("/")

TIME_ZONE = "Asia/Shanghai"
USE_TZ = True
USE_I18N = True
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "ipp_language"

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# ------------------------------------------------------------------------------
# Databases
# ------------------------------------------------------------------------------
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
# Every request that may write is one transaction; reads run outside one (core.middleware.NonAtomicReadsMiddleware).
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent writers wait for each other instead of failing with "database is locked": every
    # transaction (each writing request is one, ATOMIC_REQUESTS) takes the write lock when it begins, so none has
    # to upgrade a read lock mid-way (which SQLite refuses at once, whatever the timeout); a busy writer is
    # waited for up to `timeout` seconds; WAL lets readers go on while one writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# ------------------------------------------------------------------------------
# Applications
# ------------------------------------------------------------------------------
DJANGO_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]
THIRD_PARTY_APPS = [
    "allauth",
    "allauth.account",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
]
LOCAL_APPS = [
    "core",
    "reference",
    "accounts",
    "cms",
    "payments",
    "services",
    "training",
    "listings",
    "register",
    "rights",
    "search",
    "targets",
    "api",
    "funding",
    "subscriptions",
    "copyrights",
    "evaluations",
    "advisers",
    "analysis",
]
INSTALLED_APPS = DJANGO_APPS + THIRD_PARTY_APPS + LOCAL_APPS

# ------------------------------------------------------------------------------
# Authentication (django-allauth)
# ------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # ModelBackend keeping each person's permissions in the cache (accounts.backends); ModelBackend stays listed for
    # the sessions signed in through it before.
    "accounts.backends.CachedPermissionsBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:dashboard"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
# The platform tells a person plainly that an address is already registered (a stated requirement),
# at the cost of revealing which addresses have accounts; log-in failures stay rate-limited.
ACCOUNT_PREVENT_ENUMERATION = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
ACCOUNT_FORMS = {"signup": "accounts.forms.SignupForm"}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[知识产权服务平台] "
# Failed log-ins are limited per address and per account; allauth counts them in the cache.
ACCOUNT_RATE_LIMITS = {
    "login_failed": env("ACCOUNT_LOGIN_FAILED_RATE", default="10/m/ip,5/5m/key"),
    "signup": "20/m/ip",
}
INVITATION_VALID_DAYS = env.int("INVITATION_VALID_DAYS", default=14)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# ------------------------------------------------------------------------------
# Middleware, templates
# ------------------------------------------------------------------------------
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Answers the API's cross-origin reads (and their preflight) before anything else looks at the request.
    "corsheaders.middleware.CorsMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside gzip, sessions and CSRF: a stored page is answered without them (core/pagecache.py).
    "core.pagecache.AnonymousPageCacheMiddleware",
    # Inside the page cache: a stored page keeps the policy it was made with, not built again for each hit.
    "core.middleware.ContentSecurityPolicyMiddleware",
    # Inside WhiteNoise, which serves static files already compressed at collectstatic.
    "core.middleware.PublicGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.ChineseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "core.middleware.AdminAccessMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: reads (GET, HEAD) run outside ATOMIC_REQUESTS' transaction, writes inside it.
    "core.middleware.NonAtomicReadsMiddleware",
]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "core.context_processors.site_frame",
            ],
        },
    },
]
# Django's form renderer, writing selects without a template per option (core/renderers.py).
FORM_RENDERER = "core.renderers.FormRenderer"
# Sessions written to the database and read from the cache: a signed-in page asks no query for its session.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# ------------------------------------------------------------------------------
# Static and media files
# ------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=VAR_DIR / "staticfiles")
# Front-end libraries come from the npm registry (package.json) and are served from our own static files.
NODE_MODULES_DIR = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/bootstrap", NODE_MODULES_DIR / "bootstrap" / "dist"),
]
# Single files of a package whose other builds the pages never load (core.staticfiles.SingleFileFinder).
STATICFILES_FILES = {
    "vendor/echarts/echarts.min.js": NODE_MODULES_DIR / "echarts" / "dist" / "echarts.min.js",
}
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "core.staticfiles.SingleFileFinder",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=VAR_DIR / "media")
# Public uploads served by Django itself (config.urls): only where no web server is in front (local).
SERVE_MEDIA = False
# Uploads that must never be served publicly (qualification documents, evidence).
PRIVATE_MEDIA_ROOT = env.path("DJANGO_PRIVATE_MEDIA_ROOT", default=VAR_DIR / "private")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# S3-compatible object storage (AWS S3, SeaweedFS, MinIO, OSS/COS in S3 mode) when S3_BUCKET is set: public
# uploads under media/, private ones under private/, both private objects of one bucket (core.storage).
S3_BUCKET = env("S3_BUCKET", default="")
S3_ENDPOINT_URL = env("S3_ENDPOINT_URL", default="") or None
S3_REGION = env("S3_REGION", default="us-east-1")
S3_ACCESS_KEY_ID = env("S3_ACCESS_KEY_ID", default="")
S3_SECRET_ACCESS_KEY = env("S3_SECRET_ACCESS_KEY", default="")
# A folder of the bucket holding this site's files (several sites or test runs may share one bucket).
S3_PREFIX = env("S3_PREFIX", default="").strip("/")
# How a permitted download of a private file leaves the bucket: streamed through the web process, or a
# redirect to a presigned URL valid this many seconds (the endpoint must then be reachable by browsers).
PRIVATE_FILE_DELIVERY = env("PRIVATE_FILE_DELIVERY", default="stream")
S3_PRESIGNED_SECONDS = env.int("S3_PRESIGNED_SECONDS", default=60)
S3_OPTIONS = {
    "bucket_name": S3_BUCKET,
    "endpoint_url": S3_ENDPOINT_URL,
    "region_name": S3_REGION,
    # empty: boto3's own chain (instance role, ~/.aws)
    "access_key": S3_ACCESS_KEY_ID or None,
    "secret_key": S3_SECRET_ACCESS_KEY or None,
    "signature_version": "s3v4",
    # path-style requests work on every S3-compatible server; virtual hosts need DNS per bucket
    "addressing_style": "path",
    "default_acl": None,
    # Django's file-system storage never overwrites: a name taken gets a suffix; so here.
    "file_overwrite": False,
    "querystring_expire": S3_PRESIGNED_SECONDS,
}
if S3_BUCKET:
    STORAGES = {
        **STORAGES,
        "default": {
            "BACKEND": "core.storage.PublicMediaBucketStorage",
            "OPTIONS": {**S3_OPTIONS, "location": f"{S3_PREFIX}/media".lstrip("/")},
        },
        "private": {
            "BACKEND": "core.storage.PrivateBucketStorage",
            "OPTIONS": {**S3_OPTIONS, "location": f"{S3_PREFIX}/private".lstrip("/")},
        },
    }
    # Wagtail documents may sit in private collections: served by Wagtail's checked view, never by URL.
    WAGTAILDOCS_SERVE_METHOD = "serve_view"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# ------------------------------------------------------------------------------
# Cache, Celery (Redis when REDIS_URL is set)
# ------------------------------------------------------------------------------
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "core.cache.RedisCache", "LOCATION": REDIS_URL}}
    CELERY_BROKER_URL = REDIS_URL
    CELERY_RESULT_BACKEND = REDIS_URL
    CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        }
    }
    CELERY_BROKER_URL = "memory://"
    CELERY_RESULT_BACKEND = None
    CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
# Anonymous pages kept whole in the cache until what they show changes (core/pagecache.py); browsers and
# proxies may keep them for PAGE_CACHE_MAX_AGE seconds.
PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE_ENABLED", default=True)
PAGE_CACHE_MAX_AGE = env.int("PAGE_CACHE_MAX_AGE", default=60)
PAGE_CACHE_TIMEOUT = env.int("PAGE_CACHE_TIMEOUT", default=600)
CELERY_TIMEZONE = TIME_ZONE
# The queue tasks are sent to and workers read (sites or test runs sharing one Redis keep apart).
CELERY_TASK_DEFAULT_QUEUE = env("CELERY_QUEUE", default="celery")
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
# Periodic work, run by `celery -A config worker --beat`. Every task is idempotent and takes no objects.
CELERY_BEAT_SCHEDULE = {
    # Pages whose scheduled go-live or expiry time has passed are published or unpublished.
    "cms-publish-scheduled": {"task": "core.tasks.publish_scheduled_pages", "schedule": 300.0},
    # Applies index updates still waiting in the outbox (e.g. written while Elasticsearch was down).
    "search-drain-outbox": {"task": "search.tasks.drain_search_outbox", "schedule": 60.0},
    # Removes items that stopped being public without a save (expiry) and restores any missing.
    "search-reconcile": {"task": "search.tasks.reconcile_search_index", "schedule": 3600.0},
    # Postings past their validity period leave the public lists; also `manage.py expire_listings` for cron.
    "listings-expire": {"task": "listings.tasks.expire_listings", "schedule": 3600.0},
    # Accepted orders: a reminder before the payment deadline, cancellation after it.
    "services-unpaid-orders": {"task": "services.tasks.remind_and_lapse_unpaid_orders", "schedule": 3600.0},
    # Places held for a payment that did not come go back to the waiting list.
    "training-release-expired-holds": {"task": "training.tasks.release_expired_holds", "schedule": 300.0},
    # Rights-protection e-mails that failed are sent again.
    "rights-resend-unsent-notifications": {"task": "rights.tasks.resend_unsent_notifications", "schedule": 600.0},
    # Receipts of sent forms (core.submissions) are kept a month.
    "core-forget-old-submission-receipts": {"task": "core.tasks.forget_old_submission_receipts", "schedule": 86400.0},
    # Patent and trademark statuses re-evaluated (terms ended, events in effect); postings checked against them.
    "register-reevaluate-statuses": {"task": "register.tasks.reevaluate_statuses", "schedule": 86400.0},
    # Saved searches: new items matched (and immediate alerts sent), daily digests at 8:00, weekly on Mondays.
    "subscriptions-match": {"task": "subscriptions.tasks.match_saved_searches", "schedule": 300.0},
    "subscriptions-daily": {
        "task": "subscriptions.tasks.send_digests",
        "schedule": crontab(hour=8, minute=0),
        "args": ["daily"],
    },
    "subscriptions-weekly": {
        "task": "subscriptions.tasks.send_digests",
        "schedule": crontab(day_of_week=1, hour=8, minute=0),
        "args": ["weekly"],
    },
}
# Days a posting whose patent or trademark the register shows as no longer valid stays listed after its
# owner is told, unless the owner answers with a statement.
REGISTER_POSTING_GRACE_DAYS = env.int("REGISTER_POSTING_GRACE_DAYS", default=14)
# What an uploaded register workbook may unpack to: 50 MB, the upload limit, at 20 bytes of XML to one.
REGISTER_IMPORT_MAX_UNPACKED_BYTES = env.int("REGISTER_IMPORT_MAX_UNPACKED_BYTES", default=1024 * 1024 * 1024)
# Share of the synthetic demo register (20,000 patents, 15,000 trademarks) `load_demo` makes.
REGISTER_DEMO_SCALE = env.float("REGISTER_DEMO_SCALE", default=1.0)

# ------------------------------------------------------------------------------
# E-mail
# ------------------------------------------------------------------------------
EMAIL_BACKEND = env("DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", default="知识产权服务平台 <noreply@ip.lyg.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# ------------------------------------------------------------------------------
# Search
# ------------------------------------------------------------------------------
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="")
SEARCH_INDEX_PREFIX = env("SEARCH_INDEX_PREFIX", default="ipp")
# Primary shards and replicas of each new index (a replica needs a second node; see docs/operations.md).
SEARCH_INDEX_SHARDS = env.int("SEARCH_INDEX_SHARDS", default=1)
SEARCH_INDEX_REPLICAS = env.int("SEARCH_INDEX_REPLICAS", default=0)
# Seconds a request to Elasticsearch may take (creating an index on a busy cluster takes longest).
SEARCH_REQUEST_TIMEOUT = env.int("SEARCH_REQUEST_TIMEOUT", default=10)
# Make every index write visible to searches at once (tests): the write refreshes the shards it touched
# (`refresh=true`; `wait_for` would wait up to the node's refresh interval, a second); otherwise that interval applies.
SEARCH_REFRESH_ON_WRITE = env.bool("SEARCH_REFRESH_ON_WRITE", default=False)
# Processes analysing text during `search_reindex` (see search.analysis).
SEARCH_ANALYSIS_WORKERS = env.int("SEARCH_ANALYSIS_WORKERS", default=os.cpu_count() or 1)
# The database backend, with Chinese queries segmented like the pages' indexed text (cms.segmentation).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "cms.search_backend"}}

# ------------------------------------------------------------------------------
# Payments (Stripe)
# ------------------------------------------------------------------------------
STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY", default="")
STRIPE_PUBLISHABLE_KEY = env("STRIPE_PUBLISHABLE_KEY", default="")
STRIPE_WEBHOOK_SECRET = env("STRIPE_WEBHOOK_SECRET", default="")
# Points the stripe library at Stripe's own stripe-mock in tests and CI.
STRIPE_API_BASE = env("STRIPE_API_BASE", default="")
PAYMENT_CURRENCY = env("PAYMENT_CURRENCY", default="cny")
# An accepted order is to be paid within this many days (reminded this many days before), else it lapses.
ORDER_PAYMENT_DAYS = env.int("ORDER_PAYMENT_DAYS", default=7)
ORDER_PAYMENT_REMINDER_DAYS = env.int("ORDER_PAYMENT_REMINDER_DAYS", default=2)

# ------------------------------------------------------------------------------
# Wagtail
# ------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "连云港市知识产权公共服务平台"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_I18N_ENABLED = False
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "txt", "zip"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
# Avatars are Wagtail's own image, not fetched from Gravatar (unreachable from many Chinese networks,
# and it tells a third party who uses the admin).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# No request from editors' browsers to releases.wagtail.org: upgrades come through requirements.txt.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# The same pixel limit as every other upload (core.uploads.MAX_IMAGE_PIXELS).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000

# ------------------------------------------------------------------------------
# Security
# ------------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
# Wagtail marks its preview views SAMEORIGIN itself; everything else refuses framing.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
# Content-Security-Policy (django-csp): scripts only from our own static files, never inline; styles
# may be inline (Bootstrap's and ECharts' scripts set them). Images may be data: URIs (Bootstrap's icons).
# Stripe Checkout is a redirect, so no Stripe origin is needed.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        # Embedded videos in pages' bodies (wagtail.embeds) come from their providers over HTTPS.
        "frame-src": [SELF, "https:"],
        "frame-ancestors": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
    },
}
# The Wagtail admin (/admin/) writes inline scripts of its own;
# core.middleware.ContentSecurityPolicyMiddleware replaces this directive there.
CONTENT_SECURITY_POLICY_ADMIN_REPLACE = {"script-src": [SELF, UNSAFE_INLINE]}
# Permissions-Policy (django-permissions-policy): no page of the site uses these browser features.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
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
# Reverse proxies in front of the site (addresses or networks, e.g. 10.0.0.0/8): only a request from one
# of these has its X-Forwarded-For read for the client's address (core.network.client_ip).
TRUSTED_PROXIES = env.list("DJANGO_TRUSTED_PROXIES", default=[])

# ------------------------------------------------------------------------------
# Rights protection (rights app)
# ------------------------------------------------------------------------------
# Anonymous infringement reports accepted from one client address per hour.
RIGHTS_ANONYMOUS_REPORTS_PER_HOUR = env.int("RIGHTS_ANONYMOUS_REPORTS_PER_HOUR", default=5)
# Wrong tracking-number/secret pairs allowed from one client address per hour on the status page.
RIGHTS_STATUS_CHECKS_PER_HOUR = env.int("RIGHTS_STATUS_CHECKS_PER_HOUR", default=20)
# A report form sent back sooner than this after it was shown is treated as a robot's (spam trap).
RIGHTS_MIN_FILL_SECONDS = env.int("RIGHTS_MIN_FILL_SECONDS", default=3)
# Open cases without a step for more than this many days are flagged in the handling queue.
RIGHTS_STALE_AFTER_DAYS = env.int("RIGHTS_STALE_AFTER_DAYS", default=5)

# ------------------------------------------------------------------------------
# Listings (transaction and pledge-financing postings)
# ------------------------------------------------------------------------------
# Postings one organisation may send to review per day (anti-spam).
LISTINGS_DAILY_SUBMISSION_LIMIT = env.int("LISTINGS_DAILY_SUBMISSION_LIMIT", default=10)

# ------------------------------------------------------------------------------
# Training (training app)
# ------------------------------------------------------------------------------
# How long a place on a paid course is held for its payment before it goes to the waiting list.
TRAINING_PAYMENT_HOLD_MINUTES = env.int("TRAINING_PAYMENT_HOLD_MINUTES", default=30)

# ------------------------------------------------------------------------------
# Targets (targets app)
# ------------------------------------------------------------------------------
# Data rows one import file may hold; reading stops at the limit.
TARGETS_IMPORT_MAX_ROWS = env.int("TARGETS_IMPORT_MAX_ROWS", default=2000)

# ------------------------------------------------------------------------------
# Open read API (api app)
# ------------------------------------------------------------------------------
# Requests per client address (anonymous) and per API key; counted in the cache (Redis in production).
API_ANONYMOUS_RATE = env("API_ANONYMOUS_RATE", default="60/min")
API_KEY_RATE = env("API_KEY_RATE", default="1000/min")
# Only the API's views use REST framework's classes (api.views.PublicReadView); Wagtail's admin API keeps its own.
REST_FRAMEWORK = {"DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema"}
SPECTACULAR_SETTINGS = {
    # `check --deploy` must not need a migrated database; the schema lists choices read from it (service
    # categories), and the contract tests generate and check it against a migrated one in every test run.
    "ENABLE_DJANGO_DEPLOY_CHECK": False,
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "PREPROCESSING_HOOKS": ["api.schema.only_the_read_api"],
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "api.schema.describe_api"],
}
# Any origin may read the API (GET, HEAD and their preflight); nothing else of the site is shared.
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = ["accept", "authorization", "x-api-key", "if-none-match", "if-modified-since"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Retry-After"]

# ------------------------------------------------------------------------------
# Logging
# ------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
    "loggers": {"jieba": {"level": "WARNING"}, "django_tasks": {"level": "WARNING"}},
}
