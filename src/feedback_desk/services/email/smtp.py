"""Sending over SMTP with ``smtplib``, behind a small injectable transport.

A delivery ends in exactly one of five outcomes, and the outbox relies on the difference:

- ``sent``: the server accepted the message (250 after the data);
- ``temporary``: not sent, try again later (no connection, a 4xx reply, or the server stopped
  answering before it had the whole message);
- ``permanent``: not sent and retrying will not help (a 5xx reply), with the server's own words;
- ``setup``: not sent, and no message can be until the studio's mail settings change: the server
  refuses the sender itself (``530``: it wants STARTTLS or a login first; a ``5.7.x`` policy
  refusal of the sender). Nothing about this message was wrong;
- ``uncertain``: the connection broke (or the server stopped answering) after the whole message
  went out and before the server's answer came back: it may have been delivered, so it must
  never be resent on its own.

A delivery that ended because the server stopped answering within ``timeout`` says so
(``stalled``): the sender then stops its run instead of feeding the next message to a server
that hangs.
"""

from __future__ import annotations

import contextlib
import re
import smtplib
import ssl
from dataclasses import dataclass, field
from email.message import EmailMessage
from enum import StrEnum
from typing import Protocol

from feedback_desk.services.email.addresses import needs_smtputf8
from feedback_desk.services.email.security import Security
from feedback_desk.wording import Wording


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
    """The server could not be reached, refused TLS, or refused the login; its words are kept.

    ``str()`` is the English sentence (the command line's); ``wording`` says it in the window's
    language, the server's own words as it wrote them."""

    def __init__(self, wording: Wording) -> None:
        super().__init__(str(wording))
        self.wording = wording


class Outcome(StrEnum):
    SENT = "sent"
    TEMPORARY = "temporary"
    PERMANENT = "permanent"
    SETUP = "setup"
    UNCERTAIN = "uncertain"


@dataclass(frozen=True)
class Delivery:
    outcome: Outcome
    detail: str = ""
    # The server stopped answering (a timeout), as opposed to answering or hanging up.
    stalled: bool = False

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


def _sender_refused(code: int, text: bytes | str) -> Delivery:
    """The reply to MAIL FROM. The sender is the same for every message of the studio, so a
    refusal of *it* (530: authentication or STARTTLS first; 5.7.x: security or policy) is the
    settings' problem, not this message's."""
    reply = server_reply(code, text)
    enhanced = reply.split(" ", 2)[1] if reply.count(" ") >= 1 else ""
    if code == 530 or (500 <= code < 600 and enhanced.startswith("5.7.")):
        return Delivery(Outcome.SETUP, f"sender refused: {reply}")
    return _classify(code, text, "sender refused")


def _timed_out(exc: BaseException) -> bool:
    """A socket timeout, also when smtplib re-raised it as "Connection unexpectedly closed"."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return any(isinstance(link, TimeoutError) for link in chain)


def _data_block(payload: bytes) -> bytes:
    """The message as DATA sends it (what ``smtplib.SMTP.data`` does): leading dots doubled,
    ended by a line holding a single dot."""
    quoted = re.sub(rb"(?m)^\.", b"..", payload)
    if not quoted.endswith(b"\r\n"):
        quoted += b"\r\n"
    return quoted + b".\r\n"


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
                return _sender_refused(code, text)
            refused: dict[str, Delivery] = {}
            for recipient in recipients:
                code, text = smtp.rcpt(recipient)
                if code not in (250, 251):
                    refused[recipient] = _classify(code, text, f"recipient {recipient} refused")
            if len(refused) == len(recipients):
                self._reset()
                temporary = [d for d in refused.values() if d.outcome is Outcome.TEMPORARY]
                return (temporary or list(refused.values()))[0]
            # DATA in its two steps (smtplib.data does both at once), so that a server that
            # stops answering before it has the message is told from one that has it.
            code, text = smtp.docmd("DATA")
            if code != 354:
                self._reset()
                return _classify(code, text, "message refused")
            smtp.send(_data_block(payload))
        except (smtplib.SMTPException, OSError) as exc:
            # Before the final dot: the server cannot have taken the message.
            self._usable = False
            return Delivery(Outcome.TEMPORARY, f"connection lost: {exc}", _timed_out(exc))
        try:
            code, text = smtp.getreply()
        except (smtplib.SMTPException, OSError) as exc:
            self._usable = False
            return Delivery(
                Outcome.UNCERTAIN,
                f"the connection broke while the server was taking the message ({exc}); "
                "it may have been delivered",
                _timed_out(exc),
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
                        Wording(
                            "{where} does not offer STARTTLS; choose another security setting",
                            where=where,
                        )
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
                Wording(
                    "{where} refused the login of {username}: {reply}",
                    where=where,
                    username=config.username,
                    reply=server_reply(exc.smtp_code, exc.smtp_error),
                )
            ) from exc
        except smtplib.SMTPResponseException as exc:
            _discard(smtp)
            raise ConnectFailure(
                Wording(
                    "{where} refused the connection: {reply}",
                    where=where,
                    reply=server_reply(exc.smtp_code, exc.smtp_error),
                )
            ) from exc
        except smtplib.SMTPNotSupportedError as exc:
            _discard(smtp)
            raise ConnectFailure(Wording("{where}: {why}", where=where, why=str(exc))) from exc
        except (smtplib.SMTPException, OSError) as exc:
            _discard(smtp)
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise ConnectFailure(
                Wording(
                    "cannot reach the mail server {where}: {reason}", where=where, reason=reason
                )
            ) from exc
        return SmtplibConnection(smtp)


def _discard(smtp: smtplib.SMTP | None) -> None:
    if smtp is not None:
        with contextlib.suppress(OSError):
            smtp.close()
