"""Sending over SMTP with ``smtplib``, behind a small injectable transport.

A delivery ends in exactly one of four outcomes, and the outbox relies on the difference:

- ``sent``: the server accepted the message (250 after the data);
- ``temporary``: not sent, try again later (no connection, a 4xx reply before the data was taken);
- ``permanent``: not sent and retrying will not help (a 5xx reply), with the server's own words;
- ``uncertain``: the connection broke after the whole message went out and before the server's
  answer came back: it may have been delivered, so it must never be resent on its own.
"""

from __future__ import annotations

import contextlib
import smtplib
import ssl
from dataclasses import dataclass, field
from email.message import EmailMessage
from enum import StrEnum
from typing import Protocol

from feedback_desk.services.email.addresses import needs_smtputf8


class Security(StrEnum):
    NONE = "none"
    STARTTLS = "starttls"
    SSL = "ssl"


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int
    security: Security
    sender: str
    sender_name: str
    username: str = ""
    password: str | None = field(default=None, repr=False)
    timeout: float = 30.0


class ConnectFailure(Exception):
    """The server could not be reached, refused TLS, or refused the login; its words are kept."""


class Outcome(StrEnum):
    SENT = "sent"
    TEMPORARY = "temporary"
    PERMANENT = "permanent"
    UNCERTAIN = "uncertain"


@dataclass(frozen=True)
class Delivery:
    outcome: Outcome
    detail: str = ""

    @property
    def sent(self) -> bool:
        return self.outcome is Outcome.SENT


class SmtpConnection(Protocol):
    @property
    def usable(self) -> bool:
        """False once the connection broke; the sender opens a new one."""
        ...

    def deliver(self, message: EmailMessage, sender: str, recipients: list[str]) -> Delivery: ...

    def check(self) -> bool:
        """Whether the server still answers (after a pause, it may have hung up)."""
        ...

    def close(self) -> None: ...


class SmtpTransport(Protocol):
    def connect(self, config: SmtpConfig) -> SmtpConnection:
        """An open, logged-in connection; ConnectFailure with a readable reason otherwise."""
        ...


def server_reply(code: int, text: bytes | str) -> str:
    """The server's reply as it said it, e.g. ``550 5.1.1 <x@y>: Recipient address rejected``."""
    words = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    return f"{code} {' '.join(words.split())}".strip()


def _classify(code: int, text: bytes | str, step: str) -> Delivery:
    reply = server_reply(code, text)
    if 400 <= code < 500 or code < 0:
        return Delivery(Outcome.TEMPORARY, f"{step}: {reply}")
    return Delivery(Outcome.PERMANENT, f"{step}: {reply}")


class SmtplibConnection:
    def __init__(self, smtp: smtplib.SMTP) -> None:
        self._smtp = smtp
        self._usable = True

    @property
    def usable(self) -> bool:
        return self._usable

    def _reset(self) -> None:
        try:
            self._smtp.rset()
        except (smtplib.SMTPException, OSError):
            self._usable = False

    def check(self) -> bool:
        try:
            code, _text = self._smtp.noop()
        except (smtplib.SMTPException, OSError):
            code = -1
        if code != 250:
            self._usable = False
        return self._usable

    def deliver(self, message: EmailMessage, sender: str, recipients: list[str]) -> Delivery:
        smtp = self._smtp
        options: list[str] = []
        if needs_smtputf8([sender, *recipients]):
            if not smtp.has_extn("smtputf8"):
                return Delivery(
                    Outcome.PERMANENT,
                    "the server does not accept international addresses (no SMTPUTF8)",
                )
            options = ["SMTPUTF8", "BODY=8BITMIME"]
        payload = message.as_bytes()
        try:
            code, text = smtp.mail(sender, options)
            if code != 250:
                self._reset()
                return _classify(code, text, "sender refused")
            refused: dict[str, Delivery] = {}
            for recipient in recipients:
                code, text = smtp.rcpt(recipient)
                if code not in (250, 251):
                    refused[recipient] = _classify(code, text, f"recipient {recipient} refused")
            if len(refused) == len(recipients):
                self._reset()
                temporary = [d for d in refused.values() if d.outcome is Outcome.TEMPORARY]
                return (temporary or list(refused.values()))[0]
        except (smtplib.SMTPException, OSError) as exc:
            # Before the data: the server cannot have taken the message.
            self._usable = False
            return Delivery(Outcome.TEMPORARY, f"connection lost: {exc}")
        try:
            code, text = smtp.data(payload)
        except smtplib.SMTPDataError as exc:
            # The server answered DATA itself with a refusal: nothing was taken.
            self._reset()
            return _classify(exc.smtp_code, exc.smtp_error, "message refused")
        except (smtplib.SMTPException, OSError) as exc:
            self._usable = False
            return Delivery(
                Outcome.UNCERTAIN,
                f"the connection broke while the server was taking the message ({exc}); "
                "it may have been delivered",
            )
        if code != 250:
            self._reset()
            return _classify(code, text, "message refused")
        if refused:
            partly = "; ".join(d.detail for d in refused.values())
            return Delivery(Outcome.SENT, f"sent, but not to every recipient: {partly}")
        return Delivery(Outcome.SENT)

    def close(self) -> None:
        try:
            self._smtp.quit()
        except (smtplib.SMTPException, OSError):
            self._smtp.close()


class SmtplibTransport:
    """The real transport. *ssl_context* defaults to the system's trusted certificates."""

    def __init__(self, ssl_context: ssl.SSLContext | None = None) -> None:
        self._ssl_context = ssl_context

    def _context(self) -> ssl.SSLContext:
        return self._ssl_context or ssl.create_default_context()

    def connect(self, config: SmtpConfig) -> SmtpConnection:
        where = f"{config.host}:{config.port}"
        smtp: smtplib.SMTP | None = None
        try:
            if config.security is Security.SSL:
                smtp = smtplib.SMTP_SSL(
                    config.host, config.port, timeout=config.timeout, context=self._context()
                )
            else:
                smtp = smtplib.SMTP(config.host, config.port, timeout=config.timeout)
            smtp.ehlo()
            if config.security is Security.STARTTLS:
                if not smtp.has_extn("starttls"):
                    raise ConnectFailure(
                        f"{where} does not offer STARTTLS; choose another security setting"
                    )
                smtp.starttls(context=self._context())
                smtp.ehlo()
            if config.username:
                smtp.login(config.username, config.password or "")
        except ConnectFailure:
            _discard(smtp)
            raise
        except smtplib.SMTPAuthenticationError as exc:
            _discard(smtp)
            raise ConnectFailure(
                f"{where} refused the login of {config.username}: "
                f"{server_reply(exc.smtp_code, exc.smtp_error)}"
            ) from exc
        except smtplib.SMTPResponseException as exc:
            _discard(smtp)
            raise ConnectFailure(
                f"{where} refused the connection: {server_reply(exc.smtp_code, exc.smtp_error)}"
            ) from exc
        except smtplib.SMTPNotSupportedError as exc:
            _discard(smtp)
            raise ConnectFailure(f"{where}: {exc}") from exc
        except (smtplib.SMTPException, OSError) as exc:
            _discard(smtp)
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise ConnectFailure(f"cannot reach the mail server {where}: {reason}") from exc
        return SmtplibConnection(smtp)


def _discard(smtp: smtplib.SMTP | None) -> None:
    if smtp is not None:
        with contextlib.suppress(OSError):
            smtp.close()
