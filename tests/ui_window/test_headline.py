"""The Overview's headline figures, on a hand-made store (month edges in local days)."""

from __future__ import annotations

from datetime import date, datetime, time

from feedback_desk.domain.kinds import Channel, ReviewKind
from feedback_desk.domain.localtime import local_to_utc, zone
from feedback_desk.services.headline import month_headlines
from feedback_desk.services.review_recording import NewReview, record_review
from feedback_desk.services.settings import load_settings
from feedback_desk.store.database import Store
from feedback_desk.store.models import Client

TZ = zone("America/Toronto")


def _at(day: date, hour: int) -> datetime:
    return local_to_utc(datetime.combine(day, time(hour)), TZ)


def test_this_month_and_last_month_count_by_local_day(store: Store) -> None:
    with store.write() as session:
        client = Client(
            external_id="C1",
            first_name="Élodie",
            last_name="Gagné",
            created_at=_at(date(2026, 1, 1), 9),
            updated_at=_at(date(2026, 1, 1), 9),
        )
        session.add(client)
        session.flush()
        settings = load_settings(session)
        reviews = [
            # 23:30 on April 30 in Toronto is already May 1 in UTC: it belongs to April.
            (date(2026, 4, 30), 23, 5),
            (date(2026, 4, 12), 10, 2),
            (date(2026, 5, 1), 0, 5),
            (date(2026, 5, 3), 10, 4),
            (date(2026, 5, 9), 18, 3),
            (date(2026, 5, 14), 8, 5),
            (date(2026, 5, 15), 8, 1),  # after "today": not counted
        ]
        for day, hour, stars in reviews:
            record_review(
                session,
                settings,
                NewReview(client, ReviewKind.BUSINESS, stars, _at(day, hour), Channel.STAFF),
            )
    with store.read() as session:
        figures = month_headlines(session, date(2026, 5, 14))
    this, last = figures.this_month, figures.last_month
    assert (this.reviews, this.promoters, this.passives, this.detractors) == (4, 2, 1, 1)
    assert this.average == 4.25
    assert this.nps == 25
    assert (last.first_day, last.last_day) == (date(2026, 4, 1), date(2026, 4, 30))
    assert (last.reviews, last.average, last.nps) == (2, 3.5, 0)
    assert figures.open_actions == 3  # the 2, the 3 and the 1 stars
