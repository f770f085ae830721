"""On its last day the demo studio holds every story the product is there to show."""

from __future__ import annotations

import re
from datetime import time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Date, func, select

from feedback_desk.domain.kinds import Channel
from feedback_desk.domain.localtime import day_start, local_day, local_to_utc, zone
from feedback_desk.services.demo import DemoSummary
from feedback_desk.services.review_recording import app_review_id
from feedback_desk.services.settings import load_settings
from feedback_desk.store.base import Base, UTCDateTime
from feedback_desk.store.database import Store
from feedback_desk.store.models import (
    Action,
    Aspect,
    Client,
    GoogleLink,
    GoogleLocation,
    GoogleReview,
    Invitation,
    OutboxMessage,
    Prompt,
    Review,
    ReviewEdit,
)
from tests.demo import rules
from tests.demo.conftest import UNTIL

TZ = zone("America/Toronto")


def at(hour: int, minute: int = 0, days: int = 0):  # type: ignore[no-untyped-def]
    from datetime import datetime

    return local_to_utc(datetime.combine(UNTIL + timedelta(days=days), time(hour, minute)), TZ)


LAST_DAY = (at(0, 0), at(12, 0), at(23, 59))


def _ids(summary_list: list[str]) -> set[str]:
    return set(summary_list)


@pytest.mark.parametrize("moment", LAST_DAY)
def test_clients_and_exactly_one_coach_are_dropping(
    demo_store: Store, default_demo: tuple[Path, DemoSummary], moment
) -> None:  # type: ignore[no-untyped-def]
    summary = default_demo[1]
    with demo_store.read() as session:
        clients = rules.dropping_clients(session, moment, TZ)
        coaches = rules.dropping_coaches(session, moment, TZ)
    assert _ids(summary.dropping_clients) <= set(clients)
    assert len(summary.dropping_clients) >= 3
    assert list(coaches) == ["E2"]
    usual, recent = coaches["E2"]
    assert usual - recent >= 1.0


def test_the_drop_is_recent_not_a_year_long_habit(demo_store: Store) -> None:
    # A month earlier, nobody was dropping: the story is about the last weeks.
    with demo_store.read() as session:
        assert rules.dropping_coaches(session, at(12, days=-45), TZ) == {}


def test_invitations_fall_due_at_ten_on_the_last_day(
    demo_store: Store, default_demo: tuple[Path, DemoSummary]
) -> None:
    summary = default_demo[1]
    with demo_store.read() as session:
        before_ten = rules.invitations_due(session, at(9, 59), TZ)
        at_ten = rules.invitations_due(session, at(10, 0), TZ)
        clients = {
            c.external_id: c
            for c in session.scalars(
                select(Client).where(Client.external_id.in_(summary.invitations_due))
            )
        }
        linked = set(session.scalars(select(GoogleLink.client_id)))
        last_two = {
            who: [
                (r.stars, local_day(r.created_at, TZ))
                for r in session.scalars(
                    select(Review)
                    .where(Review.client_id == client.id)
                    .order_by(Review.created_at.desc())
                    .limit(2)
                )
            ]
            for who, client in clients.items()
        }
    assert summary.invitations_due
    for who in summary.invitations_due:
        assert who not in before_ten
        assert at_ten[who] == at(10, 0)
        client = clients[who]
        assert client.email
        assert client.email_consent
        assert client.unsubscribed_at is None
        assert client.google_reviewed_marked_at is None
        assert client.id not in linked
        (last_stars, last_day), (previous_stars, _) = last_two[who]
        assert (last_stars, previous_stars, last_day) == (5, 5, UNTIL - timedelta(days=1))


@pytest.mark.parametrize("moment", LAST_DAY)
def test_non_respondents(demo_store: Store, default_demo: tuple[Path, DemoSummary], moment) -> None:  # type: ignore[no-untyped-def]
    with demo_store.read() as session:
        found = rules.non_respondents(session, moment, TZ)
    assert _ids(default_demo[1].non_respondents) <= found


@pytest.mark.parametrize("moment", LAST_DAY)
def test_clients_with_a_prompt_due_on_the_last_day(
    demo_store: Store, default_demo: tuple[Path, DemoSummary], moment
) -> None:  # type: ignore[no-untyped-def]
    with demo_store.read() as session:
        for who in default_demo[1].prompts_due:
            client_id = session.scalar(select(Client.id).where(Client.external_id == who))
            assert client_id is not None
            assert rules.prompt_due(session, client_id, moment, TZ) is not None, who


def test_open_actions_to_take_and_closed_ones_with_their_story(demo_store: Store) -> None:
    with demo_store.read() as session:
        open_count = session.scalar(select(func.count()).where(Action.closed_at.is_(None)))
        closed = session.scalars(select(Action).where(Action.closed_at.is_not(None))).all()
        at_risk = session.scalar(select(func.count()).select_from(Review).where(Review.stars <= 3))
        assert any(a.contacts for a in closed)
    assert open_count
    assert open_count >= 10
    assert at_risk
    assert len(closed) > open_count
    assert all(a.outcome is not None and a.note for a in closed)


def test_reviews_prompts_and_ids_are_consistent(demo_store: Store) -> None:
    with demo_store.read() as session:
        reviews = session.execute(
            select(
                Review.id,
                Review.external_id,
                Review.channel,
                Review.created_at,
                Review.local_day,
                Review.prompt_id,
            )
        ).all()
        prompts = session.execute(select(Prompt.shown_at, Prompt.local_day)).all()
        answered_prompts = set(
            session.scalars(select(Prompt.id).where(Prompt.outcome == "answered"))
        )
    channels = {r.channel for r in reviews}
    assert channels >= {Channel.KIOSK, Channel.STAFF, Channel.IMPORT}
    for ident, external, channel, created, day, prompt_id in reviews:
        assert day == local_day(created, TZ)
        if channel is Channel.IMPORT:
            assert not external.startswith("FD-")
            assert prompt_id is None
        else:
            assert external == app_review_id(ident)
        if channel is Channel.KIOSK:
            assert prompt_id in answered_prompts
    assert all(day == local_day(shown, TZ) for shown, day in prompts)


def test_manual_edits_aspects_and_bilingual_comments(demo_store: Store) -> None:
    with demo_store.read() as session:
        edited = session.scalars(select(Review).where(Review.edited_manually.is_(True))).all()
        edits = session.scalars(select(ReviewEdit)).all()
        pending = session.scalars(select(Aspect).where(Aspect.status == "pending")).all()
        comments = session.scalars(select(Review.comment).where(Review.comment.is_not(None))).all()
        names = session.scalars(select(Client.last_name)).all()
        assert all(r.stars == r.edits[-1].new_stars for r in edited)
    assert edited
    assert {e.review_id for e in edits} == {r.id for r in edited}
    assert len(pending) == 2
    assert any("cours" in c for c in comments)
    assert any("class" in c for c in comments)
    assert any(re.search("[éèêàç]", n) for n in names)
    assert any("'" in n for n in names)


def test_google_reviews_before_and_after_the_integration(demo_store: Store) -> None:
    with demo_store.read() as session:
        location = session.scalars(select(GoogleLocation)).one()
        reviews = session.scalars(select(GoogleReview)).all()
        links = session.scalars(select(GoogleLink)).all()
        settings = load_settings(session)
        sent = session.scalar(
            select(func.count())
            .select_from(Invitation)
            .join(OutboxMessage, Invitation.outbox_message_id == OutboxMessage.id)
            .where(OutboxMessage.state == "sent")
        )
        alerts = session.scalar(
            select(func.count()).select_from(OutboxMessage).where(OutboxMessage.kind == "alert")
        )
    assert 70 <= len(reviews) <= 90
    before = [r for r in reviews if r.created_at < location.integrated_at]
    after = [r for r in reviews if r.created_at >= location.integrated_at]
    months_after = (UNTIL - local_day(location.integrated_at, TZ)).days / 30.4
    assert 4 <= months_after <= 6
    # Faster after the integration than before: the point of the growth chart.
    assert len(after) / months_after > 2 * len(before) / 24
    assert any(r.anonymous for r in reviews)
    assert any(r.comment is None for r in reviews)
    assert any(r.comment and r.comment.startswith("(Translated by Google)") for r in reviews)
    assert {r.reply_state for r in reviews if r.reply_comment} >= {"APPROVED", "PENDING"}
    assert 3 <= len(links) <= 10
    assert sent
    assert sent > 20
    assert alerts
    assert settings.studio_name == "Studio Élan"
    assert settings.text("google.review_link") == location.new_review_uri
    assert settings.emails("studio.manager_emails")


def test_nothing_is_dated_after_the_last_day(demo_store: Store) -> None:
    end = day_start(UNTIL + timedelta(days=1), TZ)
    with demo_store.read() as session:
        for table in Base.metadata.sorted_tables:
            for column in table.columns:
                if isinstance(column.type, UTCDateTime):
                    latest = session.scalar(select(func.max(column)))
                    assert latest is None or latest < end, f"{table.name}.{column.name}"
                if isinstance(column.type, Date):
                    latest = session.scalar(select(func.max(column)))
                    assert latest is None or latest <= UNTIL, f"{table.name}.{column.name}"
        assert session.scalar(select(func.max(Review.local_day))) == UNTIL
