"""The mailbox failing: wrong password, no server, a folder that cannot be made, a fetch killed
midway, and the secure connections (TLS, STARTTLS) with a certificate the studio trusts."""

from __future__ import annotations

import subprocess
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import func, select

from feedback_desk.clock import FixedClock
from feedback_desk.services.inbox.fetch import fetch_inbox
from feedback_desk.services.inbox.imap import ImapClientTransport, MailboxUnavailable
from feedback_desk.services.settings_admin import change_secret
from feedback_desk.store.models import InboxCursor, ProcessedMail, Review
from tests.conftest import PYTHON, subprocess_env
from tests.inbox.conftest import Studio, reply_to
from tests.inbox.test_fetch_answers import AUDREY, request_sent
from tests.support.dovecot import DovecotServer
from tests.support.smtp_server import free_port


def count(studio: Studio, model: type) -> int:
    with studio.store.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_a_wrong_password_is_one_sentence_and_changes_nothing(studio: Studio, cli) -> None:  # type: ignore[no-untyped-def]
    email = request_sent(studio)
    studio.deliver(reply_to(email, "5", sender=AUDREY, date=studio.at("2026-05-15T21:10")))
    change_secret(studio.store, "imap.password", "wrong", clock=studio.clock)
    result = cli("fetch-inbox", "--at", "2026-05-16T08:00")
    assert result.code == 1
    assert result.err.count("\n") == 1
    assert f"refused the login of {studio.mailbox.username}" in result.err
    assert "Traceback" not in result.err
    assert (count(studio, Review), count(studio, InboxCursor)) == (1, 0)  # the older review only
    assert len(studio.mailbox.messages("INBOX")) == 1


def test_no_server_is_one_sentence(studio: Studio, cli) -> None:  # type: ignore[no-untyped-def]
    studio.builder.setting("imap.port", str(free_port()))
    result = cli("fetch-inbox")
    assert result.code == 1
    assert result.err.startswith("error: cannot reach the mailbox server 127.0.0.1:")
    assert result.err.count("\n") == 1


def test_a_processed_folder_that_cannot_be_made_stops_before_anything_is_recorded(
    studio: Studio,
) -> None:
    email = request_sent(studio)
    studio.deliver(reply_to(email, "5", sender=AUDREY, date=studio.at("2026-05-15T21:10")))
    studio.builder.setting("imap.processed_folder", "Feedback/Desk")
    with pytest.raises(MailboxUnavailable, match="create the folder 'Feedback/Desk'"):
        studio.fetch("2026-05-16T08:00")
    assert count(studio, ProcessedMail) == 0
    studio.builder.setting("imap.processed_folder", "Feedback Desk")
    assert studio.fetch("2026-05-16T08:05").reviews == 1


KILLER = textwrap.dedent(
    """
    import os, sys
    from datetime import datetime
    from feedback_desk.clock import FixedClock
    from feedback_desk.services.inbox.fetch import fetch_inbox
    from feedback_desk.services.inbox.imap import ImapClientTransport
    from feedback_desk.store.database import open_store

    store_path, at, die_on, nth = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    calls = {"move": 0, "messages": 0}

    class DiesMidway:
        def __init__(self):
            self.inner = ImapClientTransport()

        def connect(self, config):
            connection = self.inner.connect(config)
            real = getattr(connection, die_on)

            def dying(*args):
                calls[die_on] += 1
                if calls[die_on] == nth:
                    os.kill(os.getpid(), 9)
                return real(*args)

            setattr(connection, die_on, dying)
            return connection

    clock = FixedClock(datetime.fromisoformat(at))
    fetch_inbox(open_store(store_path), transport=DiesMidway(), clock=clock)
    """
)


@pytest.mark.parametrize(
    ("die_on", "recorded_before"),
    [("move", 2), ("messages", 0)],
    ids=["killed-after-recording-before-the-move", "killed-before-recording"],
)
def test_a_fetch_killed_midway_records_each_answer_once(
    studio: Studio, store_path: Path, die_on: str, recorded_before: int
) -> None:
    email = request_sent(studio)
    studio.deliver(reply_to(email, "4 nice", sender=AUDREY, date=studio.at("2026-05-15T21:10")))
    studio.deliver(
        reply_to(email, "Also: parking?", sender=AUDREY, date=studio.at("2026-05-15T21:12"))
    )
    at = studio.at("2026-05-16T08:00").isoformat()
    killed = subprocess.run(
        [PYTHON, "-c", KILLER, str(store_path), at, die_on, "1"],
        env=subprocess_env(),
        cwd=Path(__file__).resolve().parents[2],  # the test keyring lives in tests.support
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert killed.returncode == -9, killed.stderr.decode()
    assert count(studio, ProcessedMail) == recorded_before
    assert len(studio.mailbox.messages("INBOX")) == 2
    summary = fetch_inbox(
        studio.store,
        transport=ImapClientTransport(),
        clock=FixedClock(studio.at("2026-05-16T08:05")),
    )
    assert count(studio, ProcessedMail) == 2
    assert summary.messages == 2 - recorded_before  # only what was not recorded yet
    with studio.store.read() as session:
        stars = list(session.scalars(select(Review.stars).where(Review.channel == "email")))
    assert stars == [4]
    assert studio.mailbox.messages("INBOX") == {}
    assert len(studio.mailbox.messages("Feedback Desk")) == 2


@pytest.mark.parametrize("security", ["ssl", "starttls"])
def test_secure_connections_with_a_trusted_certificate(
    studio: Studio, dovecot: DovecotServer, security: str
) -> None:
    email = request_sent(studio)
    studio.deliver(reply_to(email, "5", sender=AUDREY, date=studio.at("2026-05-15T21:10")))
    port = dovecot.tls_port if security == "ssl" else dovecot.port
    studio.builder.setting("imap.security", security)
    studio.builder.setting("imap.port", str(port))
    clock = FixedClock(studio.at("2026-05-16T08:00"))
    with pytest.raises(MailboxUnavailable, match="no secure connection"):
        fetch_inbox(studio.store, transport=ImapClientTransport(), clock=clock)
    trusted = ImapClientTransport(ssl_context=dovecot.client_context())
    assert fetch_inbox(studio.store, transport=trusted, clock=clock).reviews == 1
