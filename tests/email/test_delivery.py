"""Messages reach a real SMTP server with the right headers and content, exactly once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from feedback_desk.clock import ManualClock
from feedback_desk.domain.kinds import Channel, MessageKind, OutboxState
from feedback_desk.errors import UserInputError
from feedback_desk.services.email.smtp import SmtplibTransport
from feedback_desk.services.outbox.pacing import Pacing
from feedback_desk.services.outbox.queue import queue_message
from feedback_desk.services.outbox.sender import send_due
from feedback_desk.services.settings import load_settings
from feedback_desk.services.templates.fill import from_plain_text
from feedback_desk.store.database import Store
from feedback_desk.store.models import OutboxMessage
from tests.email.factory import add_client, add_review, add_session
from tests.support.smtp_server import SmtpServer


def send(store: Store, clock: ManualClock):  # type: ignore[no-untyped-def]
    return send_due(store, clock=clock, transport=SmtplibTransport(), pacing=Pacing.on_clock(clock))


def states(store: Store) -> list[OutboxState]:
    with store.read() as session:
        return list(session.scalars(select(OutboxMessage.state).order_by(OutboxMessage.id)))


def test_the_at_risk_alert_arrives_with_the_review_and_the_comment_escaped_in_html(
    mail_store: Store, smtp_server: SmtpServer, clock: ManualClock
) -> None:
    comment = 'Music too loud <script>alert("x")</script> & the room was cold'
    with mail_store.write() as session:
        client = add_client(session, "C17", first="Élodie", last="Gagné")
        spin = add_session(session, "S1", clock.now() - timedelta(hours=3))
        add_review(
            session, client, 2, clock.now(), channel=Channel.KIOSK, item=spin, comment=comment
        )

    report = send(mail_store, clock)

    assert report.sent == 1
    [received] = smtp_server.handler.received
    assert received.rcpt_tos == ["boss@studio.example"]
    assert "Élodie Gagné (C17)" in received.subject
    text, html = received.part("plain"), received.part("html")
    assert comment in text
    assert "Spin 45" in text
    assert "Julie Roy" in text
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; the room" in html or (
        "&lt;script&gt;" in html and "&amp; the room" in html
    )
    message = received.message
    assert message["Message-ID"].endswith("@studio.example>")
    assert message["Date"] is not None
    assert message["From"].addresses[0].addr_spec == "hello@studio.example"
    assert message["List-Unsubscribe"] is None, "an internal alert is not commercial"
    assert message["Auto-Submitted"] == "auto-generated"
    with mail_store.read() as session:
        row = session.scalar(select(OutboxMessage))
        assert row is not None
        assert row.state is OutboxState.SENT
        assert row.sent_at == clock.now()
        assert row.message_id == message["Message-ID"]


def test_a_second_run_sends_nothing_again(
    mail_store: Store, smtp_server: SmtpServer, clock: ManualClock
) -> None:
    with mail_store.write() as session:
        client = add_client(session, "C1")
        add_review(session, client, 1, clock.now(), channel=Channel.STAFF)
    assert send(mail_store, clock).sent == 1
    clock.advance(timedelta(hours=1))
    assert send(mail_store, clock).sent == 0
    assert len(smtp_server.handler.received) == 1


def test_a_header_injection_is_refused_and_nothing_is_queued(
    mail_store: Store, clock: ManualClock
) -> None:
    with mail_store.write() as session:
        settings = load_settings(session)
        content = from_plain_text(
            "Hello\r\nBcc: everyone@elsewhere.example",
            "body",
            settings=settings,
            client=None,
            language="en",
            commercial=False,
        )
        with pytest.raises(UserInputError, match="line break or another control character"):
            queue_message(
                session,
                kind=MessageKind.TEST,
                recipients=["a@b.example"],
                content=content,
                at=clock.now(),
            )
    assert states(mail_store) == []
