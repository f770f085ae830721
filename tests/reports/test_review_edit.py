"""The manual edit of a review's stars (docs/rules.md#manual-edit)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from feedback_desk.domain.kinds import ActionOutcome
from feedback_desk.errors import UserInputError
from feedback_desk.services.actions import close_action, list_open_actions
from feedback_desk.services.reports import ReportScope, period_report
from feedback_desk.services.review_edit import edit_stars
from feedback_desk.store.database import Store
from feedback_desk.store.models import AuditEntry, OutboxMessage, Review, ReviewEdit
from tests.reports.builders import StudioBuilder, local

NOW = local(2026, 5, 14, 18)


@pytest.fixture
def reviews(studio: Store) -> Store:
    with studio.write() as session:
        b = StudioBuilder(session)
        ann = b.client("C1")
        b.review(ann, 5, local(2026, 5, 1), external_id="R5")
        b.review(ann, 1, local(2026, 5, 2), external_id="R1")
    return studio


def test_an_edit_keeps_old_new_who_when_note_and_audits_it(reviews: Store) -> None:
    with reviews.write() as session:
        result = edit_stars(session, "R5", 4, "typo at the kiosk", at=NOW, actor="mia")
    assert (result.old_stars, result.new_stars, result.action_opened) == (5, 4, False)
    with reviews.read() as session:
        review = session.scalars(select(Review).where(Review.external_id == "R5")).one()
        assert (review.stars, review.edited_manually) == (4, True)
        [edit] = session.scalars(select(ReviewEdit)).all()
        assert (edit.old_stars, edit.new_stars, edit.edited_by, edit.edited_at, edit.note) == (
            5,
            4,
            "mia",
            NOW,
            "typo at the kiosk",
        )
        audit = session.scalars(select(AuditEntry).where(AuditEntry.entity_id == "R5")).one()
        assert audit.actor == "mia"
        assert json.loads(audit.details) == {"old": 5, "new": 4, "note": "typo at the kiosk"}


def test_figures_use_the_current_stars(reviews: Store) -> None:
    with reviews.write() as session:
        edit_stars(session, "R1", 5, None, at=NOW, actor="mia")
    with reviews.read() as session:
        totals = period_report(session, ReportScope(date(2026, 5, 1), date(2026, 5, 31))).totals
    assert (totals.promoters, totals.detractors, totals.nps) == (2, 0, 100)


def test_an_edit_down_to_three_or_fewer_opens_an_action_without_any_email(reviews: Store) -> None:
    with reviews.write() as session:
        result = edit_stars(session, "R5", 3, None, at=NOW, actor="mia")
    assert result.action_opened
    with reviews.read() as session:
        assert [a.review for a in list_open_actions(session)] == ["R1", "R5"]
        assert session.scalars(select(OutboxMessage)).all() == []


def test_an_edit_up_does_not_close_the_open_action(reviews: Store) -> None:
    with reviews.write() as session:
        edit_stars(session, "R1", 5, "the client tapped 1 by mistake", at=NOW, actor="mia")
    with reviews.read() as session:
        [action] = list_open_actions(session)
    assert (action.review, action.stars, action.edited_manually) == ("R1", 5, True)


def test_an_edit_down_reopens_a_closed_action(reviews: Store) -> None:
    with reviews.write() as session:
        edit_stars(session, "R1", 5, None, at=NOW, actor="mia")
        close_action(session, "R1", ActionOutcome.RESOLVED, None, at=NOW, actor="mia")
    with reviews.write() as session:
        result = edit_stars(session, "R1", 2, None, at=NOW, actor="mia")
    assert result.action_opened
    with reviews.read() as session:
        assert [a.review for a in list_open_actions(session)] == ["R1"]


@pytest.mark.parametrize(
    ("review", "stars", "message"),
    [
        ("R404", 4, "unknown review 'R404'"),
        ("R5", 6, "--stars must be between 1 and 5, not 6"),
        ("R5", 0, "--stars must be between 1 and 5, not 0"),
        ("R5", 5, "review R5 already has 5 stars; nothing changed"),
    ],
)
def test_bad_edits_are_refused_and_change_nothing(
    reviews: Store, review: str, stars: int, message: str
) -> None:
    with reviews.write() as session, pytest.raises(UserInputError) as caught:
        edit_stars(session, review, stars, None, at=NOW, actor="mia")
    assert caught.value.problems == [message]
    with reviews.read() as session:
        assert session.scalars(select(ReviewEdit)).all() == []
