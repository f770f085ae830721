"""The demo's last weeks show email review requests as the product records them: each sent when
the request rules said it was due, answered at most once after it went, on the answer page (web)
or by reply (email), and counted in the response rate by channel."""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from feedback_desk.cli import main
from feedback_desk.domain.kinds import (
    Channel,
    MessageKind,
    OutboxState,
    PromptOutcome,
    RequestState,
    ReviewKind,
)
from feedback_desk.domain.requests import due_request, history_since
from feedback_desk.services.requests.planning import load_request_histories, rules_from
from feedback_desk.services.settings import load_settings
from feedback_desk.store.database import Store, open_store
from feedback_desk.store.models import (
    Action,
    Attendance,
    ClassSession,
    OutboxMessage,
    Prompt,
    Review,
    ReviewRequest,
)
from feedback_desk.store.queries.instants import aware_utc
from tests.demo.conftest import UNTIL, Command


def test_requests_were_switched_on_and_sent_in_the_last_weeks(demo_store: Store) -> None:
    with demo_store.read() as session:
        settings = load_settings(session)
        assert settings.flag("requests.email_enabled")
        requests = session.scalars(select(ReviewRequest)).all()
        messages = {
            m.id: m
            for m in session.scalars(
                select(OutboxMessage).where(OutboxMessage.kind == MessageKind.REVIEW_REQUEST)
            )
        }
    assert len(requests) > 100
    assert len(messages) == len(requests)
    first = min(aware_utc(r.queued_at) for r in requests)
    assert first is not None
    assert first.date() >= UNTIL - timedelta(days=57)
    states = {r.state for r in requests}
    assert {RequestState.ANSWERED, RequestState.SENT, RequestState.IGNORED} <= states
    for request in requests:
        assert request.outbox_message_id is not None
        message = messages[request.outbox_message_id]
        assert message.state is OutboxState.SENT
        assert message.sent_at == request.sent_at
        assert f"/a/{request.token}?stars=5" in message.body_text
        assert message.message_id
        assert message.list_unsubscribe


def test_each_request_was_due_by_the_request_rules_when_it_was_queued(demo_store: Store) -> None:
    """`requests --at T` would have listed it at T, the instant the outbox queued it."""
    with demo_store.read() as session:
        settings = load_settings(session)
        rules = rules_from(settings)
        longest = max(session.scalars(select(ClassSession.duration_min)))
        requests = session.scalars(select(ReviewRequest)).all()
        for request in random.Random(3).sample(requests, 60):
            at = aware_utc(request.queued_at)
            assert at is not None
            # The store as of just before: the request itself not queued yet.
            savepoint = session.begin_nested()
            session.delete(request)
            session.flush()
            history = load_request_histories(
                session, [request.client_id], at, history_since(at, rules, longest)
            )[request.client_id]
            due = due_request(history, rules, at)
            savepoint.rollback()
            assert due is not None, (request.client_id, at)
            assert (due.kind, due.session_id) == (request.kind, request.session_id)
            assert due.send_at == aware_utc(request.send_at)


def test_answers_are_one_review_per_request_after_it_went(demo_store: Store) -> None:
    with demo_store.read() as session:
        rows = session.execute(
            select(ReviewRequest, Review, Prompt)
            .join(Prompt, Prompt.id == ReviewRequest.prompt_id)
            .outerjoin(Review, Review.id == ReviewRequest.review_id)
        ).all()
        attended = set(
            session.execute(
                select(Attendance.client_id, Attendance.session_id).where(
                    Attendance.present.is_(True)
                )
            ).all()
        )
        email_reviews = session.scalars(
            select(Review).where(Review.channel.in_([Channel.EMAIL, Channel.WEB]))
        ).all()
    answered = [(rq, rv, p) for rq, rv, p in rows if rq.state is RequestState.ANSWERED]
    assert {rv.channel for _rq, rv, _p in answered} == {Channel.EMAIL, Channel.WEB}
    # Every email or web review answers exactly one request.
    assert sorted(rv.id for _rq, rv, _p in answered) == sorted(r.id for r in email_reviews)
    for request, review, prompt in rows:
        assert prompt.channel is Channel.EMAIL
        assert prompt.shown_at == request.sent_at
        assert (prompt.kind, prompt.session_id) == (request.kind, request.session_id)
        assert request.client_id == prompt.client_id
        if request.session_id is not None:
            assert (request.client_id, request.session_id) in attended
        if request.state is RequestState.ANSWERED:
            assert review is not None
            assert review.prompt_id == prompt.id
            assert review.client_id == request.client_id
            assert (review.kind, review.session_id) == (request.kind, request.session_id)
            assert request.sent_at < request.answered_at == review.created_at
            assert request.answered_at <= request.sent_at + timedelta(days=14)
            assert prompt.outcome is PromptOutcome.ANSWERED
        elif request.state is RequestState.IGNORED:
            assert review is None
            assert prompt.outcome is PromptOutcome.IGNORED
        else:
            assert review is None
            assert prompt.outcome is PromptOutcome.ABANDONED
    # One review per session: the kiosk never asked about a session answered by email.
    class_reviews = [
        (r.client_id, r.session_id) for r in email_reviews if r.kind is ReviewKind.CLASS
    ]
    with demo_store.read() as session:
        kiosk_reviewed = set(
            session.execute(
                select(Review.client_id, Review.session_id).where(
                    Review.channel.not_in([Channel.EMAIL, Channel.WEB]),
                    Review.session_id.is_not(None),
                )
            ).all()
        )
    assert len(set(class_reviews)) == len(class_reviews)
    assert kiosk_reviewed.isdisjoint(class_reviews)


def test_low_email_answers_get_their_action_and_alert(demo_store: Store) -> None:
    with demo_store.read() as session:
        low = session.scalars(
            select(Review.id).where(
                Review.channel.in_([Channel.EMAIL, Channel.WEB]), Review.stars <= 3
            )
        ).all()
        actions = set(session.scalars(select(Action.review_id)))
    assert low
    assert set(low) <= actions


def test_the_response_rate_by_channel_shows_email_next_to_the_kiosk(demo_cli: Command) -> None:
    month = UNTIL.replace(day=1).isoformat()
    figures = demo_cli("stats", "--from", month, "--to", UNTIL.isoformat(), "--json").json()
    channels = {row["channel"]: row for row in figures["by_channel"]}
    assert set(channels) == {"kiosk", "email"}
    assert 0.1 < channels["email"]["response_rate"] < channels["kiosk"]["response_rate"]


@pytest.mark.parametrize(("until", "seed"), [("2026-03-10", 1), ("2026-09-08", 3)])
def test_a_small_short_demo_still_sends_requests(tmp_path: Path, until: str, seed: int) -> None:
    target = tmp_path / "small.sqlite"
    code = main(
        ["demo", str(target), "--clients", "40", "--months", "3", "--until", until,
         "--seed", str(seed)]
    )  # fmt: skip
    assert code == 0
    store = open_store(target)
    try:
        with store.read() as session:
            sent = session.scalars(select(ReviewRequest)).all()
    finally:
        store.close()
    assert sent
    assert all(r.sent_at is not None and r.prompt_id is not None for r in sent)
