"""The one way a review enters the store, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from feedback_desk.domain.kinds import Channel, Polarity, ReviewKind
from feedback_desk.errors import UserInputError
from feedback_desk.services.aspects import ensure_catalogue, find_by_label, offered
from feedback_desk.services.review_recording import NewReview, record_review
from feedback_desk.services.settings import load_settings
from feedback_desk.store.database import Store
from feedback_desk.store.models import Action, ClassSession, ClassType, Client, Coach, Review

EVENING = datetime(2026, 3, 15, 1, 30, tzinfo=UTC)  # 21:30 on March 14 in Toronto


def _studio(session) -> tuple[Client, ClassSession]:  # type: ignore[no-untyped-def]
    ensure_catalogue(session, at=EVENING)
    client = Client(
        external_id="C17",
        first_name="Audrey",
        last_name="Bérubé",
        created_at=EVENING,
        updated_at=EVENING,
    )
    coach = Coach(external_id="E3", first_name="Julie", last_name="Tremblay")
    spin = ClassType(name="Spin 45")
    session.add_all([client, coach, spin])
    session.flush()
    sess = ClassSession(
        external_id="S881",
        class_id=spin.id,
        coach_id=coach.id,
        starts_at=EVENING - timedelta(hours=3),
        duration_min=45,
    )
    session.add(sess)
    session.flush()
    return client, sess


def test_a_review_gets_an_app_id_its_local_day_and_its_aspects(any_store: Store) -> None:
    with any_store.write() as session:
        client, sess = _studio(session)
        aspects = find_by_label(session, ReviewKind.CLASS, "ENERGIE du coach")
        review = record_review(
            session,
            load_settings(session),
            NewReview(
                client=client,
                kind=ReviewKind.CLASS,
                stars=5,
                created_at=EVENING,
                channel=Channel.KIOSK,
                session=sess,
                comment="  Super !  ",
                aspects=aspects,
            ),
        )
        review_id = review.id
    with any_store.read() as session:
        stored = session.get(Review, review_id)
        assert stored is not None
        assert stored.external_id == f"FD-{review_id:06d}"
        assert stored.local_day == date(2026, 3, 14)
        assert stored.comment == "Super !"
        assert [a.label_en for a in stored.aspects] == ["Coach's energy"]


def test_three_stars_or_fewer_open_an_action_and_four_do_not(any_store: Store) -> None:
    with any_store.write() as session:
        client, _ = _studio(session)
        settings = load_settings(session)
        for stars in (3, 4):
            record_review(
                session,
                settings,
                NewReview(
                    client=client,
                    kind=ReviewKind.BUSINESS,
                    stars=stars,
                    created_at=EVENING,
                    channel=Channel.STAFF,
                ),
            )
    with any_store.read() as session:
        actions = session.scalars(select(Action)).all()
        assert [a.review.stars for a in actions] == [3]
        assert actions[0].is_open


@pytest.mark.parametrize(
    ("stars", "comment", "message"),
    [
        (6, None, "between 1 and 5"),
        (0, None, "between 1 and 5"),
        (5, "x" * 2001, "at most 2000"),
    ],
)
def test_bad_reviews_are_refused_and_nothing_is_written(
    any_store: Store, stars: int, comment: str | None, message: str
) -> None:
    with pytest.raises(UserInputError, match=message), any_store.write() as session:
        client, _ = _studio(session)
        record_review(
            session,
            load_settings(session),
            NewReview(
                client=client,
                kind=ReviewKind.BUSINESS,
                stars=stars,
                created_at=EVENING,
                channel=Channel.STAFF,
                comment=comment,
            ),
        )
    with any_store.read() as session:
        assert session.scalars(select(Review)).all() == []
        assert session.scalars(select(Client)).all() == []


def test_a_class_review_needs_its_session(any_store: Store) -> None:
    with pytest.raises(UserInputError, match="needs the session"), any_store.write() as session:
        client, _ = _studio(session)
        record_review(
            session,
            load_settings(session),
            NewReview(
                client=client,
                kind=ReviewKind.CLASS,
                stars=5,
                created_at=EVENING,
                channel=Channel.STAFF,
            ),
        )


def test_aspects_offered_follow_the_stars(any_store: Store) -> None:
    with any_store.write() as session:
        ensure_catalogue(session, at=EVENING)
    with any_store.read() as session:
        assert {a.polarity for a in offered(session, ReviewKind.CLASS, 5)} == {Polarity.EXCEL}
        assert {a.polarity for a in offered(session, ReviewKind.CLASS, 4)} == {
            Polarity.EXCEL,
            Polarity.TO_IMPROVE,
        }
        assert {a.polarity for a in offered(session, ReviewKind.BUSINESS, 2)} == {
            Polarity.TO_IMPROVE
        }
        assert len(offered(session, ReviewKind.BUSINESS, 5)) == 10
