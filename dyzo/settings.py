"""Django settings for Dyzo Lokaal.

Everything that differs between machines comes from the environment. The defaults are for
development only: with DJANGO_DEBUG off, a secret key and allowed hosts must be set.
"""

import base64
import datetime
import hashlib
from pathlib import Path

import dj_database_url
import plotly
from csp.constants import NONE, SELF

from django.utils.translation import gettext_lazy as _

from dyzo.utils.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", True)
SECRET_KEY = env_str("DJANGO_SECRET_KEY", "dev-only-insecure-key" if DEBUG else None)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "django_filters",
    "django_htmx",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "post_office",
    # Only for its bundled Tom Select script and styles (dyzo/utils/widgets.py).
    "django_tomselect",
    "dyzo.accounts",
    "dyzo.localgov",
    "dyzo.agreements",
    "dyzo.outreach",
    "dyzo.dossiers",
    "dyzo.reports",
    "dyzo.insights",
    "dyzo.portal",
    "dyzo.billing",
    "dyzo.knowledge",
    "dyzo.audit",
    "dyzo.privacy",
    "dyzo.backups",
    "dyzo.notifications",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "dyzo.utils.middleware.CheckRequestValuesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # django-otp's OTPMiddleware with the verified state kept in the session.
    "dyzo.accounts.middleware.TwoFactorStateMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "dyzo.accounts.middleware.SessionLimitsMiddleware",
    "dyzo.accounts.middleware.TwoFactorMiddleware",
    "dyzo.audit.context.AuditContextMiddleware",
    "dyzo.audit.reads.ReadAuditMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes asks: it turns a refused login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "dyzo.urls"
WSGI_APPLICATION = "dyzo.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "dyzo" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
            # dyzo/utils is no app; its template tags are named here.
            "libraries": {"dyzo_format": "dyzo.utils.templatetags.dyzo_format"},
        },
    },
]

# The database comes from DATABASE_URL; the default is an SQLite file in the project folder.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers run beside a writer, and IMMEDIATE takes the write lock when a
    # transaction starts: read-then-write transactions then wait instead of failing with
    # "database is locked" (see docs/decisions/0001-sqlite-wal-immediate.md).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["TEST"] = {"NAME": env_str("DJANGO_TEST_SQLITE_NAME", "") or None}

# PostgreSQL role split (docs/deployment.md): DATABASE_URL is the application's role, which
# owns nothing; DATABASE_OWNER_URL, set only where migrations run, names the owner role that
# `migrate` (and the test run's setup) connects as. Only its user and password are used.
_owner_url = env_str("DATABASE_OWNER_URL", "")
DYZO_DATABASE_OWNER = (
    {key: dj_database_url.parse(_owner_url)[key] for key in ("USER", "PASSWORD")}
    if _owner_url
    else None
)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl-be"
LANGUAGES = [("nl-be", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "dyzo" / "locale", BASE_DIR / "dyzo" / "utils" / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True
# Our own date and number formats per language (dyzo/formats, docs/dates.md).
FORMAT_MODULE_PATH = ["dyzo.formats"]

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT", str(BASE_DIR / "var" / "static")))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("DJANGO_MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("DJANGO_MANIFEST_STATIC", not DEBUG)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

EMAIL_BACKEND = env_str("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DJANGO_DEFAULT_FROM_EMAIL", "Dyzo Lokaal <noreply@localhost>")

# Notification mails (docs/notifications.md) go through django-post-office's database queue,
# written in the transaction of the event and sent by `send_mail_queue` with the backend
# above (console in development). A failed attempt is retried after a doubling wait.
POST_OFFICE = {
    "BACKENDS": {"default": EMAIL_BACKEND},
    "DEFAULT_PRIORITY": "medium",
    "MAX_RETRIES": env_int("DYZO_MAIL_MAX_RETRIES", 10),
    "RETRY_INTERVAL": datetime.timedelta(seconds=env_int("DYZO_MAIL_RETRY_FIRST_SECONDS", 60)),
    "LOG_LEVEL": 2,
    "MESSAGE_ID_ENABLED": True,
    "THREADS_PER_PROCESS": 1,
    "CELERY_ENABLED": False,
}
DYZO_MAIL_RETRY_FIRST_SECONDS = env_int("DYZO_MAIL_RETRY_FIRST_SECONDS", 60)
DYZO_MAIL_RETRY_MAX_SECONDS = env_int("DYZO_MAIL_RETRY_MAX_SECONDS", 6 * 60 * 60)
# Links in mails point here.
DYZO_BASE_URL = env_str("DYZO_BASE_URL", "http://localhost:8000")

# Scripts, styles and images only from this site; no CDN, no inline scripts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        # Plotly sets inline styles on the SVG it draws.
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["dyzo.api.permissions.RolePermission"],
    "DEFAULT_PAGINATION_CLASS": "dyzo.api.pagination.KeysetPagination",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "dyzo.api.exceptions.exception_handler",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Dyzo Lokaal API",
    "DESCRIPTION": "Cooperation between Dyzo and Flemish local governments.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "dyzo.api.schema.document_errors",
    ],
    # Each choice set is named after its TextChoices class, so fields named alike ("status",
    # "kind") in different apps do not collide (drf_spectacular.W001 in check --deploy).
    "ENUM_NAME_OVERRIDES": {
        f"{name}Enum": f"dyzo.{app}.constants.{name}"
        for app, names in {
            "accounts": ["Role", "Expertise"],
            "agreements": ["AgreementForm", "AgreementParty", "AgreementStatus", "CaseType"],
            "dossiers": [
                "DossierStatus",
                "DossierBasis",
                "BusinessPhase",
                "Outcome",
                "AdviceChannel",
                "ActivityKind",
                "TeamRole",
                "DocumentKind",
            ],
            "insights": ["Category", "ReportFormat"],
            "localgov": ["PartyKind"],
            "outreach": ["ContactKind", "DeclineReasonCode"],
            # portal.AnswerChannel has the values of dossiers.AdviceChannel: one name serves both.
            "portal": ["RequestKind", "RequestStatus"],
            "reports": ["ReportStatus", "ReportSection"],
            "knowledge": [
                "GuideStatus",
                "GuideLanguage",
                "TriageOutcome",
                "RegistrationStatus",
                "EvaluationScore",
            ],
        }.items()
        for name in names
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
    # WeasyPrint and fontTools narrate every step at INFO.
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# Where the reference data of the local-government registry is read from.
LOCALGOV_DATA_DIR = BASE_DIR / "dyzo" / "localgov" / "data"

# plotly.min.js comes with the plotly package (a package manager), served as our own file.
STATICFILES_DIRS = [
    BASE_DIR / "dyzo" / "static",
    ("vendor/plotly", Path(plotly.__file__).parent / "package_data"),
]
# django-axes first: it refuses locked-out logins before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "dyzo.accounts.backends.RoleBackend",
]

# Audit trail (docs/audit.md): apps whose model rows are logged on every create/change/delete.
DYZO_AUDITED_APPS = [
    "accounts",
    "agreements",
    "outreach",
    "dossiers",
    "reports",
    "portal",
    "privacy",
    "billing",
    "knowledge",
]
# Behind the reverse proxies of docs/deployment.md the client address is the right-most
# X-Forwarded-For entry that none of them added (dyzo.utils.client_address). The old
# DYZO_TRUST_X_FORWARDED_FOR=true means one proxy.
DYZO_TRUSTED_PROXIES = env_int(
    "DYZO_TRUSTED_PROXIES", 1 if env_bool("DYZO_TRUST_X_FORWARDED_FOR", False) else 0
)

# Encryption at rest of personal free text (docs/privacy.md): Fernet keys, newest first.
# Without keys, development (DEBUG) uses a fixed public key; production refuses to start
# reading or writing encrypted fields (and `check --deploy` reports it).
DYZO_DEVELOPMENT_ENCRYPTION_KEY = base64.urlsafe_b64encode(
    hashlib.sha256(b"dyzo-lokaal development key").digest()
).decode()
DYZO_ENCRYPTION_KEYS = env_list("DYZO_ENCRYPTION_KEYS", []) or (
    [DYZO_DEVELOPMENT_ENCRYPTION_KEY] if DEBUG else []
)

# Security (docs/security.md). Production defaults follow DEBUG; each can be set explicitly.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
if env_bool("DJANGO_BEHIND_TLS_PROXY", False):
    # The proxy terminates TLS and says so; only set this when the proxy strips the header
    # from client requests.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
CSRF_COOKIE_HTTPONLY = True  # htmx sends the token from the page (base.html), not the cookie.
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"

# Sessions end after 30 minutes without a request and 10 hours after login
# (dyzo.accounts.middleware.SessionLimitsMiddleware), and with the browser.
SESSION_COOKIE_AGE = env_int("DYZO_SESSION_IDLE_SECONDS", 30 * 60)
DYZO_SESSION_MAX_SECONDS = env_int("DYZO_SESSION_MAX_SECONDS", 10 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Two-factor login (TOTP) for these roles; tests switch it off except where they test it.
DYZO_REQUIRE_2FA = env_bool("DYZO_REQUIRE_2FA", True)
DYZO_2FA_ROLES = ["coordinator", "administrator"]
OTP_TOTP_ISSUER = "Dyzo Lokaal"

# Login throttling (django-axes, docs/security.md): after 5 failures for one username, from
# whatever addresses, the account waits an hour. On top, one address waits after 50 failures
# for any usernames: higher, because a whole municipality may share one address.
AXES_FAILURE_LIMIT = env_int("DYZO_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("DYZO_LOGIN_COOLOFF_HOURS", 1)
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_HANDLER = "dyzo.accounts.lockout.AccountAndAddressHandler"
DYZO_LOGIN_ADDRESS_FAILURE_LIMIT = env_int("DYZO_LOGIN_ADDRESS_FAILURE_LIMIT", 50)
# axes.W006 asks for "ip_address" among the lockout parameters; axes has one limit for all,
# and the address has its own, higher one in AccountAndAddressHandler.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "dyzo.utils.client_address.client_ip"
# Successful logins are in the audit trail already.
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False

# Privacy (docs/privacy.md): years after a dossier's close before apply_retention anonymises.
DYZO_RETENTION_YEARS_AFTER_CLOSE = env_int("DYZO_RETENTION_YEARS_AFTER_CLOSE", 5)
# Days an open dossier may stay in one status before the dashboard calls it overdue.
DYZO_DOSSIER_OVERDUE_DAYS = env_int("DYZO_DOSSIER_OVERDUE_DAYS", 30)

# Billing (docs/billing.md): Dyzo's own details as seller. The defaults are illustrative
# (valid check digits, no real enterprise or account): production sets every one of them.
DYZO_BILLING_SELLER = {
    "name": env_str("DYZO_SELLER_NAME", "Dyzo vzw"),
    "enterprise_number": env_str("DYZO_SELLER_ENTERPRISE_NUMBER", "0876543270"),
    "street": env_str("DYZO_SELLER_STREET", "Voorbeeldstraat 1"),
    "postal_code": env_str("DYZO_SELLER_POSTAL_CODE", "1000"),
    "city": env_str("DYZO_SELLER_CITY", "Brussel"),
    "iban": env_str("DYZO_SELLER_IBAN", "BE11000123456748"),
    "bic": env_str("DYZO_SELLER_BIC", "GKCCBEBB"),
    "email": env_str("DYZO_SELLER_EMAIL", "facturatie@localhost"),
    # VAT: E (exempt, with the reason printed and sent in the UBL) or S (standard rate).
    "vat_category": env_str("DYZO_VAT_CATEGORY", "E"),
    "vat_rate": env_str("DYZO_VAT_RATE", "21"),
    "vat_exemption_reason": env_str(
        "DYZO_VAT_EXEMPTION_REASON", "Vrijgesteld van btw (sociale dienstverlening)"
    ),
    "payment_days": env_int("DYZO_INVOICE_PAYMENT_DAYS", 30),
}
# Where issued invoices go: a class with send(invoice, pdf, ubl) (dyzo/billing/outbox.py).
DYZO_BILLING_OUTBOX = env_str("DYZO_BILLING_OUTBOX", "dyzo.billing.outbox.FolderAndMailOutbox")
DYZO_BILLING_OUTBOX_DIR = Path(env_str("DYZO_BILLING_OUTBOX_DIR", str(BASE_DIR / "var" / "outbox")))
