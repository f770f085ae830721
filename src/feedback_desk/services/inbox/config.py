"""The IMAP configuration from the studio's settings and the keyring, or a clear refusal."""

from __future__ import annotations

from feedback_desk.errors import FeedbackDeskError
from feedback_desk.services import secrets
from feedback_desk.services.email.security import Security
from feedback_desk.services.inbox.imap import ImapConfig
from feedback_desk.services.settings import Settings
from feedback_desk.wording import Wording

PASSWORD_KEY = "imap.password"


class InboxNotConfigured(FeedbackDeskError):
    """The mailbox cannot be read yet: what is missing and how to set it."""


def inbox_configured(settings: Settings) -> bool:
    """A server and a login are set: the window's periodic fetch runs then."""
    return bool(settings.text("imap.host").strip() and settings.text("imap.username").strip())


def imap_config(settings: Settings, store_id: str, *, password: str | None = None) -> ImapConfig:
    """Everything needed to read the mailbox; InboxNotConfigured (or SecretStoreUnavailable).

    *password*: one staff just typed (Settings → Inbox, "Test connection"), used instead of the
    keyring's."""
    host = settings.text("imap.host").strip()
    username = settings.text("imap.username").strip()
    missing: list[Wording] = []
    if not host:
        missing.append(
            Wording(
                "no mailbox server is set (Settings → Inbox, or "
                "`feedback-desk config imap.host imap.example.com`)"
            )
        )
    if not username:
        missing.append(
            Wording(
                "no mailbox login is set (`feedback-desk config imap.username studio@example.com`)"
            )
        )
    if missing:
        raise InboxNotConfigured(Wording.joined(missing, "; "))
    if password is None:
        password = secrets.read_secret(store_id, PASSWORD_KEY)
    if password is None:
        raise InboxNotConfigured(
            Wording(
                "imap.username is {username} but no mailbox password is in the system "
                "keyring (`feedback-desk config imap.password ...`)",
                username=username,
            )
        )
    return ImapConfig(
        host=host,
        port=settings.integer("imap.port"),
        security=Security(settings.text("imap.security")),
        username=username,
        password=password,
        folder=settings.text("imap.folder").strip() or "INBOX",
        processed_folder=settings.text("imap.processed_folder").strip() or "Feedback Desk",
        timeout=float(settings.integer("imap.timeout_seconds")),
    )
