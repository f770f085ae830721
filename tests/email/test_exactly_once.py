"""A crash mid-send leaves that one message uncertain; concurrent senders never share a message."""

from __future__ import annotations

import subprocess
import threading
from collections import Counter
from pathlib import Path

from sqlalchemy import select

from feedback_desk.clock import ManualClock
from feedback_desk.domain.kinds import MessageKind, OutboxState
from feedback_desk.services.email.smtp import SmtplibTransport
from feedback_desk.services.outbox.pacing import Pacing
from feedback_desk.services.outbox.queue import queue_message
from feedback_desk.services.outbox.sender import send_due
from feedback_desk.services.settings import load_settings
from feedback_desk.services.templates.fill import from_plain_text
from feedback_desk.store.database import Store, open_store
from feedback_desk.store.models import OutboxMessage
from tests.conftest import PYTHON, subprocess_env
from tests.support.smtp_server import SmtpServer


def queue_numbered(store: Store, clock: ManualClock, count: int) -> list[str]:
    subjects = [f"Message {n}" for n in range(1, count + 1)]
    with store.write() as session:
        settings = load_settings(session)
        for subject in subjects:
            content = from_plain_text(
                subject,
                f"Body of {subject}",
                settings=settings,
                client=None,
                language="en",
                commercial=False,
            )
            queue_message(
                session,
                kind=MessageKind.TEST,
                recipients=["desk@studio.example"],
                content=content,
                at=clock.now(),
            )
    return subjects


def states_by_subject(store: Store) -> dict[str, OutboxState]:
    with store.read() as session:
        return dict(
            session.execute(select(OutboxMessage.subject, OutboxMessage.state)).all()  # type: ignore[arg-type]
        )


def send_outbox_process(store_path: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [PYTHON, "-m", "feedback_desk", "send-outbox", "--store", str(store_path)],
        env=subprocess_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_sender_killed_while_the_server_holds_a_message_leaves_only_that_one_uncertain(
    mail_store: Store, store_path: Path, smtp_server: SmtpServer, clock: ManualClock
) -> None:
    subjects = queue_numbered(mail_store, clock, 5)
    hold = smtp_server.handler.hold("Message 3")

    sender = send_outbox_process(store_path)
    try:
        assert hold.arrived.wait(60), "the sender never reached message 3"
        sender.kill()
    finally:
        sender.wait(60)
        sender.communicate()
    # The server now takes message 3 after all: it may well have been delivered.
    hold.release()
    assert states_by_subject(mail_store)["Message 3"] is OutboxState.SENDING

    rerun = send_outbox_process(store_path)
    out, err = rerun.communicate(timeout=120)

    assert rerun.returncode == 0, err
    assert "now uncertain" in out
    states = states_by_subject(mail_store)
    assert states.pop("Message 3") is OutboxState.UNCERTAIN
    assert set(states.values()) == {OutboxState.SENT}
    received = Counter(smtp_server.handler.subjects())
    for subject in subjects:
        if subject != "Message 3":
            assert received[subject] == 1, subject
    assert received["Message 3"] <= 1

    third = send_outbox_process(store_path)
    third.communicate(timeout=120)
    assert states_by_subject(mail_store)["Message 3"] is OutboxState.UNCERTAIN
    assert Counter(smtp_server.handler.subjects())["Message 3"] <= 1


def test_two_senders_on_one_store_never_send_a_message_twice(
    mail_store: Store, store_path: Path, smtp_server: SmtpServer, clock: ManualClock
) -> None:
    subjects = queue_numbered(mail_store, clock, 30)
    start = threading.Barrier(2)
    reports = []

    def sender() -> None:
        own_store = open_store(store_path)
        try:
            start.wait(10)
            reports.append(
                send_due(
                    own_store, clock=clock, transport=SmtplibTransport(), pacing=Pacing.realtime()
                )
            )
        finally:
            own_store.close()

    threads = [threading.Thread(target=sender) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)

    assert sum(r.sent for r in reports) == 30
    assert Counter(smtp_server.handler.subjects()) == Counter(subjects)
    assert set(states_by_subject(mail_store).values()) == {OutboxState.SENT}


def test_two_send_outbox_processes_at_once_never_send_a_message_twice(
    mail_store: Store, store_path: Path, smtp_server: SmtpServer, clock: ManualClock
) -> None:
    subjects = queue_numbered(mail_store, clock, 20)
    runs = [send_outbox_process(store_path) for _ in range(2)]
    for run in runs:
        _, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
    assert Counter(smtp_server.handler.subjects()) == Counter(subjects)
    assert set(states_by_subject(mail_store).values()) == {OutboxState.SENT}
