"""A copy of the store (a backup, a test copy) never acts as the studio until staff confirm it is
the live store: no email, no use or change of the studio's passwords."""

from __future__ import annotations

import io
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import select

from feedback_desk.cli import main
from feedback_desk.clock import ManualClock
from feedback_desk.domain.kinds import Channel, OutboxState
from feedback_desk.services import secrets
from feedback_desk.store.database import Store, open_store
from feedback_desk.store.models import OutboxMessage, Setting
from tests.conftest import CliResult
from tests.email.factory import add_client, add_review, configure, smtp_settings
from tests.support.postgres import copy_database
from tests.support.smtp_server import SmtpServer


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    server = SmtpServer().start()
    yield server
    server.stop()


def run(location: str, *args: str) -> CliResult:
    out, err = io.StringIO(), io.StringIO()
    code = main([*args, "--store", location], stdout=out, stderr=err)
    return CliResult(code, out.getvalue(), err.getvalue())


def copy_store(location: str, tmp_path: Path) -> str:
    """What a backup tool does: a consistent copy, as a new file or a new database."""
    if "://" not in location:
        copy = tmp_path / "backup" / "studio-copy.sqlite"
        copy.parent.mkdir()
        with closing(sqlite3.connect(location)) as source, closing(sqlite3.connect(copy)) as target:
            source.backup(target)
        return str(copy)
    server, name = location.rsplit("/", 1)
    return copy_database(server, name, f"{name}_copy")


def an_alert(store: Store, clock: ManualClock, client_id: str) -> None:
    with store.write() as session:
        client = add_client(session, client_id)
        add_review(session, client, 2, clock.now(), channel=Channel.STAFF)


def states(location: str) -> list[OutboxState]:
    store = open_store(location)
    try:
        with store.read() as session:
            return list(session.scalars(select(OutboxMessage.state).order_by(OutboxMessage.id)))
    finally:
        store.close()


def test_a_copy_of_the_store_sends_no_email_until_it_is_made_live(
    any_store_location: str, smtp_server: SmtpServer, clock: ManualClock, tmp_path: Path
) -> None:
    studio = open_store(any_store_location)
    configure(studio, **smtp_settings(smtp_server), studio__manager_emails="boss@studio.example")
    an_alert(studio, clock, "C1")
    assert run(any_store_location, "send-outbox").code == 0
    an_alert(studio, clock, "C2")
    studio.close()

    copy = copy_store(any_store_location, tmp_path)
    refused = run(copy, "send-outbox")
    assert refused.code == 1
    assert "is a copy of the studio's live store" in refused.err
    assert "feedback-desk store make-live" in refused.err
    assert len(refused.err.strip().splitlines()) == 1
    assert "Traceback" not in refused.err
    assert len(smtp_server.handler.received) == 1, "the copy emailed as the studio"
    assert states(copy) == [OutboxState.SENT, OutboxState.QUEUED], "the copy's outbox is untouched"
    assert "is a copy of the live store" in run(copy, "store", "status").out

    # The studio's own store keeps sending.
    assert run(any_store_location, "send-outbox").code == 0
    assert len(smtp_server.handler.received) == 2

    # Staff confirm the copy is now the live store: it sends, and the former one is the copy.
    made = run(copy, "store", "make-live")
    assert made.code == 0
    assert "is now the studio's live store" in made.out
    assert run(copy, "send-outbox").code == 0
    assert len(smtp_server.handler.received) == 3
    assert run(any_store_location, "send-outbox").code == 1


def test_a_copy_cannot_change_the_studios_password_in_the_keyring(
    store_path: Path, tmp_path: Path
) -> None:
    location = str(store_path)
    assert run(location, "config", "smtp.password", "studio-secret").code == 0
    copy = copy_store(location, tmp_path)

    refused = run(copy, "config", "smtp.password", "test-secret")
    assert refused.code == 1
    assert "is a copy of the studio's live store" in refused.err
    studio = open_store(location)
    with studio.read() as session:
        store_id = session.get(Setting, "internal.store_id")
        assert store_id is not None
    studio.close()
    assert secrets.get_secret(store_id.value, "smtp.password") == "studio-secret"
    # Reading the settings still works on the copy.
    assert "smtp.password = (set, in the system keyring)" in run(copy, "config").out


def test_the_same_database_named_with_another_user_or_driver_is_the_same_store() -> None:
    from sqlalchemy.engine import make_url

    from feedback_desk.store.engine import location_key

    one = location_key(make_url("postgresql+psycopg://desk:pw@DB.example:5432/studio"))
    other = location_key(make_url("postgresql://owner@db.example:5432/studio"))
    assert one == other
    assert one != location_key(make_url("postgresql+psycopg://desk@db.example:5432/studio_copy"))
