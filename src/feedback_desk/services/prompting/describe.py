"""What a prompt is about, as plain values the kiosk and the command line can show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback_desk.errors import UserInputError
from feedback_desk.services.settings import Settings
from feedback_desk.store.models import ClassSession, Client
from feedback_desk.wording import Wording


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
        raise UserInputError(
            Wording(
                "unknown client {external_id!r}",
                external_id=external_id,
            )
        )
    return client


class SessionDay(StrEnum):
    """How a class prompt names the session's day: "today", "yesterday", "last Sunday", "on
    Tuesday" (a week ago or more: "last")."""

    TODAY = "today"
    YESTERDAY = "yesterday"
    LAST_WEEKDAY = "last_weekday"
    ON_WEEKDAY = "on_weekday"


def session_day(starts_at: datetime, asked_at: datetime, tz: ZoneInfo) -> tuple[SessionDay, date]:
    """How to name the local day of a session that started at *starts_at*, asked at *asked_at*."""
    day = starts_at.astimezone(tz).date()
    days_ago = (asked_at.astimezone(tz).date() - day).days
    if days_ago <= 0:
        return SessionDay.TODAY, day
    if days_ago == 1:
        return SessionDay.YESTERDAY, day
    if days_ago >= 7:
        return SessionDay.LAST_WEEKDAY, day
    return SessionDay.ON_WEEKDAY, day
