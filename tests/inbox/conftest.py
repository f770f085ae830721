"""Inbox fixtures: a real Dovecot (one per session, a fresh mailbox per test), the real loopback
SMTP server, and a studio whose requests go out by email and come back through the mailbox."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

import pytest

from feedback_desk.clock import ManualClock
from feedback_desk.services.audit import default_actor
from feedback_desk.services.email.smtp import SmtplibTransport
from feedback_desk.services.inbox.fetch import FetchSummary, fetch_inbox
from feedback_desk.services.inbox.imap import ImapClientTransport
from feedback_desk.services.outbox.pacing import Pacing
from feedback_desk.services.outbox.run import OutboxRun, run_outbox
from feedback_desk.services.settings_admin import change_secret
from feedback_desk.store.database import Store
from tests.email.factory import configure, smtp_settings
from tests.support.dovecot import DovecotServer, MailboxUser, dovecot_server
from tests.support.smtp_server import Received, SmtpServer
from tests.support.studio_builder import StudioBuilder


@pytest.fixture(scope="session")
def dovecot() -> Iterator[DovecotServer]:
    with dovecot_server() as server:
        if server is None:
            pytest.skip("Dovecot is not installed here (Debian: dovecot-imapd; CI installs it)")
        yield server


@pytest.fixture
def mailbox(dovecot: DovecotServer) -> MailboxUser:
    return dovecot.add_user()


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    server = SmtpServer().start()
    yield server
    server.stop()


@dataclass
class Studio:
    """A studio on a real store, sending through the loopback SMTP server and reading the
    Dovecot mailbox; its clock is moved by hand."""

    store: Store
    builder: StudioBuilder
    clock: ManualClock
    smtp: SmtpServer
    mailbox: MailboxUser

    def at(self, text: str) -> datetime:
        return self.builder.at(text)

    def send_outbox(self, when: str) -> OutboxRun:
        self.clock.set(self.at(when))
        return run_outbox(
            self.store,
            clock=self.clock,
            transport=SmtplibTransport(),
            actor=default_actor(),
            pacing=Pacing.on_clock(self.clock),
        )

    def fetch(self, when: str) -> FetchSummary:
        self.clock.set(self.at(when))
        return fetch_inbox(self.store, transport=ImapClientTransport(), clock=self.clock)

    def sent_to(self, address: str) -> list[Received]:
        return [r for r in self.smtp.handler.received if address in r.rcpt_tos]

    def deliver(self, message: EmailMessage, **kwargs: object) -> None:
        self.mailbox.append(bytes(message), **kwargs)  # type: ignore[arg-type]


def reply_to(
    original: Received,
    text: str,
    *,
    sender: str,
    date: datetime,
    subject: str | None = None,
    quote: bool = True,
) -> EmailMessage:
    """A client's reply to *original* as a mail program writes it: threaded, with the quote."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = original.message["From"]
    message["Subject"] = subject if subject is not None else f"Re: {original.subject}"
    message["Date"] = format_datetime(date)
    message["Message-ID"] = make_msgid(domain="members.example")
    message["In-Reply-To"] = original.message["Message-ID"]
    message["References"] = original.message["Message-ID"]
    body = text
    if quote:
        quoted = "\n".join(f"> {line}" for line in original.part("plain").splitlines())
        body += f"\n\nOn {format_datetime(date)}, {original.message['From']} wrote:\n{quoted}\n"
    message.set_content(body)
    return message


def plain_message(subject: str, text: str, *, sender: str, date: datetime) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "hello@studio.example"
    message["Subject"] = subject
    message["Date"] = format_datetime(date)
    message["Message-ID"] = make_msgid(domain="elsewhere.example")
    message.set_content(text)
    return message


@pytest.fixture
def studio(
    store: Store, smtp_server: SmtpServer, dovecot: DovecotServer, mailbox: MailboxUser
) -> Studio:
    builder = StudioBuilder(store)
    configure(
        store,
        **smtp_settings(smtp_server),
        requests__email_enabled="yes",
        imap__host="127.0.0.1",
        imap__port=str(dovecot.port),
        imap__security="none",
        imap__username=mailbox.username,
    )
    clock = ManualClock(builder.at("2026-05-01T08:00"))
    change_secret(store, "imap.password", mailbox.password, clock=clock)
    return Studio(store, builder, clock, smtp_server, mailbox)
