"""The SMTP configuration from the studio's settings and the keyring, or a clear refusal."""

from __future__ import annotations

from feedback_desk.errors import FeedbackDeskError
from feedback_desk.services import secrets
from feedback_desk.services.email.security import Security
from feedback_desk.services.email.smtp import SmtpConfig
from feedback_desk.services.settings import Settings
from feedback_desk.wording import Wording

PASSWORD_KEY = "smtp.password"


class EmailNotConfigured(FeedbackDeskError):
    """Outgoing mail cannot work yet: what is missing and how to set it."""


def smtp_configured(settings: Settings) -> bool:
    """A server and a sender are set: sending can be tried (the window's outbox runs then)."""
    return bool(settings.text("smtp.host").strip() and settings.text("smtp.sender").strip())


def smtp_config(settings: Settings, store_id: str) -> SmtpConfig:
    """Everything needed to send; EmailNotConfigured (or SecretStoreUnavailable) otherwise."""
    missing: list[Wording] = []
    host = settings.text("smtp.host").strip()
    sender = settings.text("smtp.sender").strip()
    if not host:
        missing.append(
            Wording(
                "no outgoing mail server is set (Settings → Email, or "
                "`feedback-desk config smtp.host mail.example.com`)"
            )
        )
    if not sender:
        missing.append(
            Wording(
                "no sender address is set (Settings → Email, or "
                "`feedback-desk config smtp.sender studio@example.com`)"
            )
        )
    if missing:
        raise EmailNotConfigured(Wording.joined(missing, "; "))
    username = settings.text("smtp.username").strip()
    password = None
    if username:
        password = secrets.read_secret(store_id, PASSWORD_KEY)
        if password is None:
            raise EmailNotConfigured(
                Wording(
                    "smtp.username is {username} but no SMTP password is in the system keyring "
                    "(Settings → Email, or `feedback-desk config smtp.password ...`)",
                    username=username,
                )
            )
    return SmtpConfig(
        host=host,
        port=settings.integer("smtp.port"),
        security=Security(settings.text("smtp.security")),
        sender=sender,
        sender_name=settings.studio_name,
        username=username,
        password=password,
        timeout=float(settings.integer("smtp.timeout_seconds")),
    )
