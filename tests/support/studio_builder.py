"""Build a small studio in a real store: clients, coaches, classes, sessions, attendance, reviews.

Times are written as local studio times ("2026-05-15T18:00") like the CSV files and `--at`.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select

from feedback_desk.domain.kinds import Channel, ReviewKind
from feedback_desk.domain.localtime import parse_instant, zone
from feedback_desk.services.aspects import ensure_catalogue
from feedback_desk.services.review_recording import NewReview, record_review
from feedback_desk.services.settings import load_settings, set_setting
from feedback_desk.store.database import Store
from feedback_desk.store.models import (
    Attendance,
    ClassSession,
    ClassType,
    Client,
    Coach,
    Review,
)

TORONTO = zone("America/Toronto")
EPOCH = datetime.fromisoformat("2025-01-01T00:00:00+00:00")


class StudioBuilder:
    def __init__(self, store: Store, tz: ZoneInfo = TORONTO) -> None:
        self.store = store
        self.tz = tz
        with store.write() as session:
            ensure_catalogue(session, at=EPOCH)

    def at(self, text: str) -> datetime:
        return parse_instant(text, self.tz)

    @staticmethod
    def at_static(text: str) -> datetime:
        """A local Toronto time (the builder's default zone) without a builder."""
        return parse_instant(text, TORONTO)

    def setting(self, key: str, value: str) -> None:
        with self.store.write() as session:
            set_setting(session, key, value, at=EPOCH, actor="test")

    def client(
        self,
        external_id: str,
        first: str,
        last: str,
        *,
        language: str | None = None,
        email: str | None = None,
        consent: bool = False,
    ) -> int:
        with self.store.write() as session:
            client = Client(
                external_id=external_id,
                first_name=first,
                last_name=last,
                language=language,
                email=email,
                email_consent=consent,
                created_at=EPOCH,
                updated_at=EPOCH,
            )
            client.refresh_search_key()
            session.add(client)
            session.flush()
            return client.id

    def coach(self, external_id: str, first: str, last: str) -> int:
        with self.store.write() as session:
            coach = Coach(external_id=external_id, first_name=first, last_name=last)
            session.add(coach)
            session.flush()
            return coach.id

    def session(
        self,
        external_id: str,
        class_name: str,
        coach_id: int,
        starts: str,
        *,
        minutes: int = 60,
    ) -> int:
        with self.store.write() as session:
            class_type = session.scalar(select(ClassType).where(ClassType.name == class_name))
            if class_type is None:
                class_type = ClassType(name=class_name)
                session.add(class_type)
                session.flush()
            row = ClassSession(
                external_id=external_id,
                class_id=class_type.id,
                coach_id=coach_id,
                starts_at=self.at(starts),
                duration_min=minutes,
            )
            session.add(row)
            session.flush()
            return row.id

    def attend(self, session_id: int, client_id: int, *, present: bool = True) -> None:
        with self.store.write() as session:
            session.add(Attendance(session_id=session_id, client_id=client_id, present=present))

    def review(
        self,
        client_id: int,
        when: str,
        *,
        stars: int = 5,
        session_id: int | None = None,
        channel: Channel = Channel.IMPORT,
    ) -> str:
        with self.store.write() as session:
            review = record_review(
                session,
                load_settings(session),
                NewReview(
                    client=session.get_one(Client, client_id),
                    kind=ReviewKind.CLASS if session_id is not None else ReviewKind.BUSINESS,
                    stars=stars,
                    created_at=self.at(when),
                    channel=channel,
                    session=session.get(ClassSession, session_id) if session_id else None,
                ),
            )
            return review.external_id

    def reviews_of(self, client_id: int) -> list[Review]:
        with self.store.read() as session:
            rows = session.scalars(
                select(Review).where(Review.client_id == client_id).order_by(Review.id)
            ).all()
            for row in rows:
                _ = row.aspects
            return list(rows)
