"""The counts behind the charts (SQL, studio-local months) and the contract's JSON."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from feedback_desk.services.google.queries import (
    MonthlyCount,
    ReviewFilter,
    count_reviews,
    google_monthly_counts,
    integration_day,
    rating_distribution,
    review_rows,
)
from feedback_desk.store.database import Store
from tests.google.builders import add_client, add_google_review, location

TORONTO = ZoneInfo("America/Toronto")


def test_cumulative_counts_per_local_month(store: Store) -> None:
    with store.write() as session:
        location(session, integrated_at=datetime(2026, 2, 10, tzinfo=UTC))
        # 2026-02-01 03:00 UTC is still January 31 in Toronto.
        add_google_review(session, "A", created_at=datetime(2026, 2, 1, 3, 0, tzinfo=UTC))
        add_google_review(session, "B", created_at=datetime(2026, 2, 1, 6, 0, tzinfo=UTC))
        add_google_review(session, "C", created_at=datetime(2026, 4, 30, 12, tzinfo=UTC))
        add_google_review(
            session, "D", created_at=datetime(2026, 4, 2, 12, tzinfo=UTC), removed=True
        )
        counts = google_monthly_counts(session, TORONTO, until=date(2026, 5, 14))
        assert counts == [
            MonthlyCount(date(2026, 1, 1), 1, 1),
            MonthlyCount(date(2026, 2, 1), 1, 2),
            MonthlyCount(date(2026, 3, 1), 0, 2),
            MonthlyCount(date(2026, 4, 1), 1, 3),
            MonthlyCount(date(2026, 5, 1), 0, 3),
        ]
        later = google_monthly_counts(
            session, TORONTO, first=date(2026, 3, 1), until=date(2026, 4, 1)
        )
        assert later == [MonthlyCount(date(2026, 3, 1), 0, 2), MonthlyCount(date(2026, 4, 1), 1, 3)]
        assert integration_day(session, TORONTO) == date(2026, 2, 9)


def test_no_reviews_no_months(store: Store) -> None:
    with store.read() as session:
        assert google_monthly_counts(session, TORONTO, until=date(2026, 5, 1)) == []
        assert rating_distribution(session) == {1: 0, 2: 0, 3: 0, 4: 0, 5: 0}


def test_rating_distribution_skips_removed_and_unrated(store: Store) -> None:
    with store.write() as session:
        for index, stars in enumerate([5, 5, 4, 1, None]):
            add_google_review(session, f"R{index}", stars=stars)
        add_google_review(session, "gone", stars=1, removed=True)
        assert rating_distribution(session) == {1: 1, 2: 0, 3: 0, 4: 1, 5: 2}


def test_filters_and_windows(store: Store) -> None:
    with store.write() as session:
        client = add_client(session, "C1", "Ihor", "Kovalenko")
        for day in range(1, 11):
            review = add_google_review(
                session,
                f"R{day:02d}",
                created_at=datetime(2026, 3, day, tzinfo=UTC),
                reply="Thanks" if day % 2 else None,
                removed=day == 10,
            )
            if day <= 3:
                from feedback_desk.store.models import GoogleLink

                session.add(
                    GoogleLink(
                        google_review_id=review.id,
                        client_id=client.id,
                        linked_by="t",
                        linked_at=review.created_at,
                    )
                )
        session.flush()
        assert count_reviews(session) == 10
        assert count_reviews(session, ReviewFilter(not_linked=True)) == 7
        assert count_reviews(session, ReviewFilter(not_replied=True)) == 5
        assert count_reviews(session, ReviewFilter(removed=True)) == 1
        page = review_rows(session, offset=2, limit=3)
        assert [r.review_id for r in page] == ["R08", "R07", "R06"]
        linked = review_rows(session, ReviewFilter(not_replied=True, not_linked=True))
        assert [r.review_id for r in linked] == ["R10", "R08", "R06", "R04"]


def test_reviews_json_has_the_contract_shape(store: Store, cli) -> None:  # type: ignore[no-untyped-def]
    with store.write() as session:
        add_google_review(
            session,
            "AbFv",
            comment="Great trainers, spotless studio!",
            created_at=datetime(2026, 3, 2, 10, 47, 32, tzinfo=UTC),
        )
        add_google_review(
            session,
            "Anon",
            reviewer="A Google User",
            anonymous=True,
            stars=None,
            created_at=datetime(2026, 3, 1, tzinfo=UTC),
            removed=True,
        )
    result = cli("google", "reviews", "--json")
    assert result.code == 0
    assert json.loads(result.out) == [
        {
            "review": "AbFv",
            "reviewer": "Ihor K",
            "anonymous": False,
            "stars": 5,
            "comment": "Great trainers, spotless studio!",
            "created_at": "2026-03-02T10:47:32Z",
            "updated_at": "2026-03-02T10:47:32Z",
            "reply": None,
            "client": None,
            "removed": False,
        },
        {
            "review": "Anon",
            "reviewer": "A Google User",
            "anonymous": True,
            "stars": None,
            "comment": None,
            "created_at": "2026-03-01T00:00:00Z",
            "updated_at": "2026-03-01T00:00:00Z",
            "reply": None,
            "client": None,
            "removed": True,
        },
    ]
