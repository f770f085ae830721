"""How a mail connection is protected, shared by SMTP and IMAP settings.

Kept apart from `smtp.py` so that reading the settings (at start-up, for the inbox) does not
load `smtplib`."""

from __future__ import annotations

from enum import StrEnum


class Security(StrEnum):
    NONE = "none"
    STARTTLS = "starttls"
    SSL = "ssl"
