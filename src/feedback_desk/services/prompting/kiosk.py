"""The kiosk's work on the store, one short transaction per step.

Each function opens its own session, so the kiosk can run it on a worker thread, and returns
plain values (no ORM objects cross threads).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from feedback_desk.clock import Clock
from feedback_desk.domain.kinds import Channel, Polarity, PromptOutcome, ReviewKind
from feedback_desk.services import aspects as aspect_catalogue
from feedback_desk.services.client_search import ClientMatch, search_clients
from feedback_desk.services.prompting.describe import (
    SessionSummary,
    business_question,
    client_language,
    summarize_session,
)
from feedback_desk.services.prompting.history import due_for
from feedback_desk.services.prompting.recording import (
    Answer,
    answer_prompt,
    ignore_prompt,
    show_prompt,
)
from feedback_desk.services.settings import Settings, load_settings
from feedback_desk.store.database import Store
from feedback_desk.store.models import Client, Prompt

SEARCH_LIMIT = 8


@dataclass(frozen=True)
class Visit:
    """A client at the kiosk and the prompt shown to them (None when nothing is due)."""

    client_id: int
    first_name: str
    short_name: str
    language: str
    prompt_id: int | None
    kind: ReviewKind | None
    session: SessionSummary | None
    question_fr: str
    question_en: str


@dataclass(frozen=True)
class AspectOption:
    id: int
    polarity: Polarity
    label_fr: str
    label_en: str

    def label(self, language: str) -> str:
        return self.label_fr if language == "fr" else self.label_en


def find_clients(store: Store, text: str) -> list[ClientMatch]:
    with store.read() as session:
        return search_clients(session, text, limit=SEARCH_LIMIT)


def _visit(
    session: Session,
    settings: Settings,
    client: Client,
    prompt: Prompt | None,
) -> Visit:
    summary = (
        summarize_session(session, prompt.session_id)
        if prompt is not None and prompt.session_id is not None
        else None
    )
    return Visit(
        client_id=client.id,
        first_name=client.first_name,
        short_name=client.short_name,
        language=client_language(settings, client),
        prompt_id=prompt.id if prompt is not None else None,
        kind=prompt.kind if prompt is not None else None,
        session=summary,
        question_fr=business_question(settings, "fr"),
        question_en=business_question(settings, "en"),
    )


def start_visit(
    store: Store, clock: Clock, client_id: int, *, channel: Channel = Channel.KIOSK
) -> Visit:
    """Work out what is due for the client now and, if anything, record it as shown."""
    with store.write() as session:
        settings = load_settings(session)
        client = session.get_one(Client, client_id)
        at = clock.now()
        due = due_for(session, settings, client.id, at)
        prompt = (
            show_prompt(session, settings, client, due, at=at, channel=channel)
            if due is not None
            else None
        )
        return _visit(session, settings, client, prompt)


def open_visit(store: Store, prompt_id: int) -> tuple[Visit, datetime] | None:
    """The visit of a prompt shown and not answered or ignored yet, with when it was shown.

    For kiosks that keep no state between two screens (the browser kiosk): None once the prompt
    was answered or ignored, or when it does not exist.
    """
    with store.read() as session:
        prompt = session.get(Prompt, prompt_id)
        if prompt is None or prompt.outcome is not PromptOutcome.ABANDONED:
            return None
        settings = load_settings(session)
        client = session.get_one(Client, prompt.client_id)
        return _visit(session, settings, client, prompt), prompt.shown_at


def aspect_options(store: Store, kind: ReviewKind, stars: int) -> list[AspectOption]:
    with store.read() as session:
        return offered_options(session, kind, stars)


def offered_options(session: Session, kind: ReviewKind, stars: int) -> list[AspectOption]:
    return [
        AspectOption(a.id, a.polarity, a.label_fr, a.label_en)
        for a in aspect_catalogue.offered(session, kind, stars)
    ]


def submit(
    store: Store,
    clock: Clock,
    prompt_id: int,
    answer: Answer,
    *,
    channel: Channel = Channel.KIOSK,
) -> str:
    """Record the client's answer; returns the new review's id."""
    with store.write() as session:
        settings = load_settings(session)
        review = answer_prompt(
            session, settings, prompt_id, answer, at=clock.now(), channel=channel
        )
        return review.external_id


def ignore(store: Store, clock: Clock, prompt_id: int) -> None:
    with store.write() as session:
        ignore_prompt(session, prompt_id, at=clock.now())
