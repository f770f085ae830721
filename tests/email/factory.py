"""Hand-made studio data for the email tests: clients, coaches, sessions, reviews, settings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from feedback_desk.domain.kinds import Channel, PromptOutcome, ReviewKind
from feedback_desk.services.review_recording import NewReview, record_review
from feedback_desk.services.settings import load_settings, set_setting
from feedback_desk.store.database import Store
from feedback_desk.store.models import (
    Attendance,
    ClassSession,
    ClassType,
    Client,
    Coach,
    Prompt,
    Review,
)

T0 = datetime(2026, 1, 5, 15, 0, tzinfo=UTC)


def configure(store: Store, **values: str) -> None:
    """Set settings by key, with dots written as double underscores: smtp__host="..."."""
    with store.write() as session:
        for key, value in values.items():
            set_setting(session, key.replace("__", "."), value, at=T0, actor="tester")


def smtp_settings(server: object, **extra: str) -> dict[str, str]:
    return {
        "smtp__host": server.host,  # type: ignore[attr-defined]
        "smtp__port": str(server.port),  # type: ignore[attr-defined]
        "smtp__security": "none",
        "smtp__sender": "hello@studio.example",
        "studio__name": "Studio Zen",
        "studio__address": "12 rue des Pins, Montréal",
        **extra,
    }


def add_client(
    session: Session,
    external_id: str,
    *,
    first: str = "Audrey",
    last: str = "Tremblay",
    email: str | None = "auto",
    consent: bool = True,
    language: str | None = None,
) -> Client:
    client = Client(
        external_id=external_id,
        first_name=first,
        last_name=last,
        email=f"{external_id.lower()}@members.example" if email == "auto" else email,
        email_consent=consent,
        language=language,
        created_at=T0,
        updated_at=T0,
    )
    client.refresh_search_key()
    session.add(client)
    session.flush()
    return client


def add_session(
    session: Session,
    external_id: str,
    starts_at: datetime,
    *,
    class_name: str = "Spin 45",
    coach_id: str = "E1",
) -> ClassSession:
    from sqlalchemy import select

    coach = session.scalar(select(Coach).where(Coach.external_id == coach_id))
    if coach is None:
        coach = Coach(external_id=coach_id, first_name="Julie", last_name="Roy")
        session.add(coach)
    class_type = session.scalar(select(ClassType).where(ClassType.name == class_name))
    if class_type is None:
        class_type = ClassType(name=class_name)
        session.add(class_type)
    session.flush()
    item = ClassSession(
        external_id=external_id,
        class_id=class_type.id,
        coach_id=coach.id,
        starts_at=starts_at,
        duration_min=60,
    )
    session.add(item)
    session.flush()
    return item


def attend(session: Session, client: Client, item: ClassSession, present: bool = True) -> None:
    session.add(Attendance(session_id=item.id, client_id=client.id, present=present))
    session.flush()


def add_review(
    session: Session,
    client: Client,
    stars: int,
    at: datetime,
    *,
    channel: Channel = Channel.IMPORT,
    kind: ReviewKind = ReviewKind.BUSINESS,
    item: ClassSession | None = None,
    comment: str | None = None,
    external_id: str | None = None,
) -> Review:
    settings = load_settings(session)
    if channel is Channel.IMPORT and external_id is None:
        external_id = f"R{client.external_id}-{at:%Y%m%d%H%M%S}"
    return record_review(
        session,
        settings,
        NewReview(
            client=client,
            kind=ReviewKind.CLASS if item is not None else kind,
            stars=stars,
            created_at=at,
            channel=channel,
            session=item,
            comment=comment,
            external_id=external_id,
        ),
    )


def days(n: float) -> timedelta:
    return timedelta(days=n)


def silent_clients(store: Store, now: datetime, names: list[tuple[str, str, bool]]) -> None:
    """Clients shown two prompts lately, none answered: (id, first name, agreed to email)."""
    with store.write() as session:
        for client_id, first, consent in names:
            client = add_client(session, client_id, first=first, consent=consent)
            for ago in (3, 6):
                when = now - timedelta(days=ago)
                session.add(
                    Prompt(
                        client_id=client.id,
                        kind=ReviewKind.BUSINESS,
                        shown_at=when,
                        local_day=when.date(),
                        outcome=PromptOutcome.IGNORED,
                        channel=Channel.KIOSK,
                    )
                )
