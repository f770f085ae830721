"""Migration 0006_testimonials: a store made at 0005, with data in it, opens at the new schema
with nothing lost, and the new tables take testimonials (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select, text

from feedback_desk.domain.testimonials import ConsentPart, Place, TestimonialState
from feedback_desk.store.database import open_store
from feedback_desk.store.engine import make_engine, store_url
from feedback_desk.store.migrate import HEAD_REVISION, upgrade_to
from feedback_desk.store.models import (
    Client,
    ConsentEvent,
    PairedDevice,
    Review,
    Testimonial,
    TestimonialQuality,
)

T = datetime(2026, 3, 1, 15, 0)


def test_a_0005_store_with_data_upgrades_to_the_testimonials_schema(
    any_store_location: str,
) -> None:
    engine = make_engine(store_url(any_store_location))
    upgrade_to(engine, "0005_rollups")
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
                "INSERT INTO aspects (id, code, kind, polarity, label_fr, label_en, key_fr, "
                "key_en, origin, status, hidden, created_at) VALUES (1, 'business.excel.welcome', "
                "'business', 'excel', 'Accueil chaleureux', 'Warm welcome', 'accueil chaleureux', "
                "'warm welcome', 'predefined', 'approved', false, :t)"
            ),
            {"t": T},
        )
        connection.execute(
            text(
                "INSERT INTO reviews (id, external_id, client_id, kind, stars, channel, "
                "created_at, local_day, edited_manually) "
                "VALUES (1, 'R1', 1, 'business', 5, 'kiosk', :t, '2026-03-01', false)"
            ),
            {"t": T},
        )
        connection.execute(
            text(
                "INSERT INTO paired_devices (id, name, token_hash, paired_at, last_seen_at, "
                "user_agent) VALUES (1, 'Tablet 1', :h, :t, :t, '')"
            ),
            {"t": T, "h": "a" * 64},
        )
    engine.dispose()
    store = open_store(any_store_location)
    try:
        with store.engine.connect() as connection:
            revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        assert revision == HEAD_REVISION == "0006_testimonials"
        with store.read() as session:
            assert session.scalars(select(Client.external_id)).all() == ["C1"]
            assert session.get_one(Review, 1).stars == 5
            assert session.get_one(PairedDevice, 1).name == "Tablet 1"
            assert session.scalars(select(Testimonial)).all() == []
        at = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)
        with store.write() as session:
            testimonial = Testimonial(
                token="t" * 22,
                client_id=1,
                state=TestimonialState.ACCEPTED,
                language="fr",
                invited_at=at,
                invited_by="tester",
                answered_at=at,
                answered_where=Place.CLIENT_PAGE,
                text_1="Une amie m'en a parlé.",
                photo=b"\xff\xd8\xff",
                has_photo=True,
                consent_name=True,
            )
            session.add(testimonial)
            session.flush()
            session.add(TestimonialQuality(testimonial_id=testimonial.id, aspect_id=1))
            session.add(
                ConsentEvent(
                    testimonial_id=testimonial.id,
                    part=ConsentPart.NAME,
                    given=True,
                    at=at,
                    place=Place.CLIENT_PAGE,
                    actor="client",
                )
            )
        with store.read() as session:
            kept = session.scalars(select(Testimonial)).one()
            assert kept.consents() == {ConsentPart.NAME}
            assert kept.photo == b"\xff\xd8\xff"
            assert kept.answered_at == at
            assert session.scalars(select(TestimonialQuality.aspect_id)).all() == [1]
    finally:
        store.close()
