"""A server that is down, defers, refuses or is slow to answer: nothing lost, nothing sent twice."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from feedback_desk.clock import ManualClock
from feedback_desk.domain.kinds import Channel, OutboxState
from feedback_desk.errors import UserInputError
from feedback_desk.services.email.smtp import SmtplibTransport
from feedback_desk.services.outbox import staff
from feedback_desk.services.outbox.pacing import Pacing
from feedback_desk.services.outbox.sender import SendReport, send_due
from feedback_desk.store.database import Store
from feedback_desk.store.models import OutboxMessage
from tests.email.factory import add_client, add_review, configure, smtp_settings
from tests.support.smtp_server import SmtpServer, free_port


def send(store: Store, clock: ManualClock, slept: list[float] | None = None) -> SendReport:
    return send_due(
        store, clock=clock, transport=SmtplibTransport(), pacing=Pacing.on_clock(clock, slept)
    )


def alert_for(store: Store, clock: ManualClock, client_id: str, stars: int = 2) -> None:
    with store.write() as session:
        client = add_client(session, client_id, first=client_id)
        add_review(session, client, stars, clock.now(), channel=Channel.KIOSK)


def the_message(store: Store) -> OutboxMessage:
    with store.read() as session:
        message = session.scalar(select(OutboxMessage))
        assert message is not None
        return message


def test_while_the_server_is_down_the_message_waits_then_goes_once(
    store: Store, clock: ManualClock
) -> None:
    port = free_port()
    down = SmtpServer(port=port)
    configure(store, **smtp_settings(down), studio__manager_emails="boss@studio.example")
    alert_for(store, clock, "C1")
    started = clock.now()

    report = send(store, clock)

    assert report.sent == 0
    assert report.unreachable is not None
    assert str(report.unreachable).startswith(f"cannot reach the mail server 127.0.0.1:{port}: ")
    # The window says it in French; the system's own reason stays as the system wrote it.
    assert report.unreachable.render("fr").startswith(
        f"impossible de joindre le serveur d’envoi 127.0.0.1:{port} : "
    )
    message = the_message(store)
    assert message.state is OutboxState.QUEUED
    assert message.last_error is not None
    assert "cannot reach" in message.last_error
    assert message.next_attempt_at <= started + timedelta(minutes=5)

    up = SmtpServer(port=port).start()
    try:
        clock.advance(timedelta(minutes=2))
        assert send(store, clock).sent == 0, "not due again before its retry time"
        clock.set(message.next_attempt_at)
        assert send(store, clock).sent == 1
        clock.advance(timedelta(hours=2))
        assert send(store, clock).sent == 0
        assert len(up.handler.received) == 1
        assert the_message(store).state is OutboxState.SENT
    finally:
        up.stop()


def test_a_4xx_reply_keeps_the_message_and_the_next_run_delivers_it(
    mail_store: Store, smtp_server: SmtpServer, clock: ManualClock
) -> None:
    alert_for(mail_store, clock, "C1")
    smtp_server.handler.script(the_message(mail_store).subject, "451 4.7.1 Greylisted, come back")
    first = clock.now()

    report = send(mail_store, clock)

    assert report.retry_later == 1
    assert report.sent == 0
    message = the_message(mail_store)
    assert message.state is OutboxState.QUEUED
    assert message.last_error is not None
    assert "451 4.7.1 Greylisted, come back" in message.last_error
    assert first < message.next_attempt_at <= first + timedelta(minutes=5)
    clock.set(first + timedelta(minutes=5))
    assert send(mail_store, clock).sent == 1
    assert len(smtp_server.handler.received) == 1
    assert the_message(mail_store).attempts == 2


def test_repeated_temporary_failures_back_off(
    mail_store: Store, smtp_server: SmtpServer, clock: ManualClock
) -> None:
    alert_for(mail_store, clock, "C1")
    subject = the_message(mail_store).subject
    smtp_server.handler.script(subject, *["421 4.3.2 busy"] * 3)
    gaps = []
    for _ in range(3):
        before = clock.now()
        send(mail_store, clock)
        due = the_message(mail_store).next_attempt_at
        gaps.append(due - before)
        clock.set(due)
    assert gaps == [timedelta(minutes=5), timedelta(minutes=10), timedelta(minutes=20)]
    assert send(mail_store, clock).sent == 1


def test_a_5xx_reply_marks_the_message_failed_with_the_servers_words(
    mail_store: Store, smtp_server: SmtpServer, clock: ManualClock
) -> None:
    alert_for(mail_store, clock, "C1")
    smtp_server.handler.script(
        the_message(mail_store).subject, "550 5.1.1 <boss@studio.example>: mailbox unavailable"
    )

    report = send(mail_store, clock)

    assert report.failed == 1
    message = the_message(mail_store)
    assert message.state is OutboxState.FAILED
    assert message.last_error is not None
    assert "550 5.1.1 <boss@studio.example>: mailbox unavailable" in message.last_error
    clock.advance(timedelta(days=1))
    assert send(mail_store, clock).sent == 0, "a failed message is not retried on its own"

    with mail_store.write() as session:
        staff.retry(session, message.id, at=clock.now(), actor="tester")
    assert send(mail_store, clock).sent == 1
    assert the_message(mail_store).state is OutboxState.SENT

    # Cancelling it now is refused: the command line in English (its stored codes), the
    # window in French, states included.
    with pytest.raises(UserInputError) as refused, mail_store.write() as session:
        staff.cancel(session, message.id, at=clock.now(), actor="tester")
    assert str(refused.value) == (
        f"message {message.id} is sent: only a queued or failed or uncertain message can be "
        "cancelled"
    )
    assert refused.value.in_language("fr") == (
        f"le courriel {message.id} est à l’état envoyé : seul un courriel à l’état en file "
        "d’attente, en échec ou incertain peut être annulé"
    )


def test_the_rate_limit_holds_on_the_injected_clock(
    mail_store: Store, smtp_server: SmtpServer, clock: ManualClock
) -> None:
    configure(mail_store, outbox__per_minute="2")
    for number in range(5):
        alert_for(mail_store, clock, f"C{number}")
    slept: list[float] = []

    report = send(mail_store, clock, slept)

    assert report.sent == 5
    with mail_store.read() as session:
        sent_at = sorted(session.scalars(select(OutboxMessage.sent_at)))
    for index in range(2, 5):
        assert sent_at[index] - sent_at[index - 2] >= timedelta(seconds=60)
    assert sum(slept) >= 120
    assert len(smtp_server.handler.received) == 5


def test_a_connection_dropped_during_a_rate_limit_pause_is_reopened(
    store: Store, clock: ManualClock
) -> None:
    port = free_port()
    configure(
        store,
        **smtp_settings(SmtpServer(port=port)),
        studio__manager_emails="boss@studio.example",
        outbox__per_minute="1",
    )
    for number in range(3):
        alert_for(store, clock, f"C{number}")
    servers = [SmtpServer(port=port).start()]

    def restart_during_pause(seconds: float) -> None:
        # The server goes away and comes back while the sender waits: its connection is gone.
        handler = servers[-1].handler
        servers[-1].stop()
        servers.append(SmtpServer(port=port, handler=handler).start())
        clock.advance(timedelta(seconds=seconds))

    try:
        report = send_due(
            store,
            clock=clock,
            transport=SmtplibTransport(),
            pacing=Pacing(lambda: clock.now().timestamp(), restart_during_pause),
        )
        assert report.sent == 3, report.errors
        assert len(servers[-1].handler.received) == 3
        assert len(servers) == 3
    finally:
        servers[-1].stop()
