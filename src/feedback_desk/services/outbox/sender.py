"""Sending what is due: claim one message, send it, record the outcome; then the next.

One SMTP connection serves the whole batch (a new one only when it broke). Each claim and each
outcome is its own short write transaction, so the window, a scheduled ``send-outbox`` and a
second PC can all run at once: the atomic claim decides who sends a message, and a crash between
claim and outcome leaves exactly that one message ``uncertain`` (see claims.py).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from feedback_desk.clock import Clock
from feedback_desk.domain.kinds import MessageKind, OutboxState
from feedback_desk.errors import UserInputError
from feedback_desk.services.email.addresses import split_addresses
from feedback_desk.services.email.config import smtp_config
from feedback_desk.services.email.message import Envelope, build_message, new_message_id
from feedback_desk.services.email.smtp import (
    ConnectFailure,
    Delivery,
    Outcome,
    SmtpConfig,
    SmtpConnection,
    SmtpTransport,
)
from feedback_desk.services.outbox.claims import LEASE_SECONDS, ClaimMaker, claim_is_dead
from feedback_desk.services.outbox.pacing import Pacer, Pacing
from feedback_desk.services.outbox.queue import unsubscribable_refusal
from feedback_desk.services.progress import NullProgress, Progress, check_cancelled
from feedback_desk.services.requests.lifecycle import after_delivery
from feedback_desk.services.secrets import store_identity
from feedback_desk.services.settings import Settings, load_settings
from feedback_desk.store.database import Store
from feedback_desk.store.models import Client, OutboxMessage
from feedback_desk.wording import Wording

FIRST_RETRY = timedelta(minutes=5)
LONGEST_RETRY = timedelta(hours=1)
MAX_ERROR_CHARS = 2000


_STATE_AFTER = {
    Outcome.SENT: OutboxState.SENT,
    Outcome.PERMANENT: OutboxState.FAILED,
    Outcome.UNCERTAIN: OutboxState.UNCERTAIN,
    Outcome.TEMPORARY: OutboxState.QUEUED,
}


def retry_delay(attempts: int) -> timedelta:
    """5 minutes after the first failure, then doubling, never more than an hour."""
    delay: timedelta = FIRST_RETRY * 2 ** max(0, attempts - 1)
    return min(delay, LONGEST_RETRY)


@dataclass
class SendReport:
    sent: int = 0
    retry_later: int = 0
    failed: int = 0
    uncertain: int = 0
    cancelled: int = 0
    # Claims left by a dead sender, found and marked uncertain at the start of this run.
    dead_claims: int = 0
    # Why the run stopped (no server reachable, login or sender refused, a silent server).
    unreachable: Wording | None = None
    errors: list[str] = field(default_factory=list)


def mark_dead_claims(session: Session, *, wall_now: float, lease: float = LEASE_SECONDS) -> int:
    """Messages left ``sending`` by a sender that is gone become ``uncertain``; returns how many."""
    rows = session.execute(
        select(OutboxMessage.id, OutboxMessage.claim_token).where(
            OutboxMessage.state == OutboxState.SENDING
        )
    ).all()
    marked = 0
    for message_id, token in rows:
        if not claim_is_dead(token, wall_now=wall_now, lease=lease):
            continue
        result = session.execute(
            update(OutboxMessage)
            .where(
                OutboxMessage.id == message_id,
                OutboxMessage.state == OutboxState.SENDING,
                OutboxMessage.claim_token == token,
            )
            .values(
                state=OutboxState.UNCERTAIN,
                last_error="the sending program stopped while this message was being sent: it "
                "may have been delivered. Check with the recipient or the mail server's log, "
                "then mark it sent or send it again.",
            )
            .execution_options(synchronize_session=False)
        )
        marked += result.rowcount  # type: ignore[attr-defined]
    return marked


def due_ids(session: Session, now: datetime) -> list[int]:
    return list(
        session.scalars(
            select(OutboxMessage.id)
            .where(OutboxMessage.state == OutboxState.QUEUED, OutboxMessage.next_attempt_at <= now)
            .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
        )
    )


@dataclass(frozen=True)
class _Claimed:
    id: int
    token: str
    envelope: Envelope | None
    # What the claim replaced, to give the message back untouched (see _Batch.release).
    previous_message_id: str | None = None
    previous_claimed_at: datetime | None = None


class _Batch:
    """One run's sending state: the store, the clock, the connection and the report."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        transport: SmtpTransport,
        config: SmtpConfig,
        wall: Callable[[], float],
        settings: Settings,
    ) -> None:
        self.settings = settings
        self.store = store
        self.clock = clock
        self.transport = transport
        self.config = config
        self.wall = wall
        self.claims = ClaimMaker()
        self.connection: SmtpConnection | None = None
        self.report = SendReport()

    def connect(self, *, after_pause: bool = False) -> SmtpConnection:
        # A server may hang up on a connection left idle by the rate limit: ask before using it.
        if after_pause and self.connection is not None and self.connection.usable:
            self.connection.check()
        if self.connection is None or not self.connection.usable:
            self.close()
            self.connection = self.transport.connect(self.config)
        return self.connection

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def claim(self, message_id: int) -> _Claimed | None:
        """Take the message if it is still queued and due; None when someone else has it."""
        now = self.clock.now()
        token = self.claims.token(self.wall())
        with self.store.write() as session:
            message = session.get(OutboxMessage, message_id)
            if message is None or message.state is not OutboxState.QUEUED:
                return None
            if message.list_unsubscribe is not None:
                client = session.get(Client, message.client_id) if message.client_id else None
                consent_needed = message.kind is not MessageKind.REVIEW_REQUEST or (
                    self.settings.flag("requests.require_consent")
                )
                refusal = unsubscribable_refusal(client, consent_needed=consent_needed)
                if refusal is not None:
                    self._cancel_withdrawn(session, message_id, refusal)
                    return None
            previous_message_id, previous_claimed_at = message.message_id, message.claimed_at
            message_id_header = message.message_id or new_message_id(self.config.sender)
            taken = session.execute(
                update(OutboxMessage)
                .where(
                    OutboxMessage.id == message_id,
                    OutboxMessage.state == OutboxState.QUEUED,
                    OutboxMessage.next_attempt_at <= now,
                )
                .values(
                    state=OutboxState.SENDING,
                    claim_token=token,
                    claimed_at=now,
                    attempts=OutboxMessage.attempts + 1,
                    message_id=message_id_header,
                )
                .execution_options(synchronize_session=False)
            ).rowcount  # type: ignore[attr-defined]
            if taken != 1:
                return None
            envelope = Envelope(
                sender=self.config.sender,
                sender_name=self.config.sender_name,
                recipients=split_addresses(message.recipients),
                subject=message.subject,
                text=message.body_text,
                html=message.body_html,
                message_id=message_id_header,
                date=now,
                list_unsubscribe=message.list_unsubscribe,
                auto_submitted=message.kind is MessageKind.ALERT,
            )
        return _Claimed(message_id, token, envelope, previous_message_id, previous_claimed_at)

    def release(self, claimed: _Claimed) -> None:
        """Give a claimed message back exactly as it was (queued, same attempts and Message-ID):
        nothing was tried that counts against it."""
        with self.store.write() as session:
            session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.id == claimed.id, OutboxMessage.claim_token == claimed.token)
                .values(
                    state=OutboxState.QUEUED,
                    claim_token=None,
                    claimed_at=claimed.previous_claimed_at,
                    message_id=claimed.previous_message_id,
                    attempts=OutboxMessage.attempts - 1,
                )
                .execution_options(synchronize_session=False)
            )

    def _cancel_withdrawn(self, session: Session, message_id: int, refusal: Wording) -> None:
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == message_id, OutboxMessage.state == OutboxState.QUEUED)
            .values(state=OutboxState.CANCELLED, last_error=f"not sent: {refusal}")
            .execution_options(synchronize_session=False)
        )
        after_delivery(session, message_id, OutboxState.CANCELLED, at=self.clock.now())
        self.report.cancelled += 1

    def finish(self, claimed: _Claimed, delivery: Delivery) -> None:
        """Record the outcome under our claim token (whatever a dead-claim sweep said meanwhile)."""
        now = self.clock.now()
        detail = delivery.detail[:MAX_ERROR_CHARS] or None
        new_state = _STATE_AFTER[delivery.outcome]
        values: dict[str, object] = {"claim_token": None, "state": new_state, "last_error": detail}
        if delivery.outcome is Outcome.SENT:
            values["sent_at"] = now
            self.report.sent += 1
        elif delivery.outcome is Outcome.PERMANENT:
            self.report.failed += 1
        elif delivery.outcome is Outcome.UNCERTAIN:
            self.report.uncertain += 1
        else:
            self.report.retry_later += 1
        if delivery.outcome is not Outcome.SENT:
            self.report.errors.append(f"message {claimed.id}: {delivery.detail}")
        with self.store.write() as session:
            if delivery.outcome is Outcome.TEMPORARY:
                attempts = session.scalar(
                    select(OutboxMessage.attempts).where(OutboxMessage.id == claimed.id)
                )
                values["next_attempt_at"] = now + retry_delay(attempts or 1)
            session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.id == claimed.id, OutboxMessage.claim_token == claimed.token)
                .values(**values)
                .execution_options(synchronize_session=False)
            )
            after_delivery(session, claimed.id, new_state, at=now)

    def postpone(self, message_ids: list[int], reason: str) -> None:
        """The server cannot be reached: every due message stays queued, retried later."""
        now = self.clock.now()
        with self.store.write() as session:
            for message_id in message_ids:
                message = session.get(OutboxMessage, message_id)
                if message is None or message.state is not OutboxState.QUEUED:
                    continue
                message.attempts += 1
                message.last_error = reason[:MAX_ERROR_CHARS]
                message.next_attempt_at = now + retry_delay(message.attempts)
                self.report.retry_later += 1


def send_due(
    store: Store,
    *,
    clock: Clock,
    transport: SmtpTransport,
    pacing: Pacing | None = None,
    progress: Progress | None = None,
    wall: Callable[[], float] = time.time,
    lease: float = LEASE_SECONDS,
) -> SendReport:
    """Send every queued message whose time has come (docs/rules.md#outbox).

    Raises EmailNotConfigured (or SecretStoreUnavailable) when sending cannot even be tried;
    a server that cannot be reached, refuses the studio's sender (530) or stops answering ends
    the run, reported in ``SendReport.unreachable``; the messages not tried stay as they were.
    """
    progress = progress or NullProgress()
    now = clock.now()
    with store.write() as session:
        dead = mark_dead_claims(session, wall_now=wall(), lease=lease)
        ids = due_ids(session, now)
        settings = load_settings(session)
        store_id = store_identity(session)
    if not ids:
        report = SendReport(dead_claims=dead)
        return report
    config = smtp_config(settings, store_id)
    batch = _Batch(store, clock, transport, config, wall, settings)
    batch.report.dead_claims = dead
    pacer = Pacer(settings.integer("outbox.per_minute"), pacing or Pacing.realtime())
    try:
        for index, message_id in enumerate(ids):
            check_cancelled(progress)
            progress.report(index, len(ids), "sending email")
            paused = pacer.wait_for_turn() > 0
            try:
                connection = batch.connect(after_pause=paused)
            except ConnectFailure as exc:
                batch.report.unreachable = exc.wording
                batch.postpone(ids[index:], str(exc))
                break
            claimed = batch.claim(message_id)
            if claimed is None or claimed.envelope is None:
                continue
            delivery = _send_one(batch, connection, claimed, pacer)
            stop = _why_the_run_stops(batch.config, delivery)
            if stop is not None:
                batch.report.unreachable = stop
                break
        progress.report(len(ids), len(ids), "done")
    finally:
        batch.close()
    return batch.report


def _why_the_run_stops(config: SmtpConfig, delivery: Delivery) -> Wording | None:
    """Why no further message of this run should be tried, or None to go on."""
    where = f"{config.host}:{config.port}"
    if delivery.outcome is Outcome.SETUP:
        return Wording(
            "the mail server {where} takes no mail from {sender} as set up ({detail}): it wants "
            "a secure connection (smtp.security) or a login (smtp.username and smtp.password), "
            "see Settings → Email",
            where=where,
            sender=config.sender,
            detail=delivery.detail,
        )
    if delivery.stalled:
        return Wording(
            "the mail server {where} stopped answering (no reply within {seconds:g} seconds, "
            "smtp.timeout_seconds); the run stopped there",
            where=where,
            seconds=config.timeout,
        )
    return None


def _send_one(
    batch: _Batch, connection: SmtpConnection, claimed: _Claimed, pacer: Pacer
) -> Delivery:
    assert claimed.envelope is not None
    try:
        message = build_message(claimed.envelope)
    except UserInputError as exc:
        delivery = Delivery(Outcome.PERMANENT, "; ".join(exc.problems))
        batch.finish(claimed, delivery)
        return delivery
    try:
        delivery = connection.deliver(
            message, claimed.envelope.sender, list(claimed.envelope.recipients)
        )
    except BaseException:
        # A bug or an interruption while the server may hold the message: never resend it.
        batch.finish(
            claimed, Delivery(Outcome.UNCERTAIN, "interrupted while sending; it may have gone")
        )
        raise
    pacer.record()
    if delivery.outcome is Outcome.SETUP:
        batch.release(claimed)
    else:
        batch.finish(claimed, delivery)
    return delivery
