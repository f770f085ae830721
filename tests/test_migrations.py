"""Every migration upgrades a store holding data from the revision before it."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from feedback_desk.store.database import open_store
from feedback_desk.store.engine import make_engine, store_url
from feedback_desk.store.migrate import HEAD_REVISION, upgrade_to
from feedback_desk.store.models import Client, GoogleLink, GoogleLocation, GoogleReview

NOW = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


def test_0004_keeps_google_reviews_and_their_links_and_lifts_the_length_limits(
    any_store_location: str,
) -> None:
    engine = make_engine(store_url(any_store_location))
    upgrade_to(engine, "0003_client_pages")  # the revision before it
    with Session(engine) as session, session.begin():
        client = Client(
            external_id="C1", first_name="Ihor", last_name="K", created_at=NOW, updated_at=NOW
        )
        location = GoogleLocation(
            account_name="accounts/1",
            location_name="locations/4",
            title="Pulse Fitness",
            integrated_at=NOW,
        )
        session.add_all([client, location])
        session.flush()
        review = GoogleReview(
            location_id=location.id,
            review_id="R1",
            resource_name="accounts/1/locations/4/reviews/R1",
            reviewer_name="Ihor K",
            stars=5,
            comment="Great",
            create_time="2026-03-02T10:47:32.807Z",
            created_at=NOW,
            first_seen_at=NOW,
            last_seen_at=NOW,
        )
        session.add(review)
        session.flush()
        session.add(
            GoogleLink(
                google_review_id=review.id, client_id=client.id, linked_by="t", linked_at=NOW
            )
        )
    engine.dispose()

    store = open_store(any_store_location)
    long_name = "x" * 500
    with store.write() as session:
        assert session.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
            HEAD_REVISION
        )
        review = session.scalars(select(GoogleReview)).one()
        assert (review.review_id, review.reviewer_name, review.comment) == ("R1", "Ihor K", "Great")
        link = session.scalars(select(GoogleLink)).one()
        assert link.google_review_id == review.id, "the rebuild kept the links"
        review.reviewer_name = long_name
        session.scalars(select(GoogleLocation)).one().title = long_name
    with store.read() as session:
        assert session.scalars(select(GoogleReview.reviewer_name)).one() == long_name
    store.close()
