"""How long planning email review requests and reading their answers back take.

1. ``requests --at T`` on a store of N clients (default 50,000) who all attended a class in the
   last two days, half of them due a business request too: the planning of one instant.
2. One ``fetch-inbox`` pass over M answers (default 1,000) waiting in a loopback Dovecot
   (started here, as the tests do), each recorded as a review and moved.

    PYTHONPATH=src:. python bench/requests_and_inbox.py [--clients 50000] [--answers 1000]
"""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
import time
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from sqlalchemy import func, insert, select
from tests.support.dovecot import DovecotServer, MailboxUser, dovecot_server

from feedback_desk.clock import FixedClock
from feedback_desk.domain.kinds import (
    Channel,
    MessageKind,
    OutboxState,
    PromptOutcome,
    RequestState,
    ReviewKind,
)
from feedback_desk.domain.localtime import local_day
from feedback_desk.services.inbox.fetch import fetch_inbox
from feedback_desk.services.inbox.imap import ImapClientTransport
from feedback_desk.services.requests.planning import due_requests
from feedback_desk.services.settings import load_settings, set_setting
from feedback_desk.services.settings_admin import change_secret
from feedback_desk.services.studio import open_studio
from feedback_desk.store.database import Store
from feedback_desk.store.models import (
    Attendance,
    ClassSession,
    ClassType,
    Client,
    Coach,
    OutboxMessage,
    Prompt,
    Review,
    ReviewRequest,
)

AT = datetime(2026, 5, 15, 14, 0, tzinfo=UTC)  # 10:00 in Toronto


def _settings(store: object, values: dict[str, str]) -> None:
    with store.write() as session:  # type: ignore[attr-defined]
        for key, value in values.items():
            set_setting(session, key, value, at=AT, actor="bench")


def build_clients(path: Path, clients: int) -> None:
    store = open_studio(path)
    _settings(store, {"requests.email_enabled": "yes", "smtp.sender": "hello@studio.example"})
    with store.write() as session:
        session.add(Coach(id=1, external_id="E1", first_name="Julie", last_name="Roy"))
        session.add(ClassType(id=1, name="Spin 45"))
        session.flush()
        session.execute(
            insert(ClassSession),
            [
                {
                    "id": n + 1,
                    "external_id": f"S{n}",
                    "class_id": 1,
                    "coach_id": 1,
                    "starts_at": AT - timedelta(hours=3 + n),
                    "duration_min": 60,
                }
                for n in range(40)
            ],
        )
        session.execute(
            insert(Client),
            [
                {
                    "id": c,
                    "external_id": f"C{c}",
                    "first_name": "F",
                    "last_name": f"L{c}",
                    "search_key": f"f l{c} c{c}",
                    "email": f"c{c}@x.example",
                    "email_consent": True,
                    "created_at": AT - timedelta(days=400),
                    "updated_at": AT,
                }
                for c in range(1, clients + 1)
            ],
        )
        session.execute(
            insert(Attendance),
            [
                {"session_id": 1 + c % 40, "client_id": c, "present": True}
                for c in range(1, clients + 1)
            ],
        )
        tz = load_settings(session).timezone
        old = AT - timedelta(days=200)
        session.execute(
            insert(Review),
            [
                {
                    "external_id": f"R{c}",
                    "client_id": c,
                    "kind": ReviewKind.BUSINESS,
                    "stars": 5,
                    "channel": Channel.IMPORT,
                    "created_at": old if c % 2 else AT - timedelta(days=20),
                    "local_day": local_day(old if c % 2 else AT - timedelta(days=20), tz),
                }
                for c in range(1, clients + 1)
            ],
        )
    store.close()


def bench_planning(clients: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite"
        started = time.perf_counter()
        build_clients(path, clients)
        built = time.perf_counter() - started
        store = open_studio(path)
        with store.read() as session:
            settings = load_settings(session)
            started = time.perf_counter()
            due = due_requests(session, settings, AT)
            planned = time.perf_counter() - started
        store.close()
    kinds = {kind: sum(d.kind is kind for d in due) for kind in ReviewKind}
    print(f"planning: {clients:,} clients (store built in {built:.1f} s)")
    print(
        f"  requests --at T: {planned:.2f} s, {len(due):,} due "
        f"({kinds[ReviewKind.BUSINESS]:,} business, {kinds[ReviewKind.CLASS]:,} class)"
    )


def sent_requests(store: object, answers: int) -> list[tuple[str, str]]:
    """M sent class requests (their outbox emails and prompts); their (Message-ID, token)."""
    sent_at = AT - timedelta(hours=20)
    refs = []
    with store.write() as session:  # type: ignore[attr-defined]
        tz = load_settings(session).timezone
        session.add(Coach(id=1, external_id="E1", first_name="Julie", last_name="Roy"))
        session.add(ClassType(id=1, name="Spin 45"))
        session.flush()
        for n in range(1, answers + 1):
            session.add(
                Client(
                    id=n,
                    external_id=f"C{n}",
                    first_name="F",
                    last_name=f"L{n}",
                    search_key=f"c{n}",
                    email=f"c{n}@x.example",
                    email_consent=True,
                    created_at=AT,
                    updated_at=AT,
                )
            )
            session.add(
                ClassSession(
                    id=n,
                    external_id=f"S{n}",
                    class_id=1,
                    coach_id=1,
                    starts_at=sent_at - timedelta(hours=3),
                    duration_min=60,
                )
            )
            message_id = f"<bench.{n}@studio.example>"
            session.add(
                OutboxMessage(
                    id=n,
                    kind=MessageKind.REVIEW_REQUEST,
                    recipients=f"c{n}@x.example",
                    subject="How was Spin 45?",
                    body_text="…",
                    client_id=n,
                    state=OutboxState.SENT,
                    scheduled_at=sent_at,
                    next_attempt_at=sent_at,
                    message_id=message_id,
                    sent_at=sent_at,
                    created_at=sent_at,
                )
            )
            session.add(
                Prompt(
                    id=n,
                    client_id=n,
                    kind=ReviewKind.CLASS,
                    session_id=n,
                    shown_at=sent_at,
                    local_day=local_day(sent_at, tz),
                    outcome=PromptOutcome.ABANDONED,
                    channel=Channel.EMAIL,
                )
            )
            token = f"{n:022d}".replace("0", "A")
            session.add(
                ReviewRequest(
                    token=token,
                    client_id=n,
                    kind=ReviewKind.CLASS,
                    session_id=n,
                    send_at=sent_at,
                    state=RequestState.SENT,
                    queued_at=sent_at,
                    outbox_message_id=n,
                    sent_at=sent_at,
                    prompt_id=n,
                    dedup_key=f"request:{n}",
                    language="en",
                )
            )
            refs.append((message_id, token))
    return refs


def mailbox_store(folder: Path, server: DovecotServer, user: MailboxUser) -> Store:
    """A new store in *folder* that reads *user*'s mailbox (its password in a file keyring in
    *folder*: the bench never touches a real keyring)."""
    os.environ["PYTHON_KEYRING_BACKEND"] = "tests.support.keyring_backend.TestKeyring"
    os.environ["FEEDBACK_DESK_TEST_KEYRING"] = str(folder / "keyring.json")
    store = open_studio(folder / "bench.sqlite")
    _settings(
        store,
        {
            "imap.host": "127.0.0.1",
            "imap.port": str(server.port),
            "imap.security": "none",
            "imap.username": user.username,
        },
    )
    change_secret(store, "imap.password", user.password, clock=FixedClock(AT))
    return store


def append_answers(user: MailboxUser, refs: list[tuple[str, str]]) -> None:
    """Each request's answer in the mailbox, as a client's mail program writes it."""
    client = user.client()
    for n, (message_id, _token) in enumerate(refs, start=1):
        reply = EmailMessage()
        reply["From"] = f"c{n}@x.example"
        reply["Subject"] = "Re: How was Spin 45?"
        reply["Date"] = format_datetime(AT - timedelta(hours=1))
        reply["In-Reply-To"] = message_id
        reply.set_content(f"{1 + n % 5} thanks!\n\nOn Thu, Studio wrote:\n> How was it?\n")
        client.append("INBOX", bytes(reply))
    client.logout()


def bench_fetch(answers: int) -> None:
    with dovecot_server() as server, tempfile.TemporaryDirectory() as folder:
        if server is None:
            print("fetch: skipped, Dovecot is not installed")
            return
        user = server.add_user()
        store = mailbox_store(Path(folder), server, user)
        append_answers(user, sent_requests(store, answers))
        started = time.perf_counter()
        summary = fetch_inbox(store, transport=ImapClientTransport(), clock=FixedClock(AT))
        took = time.perf_counter() - started
        with store.read() as session:
            recorded = session.scalar(select(func.count()).select_from(Review))
        store.close()
    print(f"fetch: {answers:,} answers in a loopback Dovecot")
    print(
        f"  fetch-inbox: {took:.1f} s, {summary.reviews:,} reviews recorded ({recorded:,} in store)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=50_000)
    parser.add_argument("--answers", type=int, default=1_000)
    args = parser.parse_args()
    print(
        f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}"
    )
    bench_planning(args.clients)
    bench_fetch(args.answers)


if __name__ == "__main__":
    main()
