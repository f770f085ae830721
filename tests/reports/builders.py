"""A small studio built by hand, so that every expected figure can be computed on paper."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from feedback_desk.domain.kinds import Channel, PromptOutcome, ReviewKind
from feedback_desk.domain.localtime import local_day, local_to_utc
from feedback_desk.services.aspects import find_by_label
from feedback_desk.services.review_recording import NewReview, record_review
from feedback_desk.services.settings import Settings, load_settings
from feedback_desk.store.models import (
    ClassSession,
    ClassType,
    Client,
    Coach,
    Prompt,
    Review,
)

TORONTO = ZoneInfo("America/Toronto")


def local(year: int, month: int, day: int, hour: int = 12, minute: int = 0) -> datetime:
    """A Toronto wall-clock time as the aware UTC instant the store keeps."""
    return local_to_utc(datetime(year, month, day, hour, minute), TORONTO)


class StudioBuilder:
    def __init__(self, session: Session, settings: Settings | None = None) -> None:
        self.session = session
        self.settings = settings or load_settings(session)
        self._classes: dict[str, ClassType] = {}
        self._count = 0

    def client(
        self, external_id: str, first: str = "Ann", last: str = "Lee", **extra: object
    ) -> Client:
        at = local(2020, 1, 1)
        client = Client(
            external_id=external_id,
            first_name=first,
            last_name=last,
            created_at=at,
            updated_at=at,
            **extra,
        )
        client.refresh_search_key()
        self.session.add(client)
        self.session.flush()
        return client

    def coach(self, external_id: str, first: str = "Julie", last: str = "Tremblay") -> Coach:
        coach = Coach(external_id=external_id, first_name=first, last_name=last)
        self.session.add(coach)
        self.session.flush()
        return coach

    def class_session(
        self, external_id: str, class_name: str, coach: Coach, starts_at: datetime
    ) -> ClassSession:
        class_type = self._classes.get(class_name)
        if class_type is None:
            class_type = ClassType(name=class_name)
            self.session.add(class_type)
            self.session.flush()
            self._classes[class_name] = class_type
        session = ClassSession(
            external_id=external_id,
            class_id=class_type.id,
            coach_id=coach.id,
            starts_at=starts_at,
            duration_min=60,
        )
        self.session.add(session)
        self.session.flush()
        return session

    def review(
        self,
        client: Client,
        stars: int,
        at: datetime,
        *,
        session: ClassSession | None = None,
        external_id: str | None = None,
        comment: str | None = None,
        aspects: Sequence[str] = (),
        channel: Channel = Channel.IMPORT,
    ) -> Review:
        self._count += 1
        kind = ReviewKind.CLASS if session is not None else ReviewKind.BUSINESS
        chosen = [find_by_label(self.session, kind, label)[0] for label in aspects]
        return record_review(
            self.session,
            self.settings,
            NewReview(
                client=client,
                kind=kind,
                stars=stars,
                created_at=at,
                channel=channel,
                session=session,
                comment=comment,
                aspects=chosen,
                external_id=external_id or f"R{self._count}",
            ),
        )

    def prompt(
        self,
        client: Client,
        at: datetime,
        outcome: PromptOutcome,
        *,
        kind: ReviewKind = ReviewKind.BUSINESS,
        session: ClassSession | None = None,
    ) -> Prompt:
        prompt = Prompt(
            client_id=client.id,
            kind=kind,
            session_id=session.id if session is not None else None,
            shown_at=at,
            local_day=local_day(at, self.settings.timezone),
            outcome=outcome,
            outcome_at=at,
            channel=Channel.KIOSK,
        )
        self.session.add(prompt)
        self.session.flush()
        return prompt
