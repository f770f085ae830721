"""A server that wants STARTTLS or a login before it takes mail, one that stops answering, and a
store whose write lock another program holds: `send-outbox` says what is wrong in one sentence
and every message keeps its chance."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from feedback_desk.clock import ManualClock
from feedback_desk.domain.kinds import Channel, OutboxState
from feedback_desk.services.email.smtp import SmtplibTransport
from feedback_desk.services.outbox.pacing import Pacing
from feedback_desk.services.outbox.run import OutboxRun, run_outbox
from feedback_desk.store.database import Store, open_store
from feedback_desk.store.models import OutboxMessage
from tests.email.factory import add_client, add_review, configure, smtp_settings
from tests.support.smtp_server import SmtpServer
from tests.support.sqlite_lock import write_lock_held


def three_alerts(store: Store, clock: ManualClock) -> None:
    with store.write() as session:
        for client_id in ("C1", "C2", "C3"):
            client = add_client(session, client_id, first=client_id)
            add_review(session, client, 2, clock.now(), channel=Channel.KIOSK)


def run_once(store: Store, clock: ManualClock) -> OutboxRun:
    return run_outbox(
        store,
        clock=clock,
        transport=SmtplibTransport(),
        actor="tester",
        pacing=Pacing.on_clock(clock),
    )


def snapshot(store: Store) -> list[tuple[object, ...]]:
    with store.read() as session:
        return [
            (m.id, m.state, m.attempts, m.next_attempt_at, m.last_error, m.message_id)
            for m in session.scalars(select(OutboxMessage).order_by(OutboxMessage.id))
        ]


def test_a_530_at_mail_from_is_a_setup_error_and_leaves_every_message_untouched(
    cli, mail_store: Store, smtp_server: SmtpServer, clock: ManualClock
) -> None:
    three_alerts(mail_store, clock)
    before = snapshot(mail_store)
    smtp_server.handler.sender_reply = "530 5.7.0 Must issue a STARTTLS command first"

    result = cli("send-outbox")

    assert result.code == 1
    problems = [line for line in result.err.splitlines() if line.strip()]
    assert len(problems) == 1, result.err
    assert "530 5.7.0 Must issue a STARTTLS command first" in problems[0]
    assert "smtp.security" in problems[0]
    assert "Traceback" not in result.err
    assert "sent: 0, to retry later: 0, failed: 0" in result.out
    assert snapshot(mail_store) == before, "every message stays queued exactly as it was"

    smtp_server.handler.sender_reply = None
    assert cli("send-outbox").code == 0
    assert len(smtp_server.handler.received) == 3


def test_a_server_that_stops_answering_costs_one_message_not_the_whole_batch(
    mail_store: Store, smtp_server: SmtpServer, clock: ManualClock
) -> None:
    configure(mail_store, smtp__timeout_seconds="1")
    three_alerts(mail_store, clock)
    smtp_server.handler.stall("DATA")

    run = run_once(mail_store, clock)

    assert smtp_server.handler.stalls == 1, "no second message was fed to a silent server"
    assert run.exit_code == 1
    assert run.send.unreachable is not None
    assert "stopped answering" in str(run.send.unreachable)
    assert "a cessé de répondre" in run.send.unreachable.render("fr")
    states = [state for _id, state, *_rest in snapshot(mail_store)]
    # The server had the whole first message when it went silent: it may have delivered it.
    assert states == [OutboxState.UNCERTAIN, OutboxState.QUEUED, OutboxState.QUEUED]
    untouched = snapshot(mail_store)[1:]
    assert all(attempts == 0 for _id, _state, attempts, *_rest in untouched)


def test_a_server_silent_before_it_has_the_message_leaves_it_queued_for_retry(
    mail_store: Store, smtp_server: SmtpServer, clock: ManualClock
) -> None:
    configure(mail_store, smtp__timeout_seconds="1")
    three_alerts(mail_store, clock)
    smtp_server.handler.stall("MAIL")

    run = run_once(mail_store, clock)

    assert smtp_server.handler.stalls == 1
    assert run.exit_code == 1
    rows = snapshot(mail_store)
    assert [state for _id, state, *_rest in rows] == [OutboxState.QUEUED] * 3
    first_attempts, first_next = rows[0][2], rows[0][3]
    assert first_attempts == 1
    assert first_next > clock.now(), "retried later"
    assert [attempts for _id, _state, attempts, *_rest in rows[1:]] == [0, 0]


def test_send_outbox_waits_its_turn_behind_another_programs_long_write(
    store_path: Path, smtp_server: SmtpServer, clock: ManualClock
) -> None:
    setup = open_store(store_path)
    configure(setup, **smtp_settings(smtp_server), studio__manager_emails="boss@studio.example")
    three_alerts(setup, clock)
    setup.close()
    # SQLite gives up on a lock after busy_seconds; the store keeps trying up to lock_wait.
    store = open_store(store_path, busy_seconds=0.2, lock_wait=60)
    with write_lock_held(store_path, release_after=1.5):
        run = run_once(store, clock)
    assert run.exit_code == 0
    assert run.send.sent == 3
    assert len(smtp_server.handler.received) == 3
    store.close()
