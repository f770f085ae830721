"""The closing-the-loop figure read from the followups and their day counts is, at every instant,
what the raw actions and reviews say (services.loop.closed_action_outcomes walks them), whatever
writes the actions and reviews; on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import select, update

from feedback_desk.domain.kinds import ActionOutcome
from feedback_desk.services.actions import close_action, close_actions_before
from feedback_desk.services.loop import ImprovementShare, closed_action_outcomes, improvement_share
from feedback_desk.services.review_edit import edit_stars
from feedback_desk.store.database import Store
from feedback_desk.store.models import Action, Client, Review
from tests.rollups.conftest import assert_exact
from tests.support.studio_builder import StudioBuilder


def _walked(store: Store, at: datetime) -> ImprovementShare:
    with store.read() as session:
        outcomes = closed_action_outcomes(session, at=at)
    return ImprovementShare(
        len(outcomes),
        sum(o.next_stars is not None for o in outcomes),
        sum(o.improved is True for o in outcomes),
    )


def _read(store: Store, at: datetime) -> ImprovementShare:
    with store.read() as session:
        return improvement_share(session, at=at)


def _agrees_everywhere(store: Store, builder: StudioBuilder) -> ImprovementShare:
    """The figure at every instant where something happens (and a second either side of it,
    and the UTC midnights around it) is the walked one; returns the figure at the end."""
    assert_exact(store)
    with store.read() as session:
        instants = [
            *session.scalars(select(Review.created_at)),
            *session.scalars(select(Action.closed_at).where(Action.closed_at.is_not(None))),
        ]
    probes = {builder.at("2026-07-01T12:00")}
    for instant in instants:
        midnight = instant.replace(hour=0, minute=0, second=0, microsecond=0)
        probes |= {instant, instant - timedelta(seconds=1), instant + timedelta(seconds=1)}
        probes |= {midnight, midnight - timedelta(microseconds=1), midnight + timedelta(days=1)}
    for at in sorted(probes):
        assert _read(store, at) == _walked(store, at), at
    return _read(store, builder.at("2026-07-01T12:00"))


def test_the_figure_follows_every_write_of_actions_and_reviews(
    studio: Store, builder: StudioBuilder
) -> None:
    ann, bob, cat = (builder.client(f"C{i}", "A", "B") for i in range(3))
    first = builder.review(ann, "2026-05-01T10:00", stars=2)
    builder.review(bob, "2026-05-01T11:00", stars=1)
    builder.review(cat, "2026-05-01T12:00", stars=3)
    with studio.write() as session:
        close_action(
            session,
            first,
            ActionOutcome.CONTACTED,
            None,
            at=builder.at("2026-05-02T09:00"),
            actor="J",
        )
        close_actions_before(  # one bulk UPDATE closes Bob's and Cat's
            session,
            date(2026, 5, 2),
            ActionOutcome.NO_ACTION,
            None,
            at=builder.at("2026-05-02T20:30"),
            actor="J",
        )
    assert _agrees_everywhere(studio, builder) == ImprovementShare(3, 0, 0)

    better = builder.review(ann, "2026-05-10T20:30", stars=4)  # 00:30 UTC the next day
    builder.review(ann, "2026-05-20T10:00", stars=1)
    builder.review(bob, "2026-05-12T10:00", stars=1)
    assert _agrees_everywhere(studio, builder) == ImprovementShare(3, 2, 1)

    with studio.write() as session:  # the 4 was a typo: it was a 1
        edit_stars(session, better, 1, None, at=builder.at("2026-05-21T10:00"), actor="J")
    assert _agrees_everywhere(studio, builder) == ImprovementShare(3, 2, 0)

    with studio.write() as session:  # that review goes: the one of the 20th comes next
        session.delete(session.scalars(select(Review).where(Review.external_id == better)).one())
    assert _agrees_everywhere(studio, builder) == ImprovementShare(3, 2, 0)

    with studio.write() as session:  # Bob's review was before the closing after all
        session.execute(
            update(Review)
            .where(Review.client_id == bob, Review.stars == 1)
            .values(created_at=builder.at("2026-05-02T08:00"))
        )
        session.execute(  # and Cat's action is open again
            update(Action)
            .where(Action.review_id.in_(select(Review.id).where(Review.client_id == cat)))
            .values(closed_at=None, closed_by=None, outcome=None)
        )
    assert _agrees_everywhere(studio, builder) == ImprovementShare(2, 1, 0)

    builder.review(bob, "2026-06-01T10:00", stars=5)
    with studio.write() as session:  # Ann is erased: her reviews and actions go
        session.delete(session.get_one(Client, ann))
    assert _agrees_everywhere(studio, builder) == ImprovementShare(1, 1, 1)
