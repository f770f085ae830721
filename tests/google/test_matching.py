"""The ranking of link suggestions (pure): names, invitations and attendance as evidence."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from feedback_desk.domain.google_matching import Candidate, name_similarity, rank

REVIEW_AT = datetime(2026, 3, 2, 10, 47, tzinfo=UTC)


def test_names_ignore_accents_case_order_and_take_initials() -> None:
    assert name_similarity("KOVALENKO ihor", "Ihor", "Kovalenko") == 1.0
    assert name_similarity("Élodie Gagné", "elodie", "GAGNE") == 1.0
    assert name_similarity("Marie-Ève Tremblay", "Marie Eve", "Tremblay") == 1.0
    assert name_similarity("Ihor K", "Ihor", "Kovalenko") == 0.95
    assert name_similarity("Ihor K.", "Ihor", "Bondar") == 0.5
    assert name_similarity("Ihor", "Ihor", "Kovalenko") == 0.5
    assert 0.8 < name_similarity("Igor Kovalenko", "Ihor", "Kovalenko") < 0.9
    assert name_similarity("A Google User", "Ihor", "Kovalenko") == 0.0


def test_ranking_pins_the_order_on_a_known_case() -> None:
    candidates = [
        # Same name, but nothing else points to him.
        Candidate(1, "Ihor", "Kovalenko"),
        # Initial matches, invited 12 days before, attended last week: the likeliest writer.
        Candidate(
            2,
            "Ihor",
            "Karpenko",
            invited_at=REVIEW_AT - timedelta(days=12),
            attended_sessions=3,
            last_attended_at=REVIEW_AT - timedelta(days=6),
        ),
        # Same initial, only attended.
        Candidate(
            3,
            "Ihor",
            "Kuzmenko",
            attended_sessions=1,
            last_attended_at=REVIEW_AT - timedelta(days=20),
        ),
        # Another first name altogether, invited: a weak suggestion still worth showing.
        Candidate(4, "Olena", "Shevchenko", invited_at=REVIEW_AT - timedelta(days=30)),
        # Attended, no name match, not invited: no suggestion at all.
        Candidate(
            5, "Anna", "Lee", attended_sessions=8, last_attended_at=REVIEW_AT - timedelta(days=1)
        ),
        # First name only: half a name, attended.
        Candidate(
            6, "Ihor", "", attended_sessions=2, last_attended_at=REVIEW_AT - timedelta(days=3)
        ),
    ]
    ranked = rank(candidates, "Ihor K")
    assert [s.client_id for s in ranked] == [2, 3, 1, 6, 4]
    assert [s.score for s in ranked] == [0.97, 0.72, 0.57, 0.45, 0.25]
    best = ranked[0]
    assert best.strong
    assert best.invited_at == REVIEW_AT - timedelta(days=12)
    assert best.attended_sessions == 3
    assert not ranked[2].strong  # a name alone is not enough to push staff


def test_anonymous_reviewers_get_invitation_suggestions_only() -> None:
    candidates = [
        Candidate(1, "A", "Google"),
        Candidate(2, "Olena", "Shevchenko", invited_at=REVIEW_AT - timedelta(days=2)),
    ]
    ranked = rank(candidates, "A Google User", anonymous=True)
    assert [s.client_id for s in ranked] == [2]
    assert ranked[0].name_similarity == 0.0
