"""The demo's year happened as the product would have recorded it: every prompt is the one the
kiosk's rules said was due, every invitation was queued by the run at which it fell due, and the
outbox history is the product's own, so a real `send-outbox` on the demo sends only what is new."""

from __future__ import annotations

import random
import re
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from feedback_desk.domain.invitations import Trigger
from feedback_desk.domain.kinds import Channel, InvitationReason, MessageKind, OutboxState
from feedback_desk.services.alerts import ALERTING_CHANNELS, alert_dedup_key, queue_at_risk_alert
from feedback_desk.services.demo import DemoSummary
from feedback_desk.services.invitations import DueInvitation, due_invitations
from feedback_desk.services.prompting.history import due_for
from feedback_desk.services.requests.planning import due_requests
from feedback_desk.services.settings import load_settings
from feedback_desk.store.database import Store, open_store
from feedback_desk.store.models import (
    AuditEntry,
    Client,
    Invitation,
    OutboxMessage,
    Prompt,
    Review,
    ReviewEdit,
)
from tests.demo.conftest import TZ, at_arg, run_on
from tests.email.factory import configure
from tests.support.smtp_server import SmtpServer


def prompts_follow_the_kiosk_rules(store: Store, sample: int, seed: int) -> None:
    """Each prompt shown at the kiosk is the one `prompt` says was due at that instant (for that
    client). Email prompts follow the request rules (tests/demo/test_requests.py)."""
    with store.read() as session:
        settings = load_settings(session)
        prompts = session.execute(
            select(Prompt.client_id, Prompt.shown_at, Prompt.kind, Prompt.session_id).where(
                Prompt.channel != Channel.EMAIL
            )
        ).all()
        for client_id, shown_at, kind, session_id in random.Random(seed).sample(prompts, sample):
            due = due_for(session, settings, client_id, shown_at)
            assert due is not None, (client_id, shown_at)
            assert (due.kind, due.session_id) == (kind, session_id), (client_id, shown_at)


def every_due_invitation_was_queued(store: Store) -> int:
    """After each morning run, `invitations` has nothing left to queue (for the clients whose
    reviews were not edited since: the rules read today's stars)."""
    with store.read() as session:
        settings = load_settings(session)
        runs = sorted(set(session.scalars(select(Invitation.queued_at))))
        edited = session.execute(
            select(Review.client_id, ReviewEdit.edited_at).join(ReviewEdit)
        ).all()
        for run in runs:
            left = [
                d.client
                for d in due_invitations(session, settings, run + timedelta(minutes=5))
                if not any(c == d.client_id and e > run for c, e in edited)
            ]
            assert left == [], run.astimezone(TZ)
    return len(runs)


def test_every_prompt_shown_was_due_by_the_kiosk_rules(demo_store: Store) -> None:
    prompts_follow_the_kiosk_rules(demo_store, sample=500, seed=1)


def test_every_invitation_was_queued_by_the_run_at_which_it_fell_due(demo_store: Store) -> None:
    assert every_due_invitation_was_queued(demo_store) > 40


def test_outbox_rows_carry_the_products_dedup_keys(demo_store: Store) -> None:
    with demo_store.read() as session:
        invitations = session.execute(
            select(Invitation, OutboxMessage).join(
                OutboxMessage, OutboxMessage.id == Invitation.outbox_message_id
            )
        ).all()
        for invitation, message in invitations:
            review = session.get(Review, invitation.trigger_review_id)
            assert review is not None
            due = DueInvitation(
                invitation.client_id,
                "",
                Trigger(
                    InvitationReason.FIVE_STAR_PAIR,
                    review.id,
                    review.created_at,
                    invitation.send_at,
                ),
            )
            assert invitation.dedup_key == message.dedup_key == due.dedup_key
            assert message.kind is MessageKind.INVITATION
            assert message.client_id == invitation.client_id
            assert message.review_id == review.id
            assert message.scheduled_at == invitation.send_at
            assert message.created_at == invitation.queued_at >= invitation.send_at
            assert message.list_unsubscribe
        alerts = session.scalars(
            select(OutboxMessage).where(OutboxMessage.kind == MessageKind.ALERT)
        ).all()
        assert alerts
        for message in alerts:
            review = session.get(Review, message.review_id)
            assert review is not None
            assert message.dedup_key == alert_dedup_key(review)
            assert message.created_at == review.created_at
    assert len(invitations) > 20


def test_the_outbox_history_is_settled_as_the_sender_leaves_it(demo_store: Store) -> None:
    with demo_store.read() as session:
        messages = session.scalars(select(OutboxMessage)).all()
    # Nothing waits, nothing half-sent, nothing failed left for staff: the one refused message
    # was cancelled once its address was corrected.
    states = {m.state for m in messages}
    assert states == {OutboxState.SENT, OutboxState.CANCELLED}
    for m in messages:
        assert m.attempts == 1
        assert m.claim_token is None
        assert m.message_id
        assert m.message_id.endswith("@studio-elan.example>")
        assert m.claimed_at is not None
        assert m.created_at <= m.claimed_at
        if m.state is OutboxState.SENT:
            assert m.sent_at is not None
            assert m.claimed_at <= m.sent_at
            assert m.last_error is None
        else:
            assert m.sent_at is None
            assert m.last_error
            assert "550" in m.last_error
    assert len({m.message_id for m in messages}) == len(messages)


def test_alerts_went_for_every_at_risk_review_once_the_manager_address_was_set(
    demo_store: Store,
) -> None:
    with demo_store.read() as session:
        settings = load_settings(session)
        manager_set = session.scalar(
            select(AuditEntry.at).where(
                AuditEntry.action == "setting.changed",
                AuditEntry.entity_id == "studio.manager_emails",
            )
        )
        assert manager_set is not None
        expected = set(
            session.scalars(
                select(Review.id).where(
                    Review.channel.in_(ALERTING_CHANNELS),
                    Review.stars <= 3,
                    Review.created_at >= manager_set,
                )
            )
        )
        alerted = set(
            session.scalars(
                select(OutboxMessage.review_id).where(OutboxMessage.kind == MessageKind.ALERT)
            )
        )
        assert expected
        assert alerted == expected
        # The alert code itself finds each one already queued: it would queue no second one.
        for review_id in sorted(expected):
            review = session.get(Review, review_id)
            assert review is not None
            again = queue_at_risk_alert(session, settings, review, at=review.created_at)
            assert again is not None
            assert not again.created
        session.rollback()


def _requests_queued(out: str) -> int:
    found = re.search(r"review requests queued: (\d+)", out)
    return int(found.group(1)) if found else 0


def test_a_real_send_outbox_at_ten_sends_exactly_the_invitations_and_requests_due(
    default_demo: tuple[Path, DemoSummary], demo_copy: Path
) -> None:
    summary = default_demo[1]
    server = SmtpServer().start()
    try:
        store = open_store(demo_copy)
        try:
            # The demo's own sender address stays: it is the invitations' unsubscribe address.
            configure(
                store,
                smtp__host=server.host,
                smtp__port=str(server.port),
                smtp__security="none",
            )
            with store.read() as session:
                before = {m.id for m in session.scalars(select(OutboxMessage))}
                invited = set(summary.invitations_due)
                # Classes that ended after 7:00 have their request due by 10:00 (the demo
                # ends at 9:00): the run queues them, and only them.
                requested = {
                    p.client for p in due_requests(session, load_settings(session), summary.at)
                }
                emails = dict(
                    session.execute(
                        select(Client.external_id, Client.email).where(
                            Client.external_id.in_(invited | requested)
                        )
                    ).all()
                )
        finally:
            store.close()
        run = run_on(demo_copy)
        first = run("send-outbox", "--at", at_arg(summary.at))
        assert first.code == 0, first.err
        assert f"invitations queued: {len(invited)}" in first.out
        assert _requests_queued(first.out) == len(requested)
        assert f"sent: {len(invited) + len(requested)}," in first.out
        received = sorted(r.rcpt_tos[0] for r in server.handler.received)
        assert received == sorted(
            [emails[c] for c in summary.invitations_due] + [emails[c] for c in requested]
        )
        second = run("send-outbox", "--at", at_arg(summary.at + timedelta(minutes=30)))
        assert second.code == 0, second.err
        assert "invitations queued: 0" in second.out
        later = _requests_queued(second.out)
        assert f"sent: {later}," in second.out
        assert len(server.handler.received) == len(invited) + len(requested) + later
    finally:
        server.stop()
    store = open_store(demo_copy)
    try:
        with store.read() as session:
            new = session.scalars(
                select(OutboxMessage).where(OutboxMessage.id.not_in(before))
            ).all()
    finally:
        store.close()
    invitations = [m for m in new if m.kind is MessageKind.INVITATION]
    assert {m.kind for m in new} <= {MessageKind.INVITATION, MessageKind.REVIEW_REQUEST}
    assert len(invitations) == len(summary.invitations_due)
    assert all(m.state is OutboxState.SENT for m in new)


@pytest.mark.parametrize("kind", [MessageKind.INVITATION, MessageKind.ALERT])
def test_demo_messages_read_like_the_products_own(demo_store: Store, kind: MessageKind) -> None:
    with demo_store.read() as session:
        message = session.scalars(
            select(OutboxMessage).where(OutboxMessage.kind == kind).order_by(OutboxMessage.id)
        ).first()
        assert message is not None
        client = session.get(Client, message.client_id)
        assert client is not None
    assert message.body_html
    assert message.body_html.lstrip().startswith("<!DOCTYPE html>")
    assert message.subject
    if kind is MessageKind.INVITATION:
        assert "search.google.com/local/writereview" in message.body_text
        assert message.list_unsubscribe == (
            f"<mailto:bonjour@studio-elan.example?subject=unsubscribe%20{client.external_id}>"
        )
    else:
        assert message.recipients == "direction@studio-elan.example"
        assert message.list_unsubscribe is None


def test_the_bounced_invitation_went_to_a_mistyped_address_corrected_since(
    demo_store: Store,
) -> None:
    with demo_store.read() as session:
        refused = session.scalars(
            select(OutboxMessage).where(OutboxMessage.state == OutboxState.CANCELLED)
        ).all()
        assert len(refused) == 1
        bounced = refused[0]
        cancelled = session.scalars(
            select(AuditEntry).where(
                AuditEntry.action == "outbox.cancelled",
                AuditEntry.entity_id == str(bounced.id),
            )
        ).one()
        client = session.get(Client, bounced.client_id)
        assert client is not None
        later = session.scalars(
            select(OutboxMessage).where(
                OutboxMessage.client_id == client.id,
                OutboxMessage.kind == MessageKind.INVITATION,
                OutboxMessage.created_at > bounced.created_at,
            )
        ).all()
    assert bounced.recipients != client.email
    assert bounced.created_at < cancelled.at == client.updated_at
    assert bounced.last_error
    assert bounced.recipients in bounced.last_error
    assert client.updated_at > bounced.created_at
    # Not sent, so not "the last sent invitation": the next five-star pair invited again.
    assert later
    assert all(m.state is OutboxState.SENT and m.recipients == client.email for m in later)
