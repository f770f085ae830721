"""What a prompt is about, as plain values the kiosk and the command line can show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback_desk.errors import UserInputError
from feedback_desk.services.settings import Settings
from feedback_desk.store.models import ClassSession, Client


@dataclass(frozen=True)
class SessionSummary:
    """A session as a prompt shows it: plain values, safe to hand to another thread."""

    id: int
    external_id: str
    class_name: str
    coach_first_name: str
    coach_full_name: str
    starts_at: datetime


def summarize_session(session: Session, session_id: int) -> SessionSummary:
    found = session.get_one(ClassSession, session_id)
    return SessionSummary(
        id=found.id,
        external_id=found.external_id,
        class_name=found.class_type.name,
        coach_first_name=found.coach.first_name,
        coach_full_name=found.coach.full_name,
        starts_at=found.starts_at,
    )


def business_question(settings: Settings, language: str) -> str:
    """The studio's business question in *language*, with {studio} filled in."""
    key = "reviews.business_question_fr" if language == "fr" else "reviews.business_question_en"
    return settings.text(key).replace("{studio}", settings.studio_name)


def client_language(settings: Settings, client: Client) -> str:
    """The client's language, else the studio's."""
    return client.language if client.language in ("fr", "en") else settings.language


def find_client(session: Session, external_id: str) -> Client:
    """The client with this studio id; UserInputError naming it when there is none."""
    client = session.scalar(select(Client).where(Client.external_id == external_id.strip()))
    if client is None:
        raise UserInputError(f"unknown client {external_id!r}")
    return client
