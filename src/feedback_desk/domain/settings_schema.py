"""Every studio setting: its key, default, type and how a typed-in value is checked.

Values are stored as canonical strings (booleans as ``yes``/``no``). Secrets are only named here:
their values live in the system keyring, never in the store. ``kiosk.pin`` is stored hashed.

A refused value raises :class:`InvalidSetting`: its text is the English sentence the command line
prints; its :class:`Problem` code and parameters let the window say the same in its own language.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from email.headerregistry import Address
from enum import StrEnum

from feedback_desk.domain.localtime import zone
from feedback_desk.domain.values import format_bool, parse_bool


class Kind(StrEnum):
    TEXT = "text"
    HOST = "host"
    INT = "int"
    FLOAT = "float"
    BOOL = "bool"
    CHOICE = "choice"
    TIMEZONE = "timezone"
    EMAILS = "emails"
    EMAIL = "email"
    URL = "url"
    SECRET = "secret"
    HASHED = "hashed"


@dataclass(frozen=True)
class SettingDef:
    key: str
    default: str
    kind: Kind
    help: str
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    # An empty value is refused (e.g. the studio's name).
    required: bool = False

    @property
    def is_secret(self) -> bool:
        return self.kind is Kind.SECRET


_DEFS: tuple[SettingDef, ...] = (
    SettingDef(
        "studio.name",
        "My studio",
        Kind.TEXT,
        "shown in emails and the window title",
        required=True,
    ),
    SettingDef(
        "studio.timezone", "America/Toronto", Kind.TIMEZONE, "IANA zone for every day and month"
    ),
    SettingDef(
        "studio.language", "fr", Kind.CHOICE, "language for clients without one", ("fr", "en")
    ),
    SettingDef(
        "studio.manager_emails", "", Kind.EMAILS, "comma-separated addresses for internal alerts"
    ),
    SettingDef("studio.address", "", Kind.TEXT, "postal address printed under commercial emails"),
    SettingDef("reviews.enabled", "yes", Kind.BOOL, "collect reviews at all"),
    SettingDef("reviews.class_enabled", "yes", Kind.BOOL, "ask for class reviews"),
    SettingDef("reviews.business_enabled", "yes", Kind.BOOL, "ask for business reviews"),
    SettingDef(
        "reviews.business_every_months",
        "3",
        Kind.INT,
        "months between business prompts",
        minimum=1,
        maximum=24,
    ),
    SettingDef(
        "reviews.business_question_fr",
        "Comment évaluez-vous votre expérience avec {studio} ?",
        Kind.TEXT,
        "the business question in French ({studio} is replaced)",
        required=True,
    ),
    SettingDef(
        "reviews.business_question_en",
        "How would you rate your experience with {studio}?",
        Kind.TEXT,
        "the business question in English ({studio} is replaced)",
        required=True,
    ),
    SettingDef(
        "aspects.auto_approve",
        "no",
        Kind.BOOL,
        "offer client-added aspects without a manager's approval",
    ),
    SettingDef(
        "alerts.at_risk_enabled",
        "yes",
        Kind.BOOL,
        "internal email for every review of 3 stars or fewer",
    ),
    SettingDef(
        "loop.nonrespondent_prompts",
        "2",
        Kind.INT,
        "prompts shown in 90 days, none answered",
        minimum=1,
    ),
    SettingDef(
        "loop.nonrespondent_days", "90", Kind.INT, "window for non-respondents, in days", minimum=1
    ),
    SettingDef(
        "trends.window_days", "30", Kind.INT, "recent window of the satisfaction trends", minimum=1
    ),
    SettingDef(
        "trends.client_min_usual",
        "3",
        Kind.INT,
        "client reviews needed before the window",
        minimum=1,
    ),
    SettingDef(
        "trends.client_min_recent", "2", Kind.INT, "client reviews needed in the window", minimum=1
    ),
    SettingDef(
        "trends.coach_min_usual",
        "10",
        Kind.INT,
        "coach reviews needed before the window",
        minimum=1,
    ),
    SettingDef(
        "trends.coach_min_recent", "3", Kind.INT, "coach reviews needed in the window", minimum=1
    ),
    SettingDef(
        "trends.drop_stars",
        "1.0",
        Kind.FLOAT,
        "drop in mean stars that counts",
        minimum=0.1,
        maximum=4,
    ),
    SettingDef("smtp.host", "", Kind.HOST, "outgoing mail server"),
    SettingDef("smtp.port", "587", Kind.INT, "outgoing mail port", minimum=1, maximum=65535),
    SettingDef(
        "smtp.security",
        "starttls",
        Kind.CHOICE,
        "none, starttls or ssl",
        ("none", "starttls", "ssl"),
    ),
    SettingDef("smtp.username", "", Kind.TEXT, "login on the mail server"),
    SettingDef("smtp.password", "", Kind.SECRET, "password on the mail server (system keyring)"),
    SettingDef("smtp.sender", "", Kind.EMAIL, "From address of every email"),
    SettingDef(
        "smtp.timeout_seconds",
        "30",
        Kind.INT,
        "seconds to wait for the mail server before giving up",
        minimum=1,
        maximum=600,
    ),
    SettingDef("outbox.per_minute", "30", Kind.INT, "sending rate limit", minimum=1, maximum=10000),
    SettingDef(
        "outbox.interval_seconds",
        "60",
        Kind.INT,
        "how often the open window sends what is due; 0 = only on demand",
        minimum=0,
        maximum=86400,
    ),
    SettingDef(
        "email.unsubscribe_url",
        "",
        Kind.URL,
        "optional https page to unsubscribe ({client} is replaced); a mailto link is always given",
    ),
    SettingDef("google.review_link", "", Kind.URL, "the link sent in Google invitations"),
    SettingDef(
        "google.invitation_mode",
        "five_star_pair",
        Kind.CHOICE,
        "five_star_pair (two 5-star reviews in a row) or after_sessions",
        ("five_star_pair", "after_sessions"),
    ),
    SettingDef(
        "google.invitation_sessions",
        "5",
        Kind.INT,
        "attended sessions before an invitation",
        minimum=1,
    ),
    SettingDef(
        "google.reinvite_months",
        "4",
        Kind.INT,
        "months before a client is invited again",
        minimum=1,
    ),
    SettingDef(
        "google.invitation_hour",
        "10",
        Kind.INT,
        "local hour invitations are sent",
        minimum=0,
        maximum=23,
    ),
    SettingDef(
        "google.invitation_expiry_days",
        "7",
        Kind.INT,
        "days after which an unsent invitation is dropped",
        minimum=1,
    ),
    SettingDef(
        "google.api_base_url", "", Kind.URL, "one base URL replacing the three Google API hosts"
    ),
    SettingDef(
        "google.sync_minutes",
        "30",
        Kind.INT,
        "automatic sync interval while the window is open; 0 = off",
        minimum=0,
    ),
    SettingDef(
        "requests.email_enabled", "no", Kind.BOOL, "send email review requests after classes"
    ),
    SettingDef(
        "requests.require_consent",
        "no",
        Kind.BOOL,
        "send review requests only to clients who agreed to receive email",
    ),
    SettingDef(
        "requests.delay_hours",
        "2",
        Kind.INT,
        "hours after the end of a class before its request is due",
        minimum=0,
        maximum=72,
    ),
    SettingDef(
        "requests.earliest_hour",
        "9",
        Kind.INT,
        "requests are sent from this local hour...",
        minimum=0,
        maximum=23,
    ),
    SettingDef(
        "requests.latest_hour",
        "20",
        Kind.INT,
        "...until this local hour (later ones wait for the next morning)",
        minimum=0,
        maximum=23,
    ),
    SettingDef(
        "requests.email_every_days",
        "7",
        Kind.INT,
        "at most one email request per client in this many days",
        minimum=1,
        maximum=365,
    ),
    SettingDef(
        "requests.expiry_hours",
        "48",
        Kind.INT,
        "a request not queued this many hours after its time is dropped",
        minimum=1,
        maximum=24 * 30,
    ),
    SettingDef(
        "requests.answer_days",
        "14",
        Kind.INT,
        "days a client has to answer a request",
        minimum=1,
        maximum=365,
    ),
    SettingDef(
        "requests.reply_to",
        "",
        Kind.EMAIL,
        "address the answer links write to (empty: the sender address)",
    ),
    SettingDef(
        "web.public_base_url",
        "",
        Kind.URL,
        "public address of the client pages; when set, answer links open the answer page",
    ),
    SettingDef("imap.host", "", Kind.HOST, "the studio's mailbox server (IMAP)"),
    SettingDef("imap.port", "993", Kind.INT, "IMAP port", minimum=1, maximum=65535),
    SettingDef(
        "imap.security", "ssl", Kind.CHOICE, "ssl, starttls or none", ("ssl", "starttls", "none")
    ),
    SettingDef("imap.username", "", Kind.TEXT, "login on the mailbox server"),
    SettingDef("imap.password", "", Kind.SECRET, "password of the mailbox (system keyring)"),
    SettingDef("imap.folder", "INBOX", Kind.TEXT, "folder where clients' answers arrive"),
    SettingDef(
        "imap.processed_folder",
        "Feedback Desk",
        Kind.TEXT,
        "folder our processed messages are moved to (created when missing)",
    ),
    SettingDef(
        "imap.timeout_seconds",
        "30",
        Kind.INT,
        "seconds to wait for the mailbox server before giving up",
        minimum=1,
        maximum=600,
    ),
    SettingDef(
        "inbox.interval_seconds",
        "120",
        Kind.INT,
        "how often the open window reads the mailbox; 0 = only on demand",
        minimum=0,
        maximum=86400,
    ),
    SettingDef(
        "nps.enabled",
        "no",
        Kind.BOOL,
        "also ask business reviews the 0-10 recommendation question",
    ),
    SettingDef(
        "import.date_order",
        "dmy",
        Kind.CHOICE,
        "how imports read 03/04/2026: dmy (3 April) or mdy (March 4, US exports)",
        ("dmy", "mdy"),
    ),
    SettingDef(
        "import.watch_folder",
        "",
        Kind.TEXT,
        "folder whose CSV files are imported on their own; empty = off",
    ),
    SettingDef(
        "import.settle_seconds",
        "5",
        Kind.INT,
        "seconds a file in the watch folder must stay unchanged before it is imported",
        minimum=0,
        maximum=3600,
    ),
    SettingDef("kiosk.pin", "", Kind.HASHED, "staff PIN to leave kiosk mode (stored hashed)"),
    SettingDef(
        "kiosk.idle_seconds",
        "20",
        Kind.INT,
        "seconds without a touch before the kiosk resets",
        minimum=5,
    ),
    SettingDef(
        "testimonials.expiry_days",
        "30",
        Kind.INT,
        "days a client has to answer an invitation to recommend the studio",
        minimum=1,
        maximum=365,
    ),
    SettingDef(
        "testimonials.question_1_fr",
        "Qu'est-ce qui vous a amené à {studio} ?",
        Kind.TEXT,
        "the testimonial's first question in French ({studio} is replaced)",
    ),
    SettingDef(
        "testimonials.question_1_en",
        "What brought you to {studio}?",
        Kind.TEXT,
        "the testimonial's first question in English ({studio} is replaced)",
    ),
    SettingDef(
        "testimonials.question_2_fr",
        "Qu'est-ce qui a changé pour vous depuis ?",
        Kind.TEXT,
        "the testimonial's second question in French ({studio} is replaced)",
    ),
    SettingDef(
        "testimonials.question_2_en",
        "What has changed for you since?",
        Kind.TEXT,
        "the testimonial's second question in English ({studio} is replaced)",
    ),
    SettingDef("web.enabled", "no", Kind.BOOL, "serve the client pages while the window is open"),
    SettingDef(
        "web.host",
        "0.0.0.0",
        Kind.TEXT,
        "address the client pages listen on (0.0.0.0: every network of this PC)",
    ),
    SettingDef("web.port", "8765", Kind.INT, "port of the client pages", minimum=1, maximum=65535),
)

SETTINGS: dict[str, SettingDef] = {d.key: d for d in _DEFS}

# What str.splitlines() breaks on: anything a mail client or a screen may take for a new line.
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
PIN_MIN_DIGITS = 4
PIN_MAX_DIGITS = 12
_PIN = re.compile(rf"^\d{{{PIN_MIN_DIGITS},{PIN_MAX_DIGITS}}}$")
# A server name or address as typed in a mail program: no scheme, path, login or spaces.
_HOST = re.compile(r"^[^\s/@]+$")


class Problem(StrEnum):
    """Why a value is refused (the window words each in the interface language)."""

    REQUIRED = "required"
    NOT_WHOLE_NUMBER = "not_whole_number"
    NOT_NUMBER = "not_number"
    TOO_SMALL = "too_small"
    TOO_LARGE = "too_large"
    NOT_CHOICE = "not_choice"
    NOT_EMAIL = "not_email"  # params: addresses, every refused one
    NOT_URL = "not_url"
    NOT_HOST = "not_host"
    NOT_TIMEZONE = "not_timezone"
    NOT_PIN = "not_pin"
    NOT_ONE_LINE = "not_one_line"  # a line break or another control character
    SECRET = "secret"


class InvalidSetting(ValueError):
    """A refused value: ``str()`` is the English sentence; ``code`` and ``params`` say it again
    for a translation (``params`` holds the value and the key's limits)."""

    def __init__(self, message: str, code: Problem, key: str = "", **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.key = key
        self.params = params


def definition(key: str) -> SettingDef:
    try:
        return SETTINGS[key]
    except KeyError:
        raise KeyError(
            f"unknown setting {key!r} (see `feedback-desk config` for the list)"
        ) from None


def _check_number(defn: SettingDef, number: float) -> None:
    if defn.minimum is not None and number < defn.minimum:
        raise InvalidSetting(
            f"{defn.key} must be at least {defn.minimum:g}", Problem.TOO_SMALL, defn.key
        )
    if defn.maximum is not None and number > defn.maximum:
        raise InvalidSetting(
            f"{defn.key} must be at most {defn.maximum:g}", Problem.TOO_LARGE, defn.key
        )


def _not_email(candidate: str, reason: str) -> InvalidSetting:
    return InvalidSetting(f"{candidate!r} {reason}", Problem.NOT_EMAIL, addresses=(candidate,))


def check_email(text: str) -> str:
    """A single address, without display name; InvalidSetting (a ValueError) with the reason."""
    candidate = text.strip()
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in candidate):
        raise _not_email(candidate, "contains a control character")
    if candidate.count("@") != 1:
        raise _not_email(candidate, "is not an email address")
    local, domain = candidate.split("@")
    if not local or not domain or " " in candidate or "." not in domain.strip("."):
        raise _not_email(candidate, "is not an email address")
    try:
        Address(addr_spec=candidate)
    except (ValueError, IndexError) as exc:
        raise _not_email(candidate, "is not an email address") from exc
    return candidate


def _normalize_emails(defn: SettingDef, text: str) -> str:
    """Every address checked on its own: the error names each one refused."""
    parts = [p for p in (s.strip() for s in text.replace(";", ",").split(",")) if p]
    good: list[str] = []
    refused: dict[str, InvalidSetting] = {}
    for part in parts:
        try:
            good.append(check_email(part))
        except InvalidSetting as exc:
            refused[part] = exc
    if refused:
        raise InvalidSetting(
            "; ".join(str(exc) for exc in refused.values()),
            Problem.NOT_EMAIL,
            defn.key,
            addresses=tuple(refused),
        )
    return ", ".join(good)


def _normalize_email(defn: SettingDef, text: str) -> str:
    if not text.strip():
        return ""
    try:
        return check_email(text)
    except InvalidSetting as exc:
        raise InvalidSetting(str(exc), exc.code, defn.key, **exc.params) from None


def _normalize_url(defn: SettingDef, text: str) -> str:
    value = text.strip()
    if value and not re.match(r"^https?://[^\s]+$", value):
        raise InvalidSetting(f"{value!r} is not an http(s) URL", Problem.NOT_URL, defn.key)
    return value


def _normalize_host(defn: SettingDef, text: str) -> str:
    value = text.strip()
    if value and not _HOST.match(value):
        raise InvalidSetting(
            f"{value!r} is not a server name (such as smtp.example.com)", Problem.NOT_HOST, defn.key
        )
    return value


def _normalize_int(defn: SettingDef, text: str) -> str:
    try:
        number = int(text.strip())
    except ValueError:
        raise InvalidSetting(
            f"{defn.key} must be a whole number, not {text!r}", Problem.NOT_WHOLE_NUMBER, defn.key
        ) from None
    _check_number(defn, number)
    return str(number)


def _normalize_float(defn: SettingDef, text: str) -> str:
    try:
        number = float(text.strip().replace(",", "."))
    except ValueError:
        raise InvalidSetting(
            f"{defn.key} must be a number, not {text!r}", Problem.NOT_NUMBER, defn.key
        ) from None
    _check_number(defn, number)
    return str(number)


def _normalize_choice(defn: SettingDef, text: str) -> str:
    value = text.strip().lower()
    if value not in defn.choices:
        raise InvalidSetting(
            f"{defn.key} must be one of {', '.join(defn.choices)}, not {text!r}",
            Problem.NOT_CHOICE,
            defn.key,
        )
    return value


def _normalize_timezone(defn: SettingDef, text: str) -> str:
    try:
        zone(text.strip())
    except ValueError as exc:
        raise InvalidSetting(str(exc), Problem.NOT_TIMEZONE, defn.key) from None
    return text.strip()


def _normalize_bool(defn: SettingDef, text: str) -> str:
    try:
        return format_bool(parse_bool(text))
    except ValueError as exc:
        raise InvalidSetting(str(exc), Problem.NOT_CHOICE, defn.key) from None


_NORMALIZERS: dict[Kind, Callable[[SettingDef, str], str]] = {
    Kind.TEXT: lambda _d, t: t.strip(),
    Kind.HOST: _normalize_host,
    Kind.INT: _normalize_int,
    Kind.FLOAT: _normalize_float,
    Kind.BOOL: _normalize_bool,
    Kind.CHOICE: _normalize_choice,
    Kind.TIMEZONE: _normalize_timezone,
    Kind.EMAILS: _normalize_emails,
    Kind.EMAIL: _normalize_email,
    Kind.URL: _normalize_url,
}


def check_single_line(key: str, text: str) -> None:
    """Every setting is one line of plain text (a name ends up in email headers and on
    screens): a line break or another control character inside it is refused, naming it
    (surrounding blanks, a pasted trailing newline included, are trimmed as usual)."""
    for char in text.strip():
        if char in _LINE_BREAKS:
            raise InvalidSetting(
                f"{key} must be on one line: remove the line break from it",
                Problem.NOT_ONE_LINE,
                key,
            )
        if unicodedata.category(char) == "Cc":
            raise InvalidSetting(
                f"{key} contains a control character (U+{ord(char):04X}); type it again without it",
                Problem.NOT_ONE_LINE,
                key,
            )


def normalize(key: str, text: str) -> str:
    """The canonical stored form of *text* for *key*; InvalidSetting saying what is wrong."""
    defn = definition(key)
    check_single_line(key, text)
    if defn.kind is Kind.SECRET:
        raise InvalidSetting(
            f"{key} is a secret: it is kept in the system keyring, not in the store",
            Problem.SECRET,
            key,
        )
    if defn.required and not text.strip():
        raise InvalidSetting(f"{key} must not be empty", Problem.REQUIRED, key)
    if defn.kind is Kind.HASHED:
        if text and not _PIN.match(text.strip()):
            raise InvalidSetting(f"{key} must be 4 to 12 digits", Problem.NOT_PIN, key)
        return text.strip()
    return _NORMALIZERS[defn.kind](defn, text)
