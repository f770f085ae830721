"""Migration 0002_inbox: a store made at 0001, with data in it, opens at the new schema with
nothing lost (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select, text

from feedback_desk.domain.kinds import Channel
from feedback_desk.store.database import open_store
from feedback_desk.store.engine import make_engine, store_url
from feedback_desk.store.migrate import HEAD_REVISION, upgrade_to
from feedback_desk.store.models import Action, InboundMessage, Review, ReviewRequest

T = datetime(2026, 3, 1, 15, 0)


def test_a_0001_store_with_data_upgrades_to_the_inbox_schema(any_store_location: str) -> None:
    engine = make_engine(store_url(any_store_location))
    upgrade_to(engine, "0001")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO clients (id, external_id, first_name, last_name, search_key, "
                "email_consent, created_at, updated_at) "
                "VALUES (1, 'C1', 'Audrey', 'Tremblay', 'audrey tremblay c1', true, :t, :t)"
            ),
            {"t": T},
        )
        connection.execute(
            text(
                "INSERT INTO reviews (id, external_id, client_id, kind, stars, channel, "
                "created_at, local_day, edited_manually) "
                "VALUES (1, 'R1', 1, 'business', 2, 'import', :t, '2026-03-01', false)"
            ),
            {"t": T},
        )
        connection.execute(
            text("INSERT INTO actions (id, review_id, opened_at) VALUES (1, 1, :t)"), {"t": T}
        )
        connection.execute(
            text(
                "INSERT INTO outbox_messages (id, kind, recipients, subject, body_text, state, "
                "scheduled_at, next_attempt_at, attempts, message_id, created_at) VALUES "
                "(1, 'reply', 'a@b.example', 'Hello', 'Hi', 'sent', :t, :t, 1, '<m1@s.example>', "
                ":t)"
            ),
            {"t": T},
        )
    engine.dispose()
    store = open_store(any_store_location)
    try:
        with store.engine.connect() as connection:
            revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        assert revision == HEAD_REVISION
        with store.read() as session:
            review = session.scalars(select(Review)).one()
            action = session.scalars(select(Action)).one()
            assert (review.external_id, review.stars, review.recommend) == ("R1", 2, None)
            assert review.channel is Channel.IMPORT
            assert (action.review_id, action.inbound_message_id, action.is_open) == (1, None, True)
            assert session.scalars(select(ReviewRequest)).all() == []
            assert session.scalars(select(InboundMessage)).all() == []
        # The new columns and tables take data.
        with store.write() as session:
            session.get_one(Review, 1).recommend = 9
            session.add(
                InboundMessage(
                    client_id=1,
                    received_at=datetime(2026, 3, 2, tzinfo=UTC),
                    from_address="a@b.example",
                    subject="Re: Hello",
                    text="Thanks",
                    about="reply",
                    outbox_message_id=1,
                )
            )
        with store.read() as session:
            assert session.get_one(Review, 1).recommend == 9
    finally:
        store.close()
