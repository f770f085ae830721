"""Actions to take: the list, closing one with an outcome, closing history in bulk."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from feedback_desk.domain.kinds import ActionOutcome
from feedback_desk.errors import UserInputError
from feedback_desk.services.actions import (
    close_action,
    close_actions_before,
    count_open_actions,
    count_open_before,
    list_open_actions,
)
from feedback_desk.store.database import Store
from feedback_desk.store.models import Action, AuditEntry
from tests.reports.builders import StudioBuilder, local

NOW = local(2026, 5, 14, 18)


def _studio_with_actions(studio: Store) -> None:
    with studio.write() as session:
        b = StudioBuilder(session)
        ann = b.client("C1", "Ann", "Lee")
        bob = b.client("C2", "Bob", "Roy")
        coach = b.coach("E1", "Julie", "Tremblay")
        spin = b.class_session("S1", "Spin 45", coach, local(2026, 3, 2, 9))
        b.review(ann, 2, local(2026, 3, 2, 11), session=spin, external_id="R1", comment="Too loud")
        b.review(bob, 5, local(2026, 3, 3), external_id="R2")
        b.review(bob, 3, local(2026, 4, 3), external_id="R3")
        b.review(ann, 1, local(2026, 1, 3), external_id="R4")


def test_open_actions_are_listed_newest_first_with_their_context(studio: Store) -> None:
    _studio_with_actions(studio)
    with studio.read() as session:
        actions = list_open_actions(session)
    assert [a.review for a in actions] == ["R3", "R1", "R4"]
    spin = actions[1]
    assert (spin.client, spin.client_name, spin.stars, spin.comment) == (
        "C1",
        "Ann Lee",
        2,
        "Too loud",
    )
    assert (spin.class_name, spin.coach_name, spin.at) == (
        "Spin 45",
        "Julie Tremblay",
        local(2026, 3, 2, 11),
    )
    assert actions[0].class_name is None


def test_closing_keeps_outcome_note_who_and_when_and_audits_it(studio: Store) -> None:
    _studio_with_actions(studio)
    with studio.write() as session:
        close_action(session, "R1", ActionOutcome.CONTACTED, "  Called her  ", at=NOW, actor="mia")
    with studio.read() as session:
        assert [a.review for a in list_open_actions(session)] == ["R3", "R4"]
        action = session.scalars(select(Action)).all()
        closed = next(a for a in action if a.closed_at is not None)
        assert (closed.outcome, closed.note, closed.closed_by, closed.closed_at) == (
            ActionOutcome.CONTACTED,
            "Called her",
            "mia",
            NOW,
        )
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "action.closed")
        ).one()
        assert (entry.actor, entry.entity_id) == ("mia", "R1")
        assert json.loads(entry.details) == {"outcome": "contacted", "note": "Called her"}


@pytest.mark.parametrize(
    ("review", "message"),
    [
        ("R404", "unknown review 'R404'"),
        ("R2", "review R2 has no action to take (it has 5 stars)"),
    ],
)
def test_closing_what_cannot_be_closed_says_why(studio: Store, review: str, message: str) -> None:
    _studio_with_actions(studio)
    with studio.write() as session, pytest.raises(UserInputError) as caught:
        close_action(session, review, ActionOutcome.RESOLVED, None, at=NOW, actor="mia")
    assert caught.value.problems == [message]


def test_closing_twice_is_refused(studio: Store) -> None:
    _studio_with_actions(studio)
    with studio.write() as session:
        close_action(session, "R1", ActionOutcome.RESOLVED, None, at=NOW, actor="mia")
    with studio.write() as session, pytest.raises(UserInputError, match="already closed"):
        close_action(session, "R1", ActionOutcome.RESOLVED, None, at=NOW, actor="mia")


def test_bulk_close_closes_only_actions_of_reviews_dated_before_the_day(studio: Store) -> None:
    _studio_with_actions(studio)
    with studio.read() as session:
        assert count_open_before(session, date(2026, 4, 3)) == 2
    with studio.write() as session:
        closed = close_actions_before(
            session, date(2026, 4, 3), ActionOutcome.NO_ACTION, "history", at=NOW, actor="mia"
        )
    assert closed == 2
    with studio.read() as session:
        assert [a.review for a in list_open_actions(session)] == ["R3"]
        assert count_open_actions(session) == 1
        outcomes = {a.outcome for a in session.scalars(select(Action)) if a.closed_at}
        assert outcomes == {ActionOutcome.NO_ACTION}
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "actions.closed_before")
        ).one()
        assert json.loads(entry.details)["closed"] == 2
