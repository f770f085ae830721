"""Every order and filter of the paged listing gives exactly what a plain sort would."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import aliased

from feedback_desk.domain.kinds import ReviewKind
from feedback_desk.domain.text import fold
from feedback_desk.services.review_listing import (
    ReviewFilter,
    ReviewOrder,
    ReviewPager,
    SortKey,
    count_reviews,
)
from feedback_desk.store.database import open_store
from feedback_desk.store.models import ClassSession, ClassType, Client, Coach, Review
from tests.ui_window.conftest import TZ

FILTERS = {
    "all": ReviewFilter(),
    "class": ReviewFilter(kind=ReviewKind.CLASS),
    "business, February": ReviewFilter(
        kind=ReviewKind.BUSINESS, first_day=date(2026, 2, 1), last_day=date(2026, 2, 28)
    ),
    "class, coach E2": ReviewFilter(kind=ReviewKind.CLASS, coach_id=2),
    "class, searched": ReviewFilter(kind=ReviewKind.CLASS, client_search="É"),
    "searched, many clients": ReviewFilter(client_search="e"),
}


def _expected(session, filters: ReviewFilter, order: ReviewOrder) -> list[int]:  # type: ignore[no-untyped-def]
    coach = aliased(Coach)
    rows = session.execute(
        select(
            Review.id,
            Review.created_at,
            Review.kind,
            Review.stars,
            Review.comment,
            Review.channel,
            Review.local_day,
            Client.search_key,
            ClassType.name,
            coach.first_name,
            coach.last_name,
            ClassSession.coach_id,
        )
        .join(Client, Client.id == Review.client_id)
        .outerjoin(ClassSession, ClassSession.id == Review.session_id)
        .outerjoin(ClassType, ClassType.id == ClassSession.class_id)
        .outerjoin(coach, coach.id == ClassSession.coach_id)
    ).all()
    words = fold(filters.client_search).split()
    kept = [
        r
        for r in rows
        if (filters.kind is None or r.kind is filters.kind)
        and (filters.first_day is None or r.local_day >= filters.first_day)
        and (filters.last_day is None or r.local_day <= filters.last_day)
        and (filters.coach_id is None or r.coach_id == filters.coach_id)
        and all(w in r.search_key for w in words)
    ]
    newest = sorted(kept, key=lambda r: (r.created_at, r.id), reverse=True)
    if order.key is SortKey.DATE:
        return [r.id for r in (newest if order.descending else reversed(newest))]
    value = {
        SortKey.STARS: lambda r: r.stars,
        SortKey.CLIENT: lambda r: r.search_key,
        SortKey.KIND: lambda r: r.kind.value,
        SortKey.CLASS: lambda r: r.name or "",
        SortKey.COACH: lambda r: f"{r.first_name or ''} {r.last_name or ''}",
        SortKey.COMMENT: lambda r: r.comment or "",
        SortKey.CHANNEL: lambda r: r.channel.value,
    }[order.key]
    # Stable sorts (reverse keeps ties in order): ties stay newest first, as in the listing.
    return [r.id for r in sorted(newest, key=value, reverse=order.descending)]


@pytest.mark.parametrize("name", list(FILTERS))
@pytest.mark.parametrize("key", list(SortKey))
def test_pages_follow_the_order_exactly(
    small_demo: tuple[Path, object], name: str, key: SortKey
) -> None:
    filters = FILTERS[name]
    store = open_store(small_demo[0])
    try:
        with store.read() as session:
            for descending in (True, False):
                order = ReviewOrder(key, descending)
                pager = ReviewPager(filters, order, TZ, page_size=37)
                got: list[int] = []
                while not pager.complete:
                    got += [r.id for r in pager.next_page(session).rows]
                want = _expected(session, filters, order)
                if key in (SortKey.DATE, SortKey.STARS):
                    assert got == want, order
                else:
                    # Text collation may differ from Python's; the set and the count must not.
                    assert sorted(got) == sorted(want), order
                assert len(got) == count_reviews(session, filters, TZ)
    finally:
        store.close()


def test_many_matching_clients_walk_the_reviews_instead(
    small_demo: tuple[Path, object], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The demo is small: every search matches "few clients" unless the limit is lowered.
    import feedback_desk.services.review_listing as listing

    monkeypatch.setattr(listing, "FEW_CLIENTS", 2)
    store = open_store(small_demo[0])
    try:
        with store.read() as session:
            filters = ReviewFilter(kind=ReviewKind.CLASS, client_search="a")
            newest = ReviewOrder(SortKey.DATE, True)
            pager = ReviewPager(filters, newest, TZ, page_size=50)
            got: list[int] = []
            while not pager.complete:
                got += [r.id for r in pager.next_page(session).rows]
            assert got == _expected(session, filters, newest)
    finally:
        store.close()
