"""The prompting queries, client search and catalogue changes on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from feedback_desk.clock import FixedClock
from feedback_desk.domain.kinds import PromptOutcome, ReviewKind
from feedback_desk.domain.prompts import DuePrompt
from feedback_desk.services import aspects as catalogue
from feedback_desk.services.client_search import search_clients
from feedback_desk.services.prompting import Answer, due_for
from feedback_desk.services.prompting import kiosk as kiosk_steps
from feedback_desk.services.prompting.direct import AnswerRequest, answer_due
from feedback_desk.services.settings import load_settings
from feedback_desk.store.database import Store
from feedback_desk.store.models import Prompt
from tests.prompts.conftest import build_audrey_week
from tests.support.studio_builder import StudioBuilder


def test_audrey_week_and_the_response_records(any_store: Store) -> None:
    studio = StudioBuilder(any_store)
    week = build_audrey_week(studio, thursday_like_friday=True)
    saturday = studio.at("2026-05-16T10:00")
    with any_store.read() as session:
        assert due_for(session, load_settings(session), week.client, saturday) == DuePrompt(
            ReviewKind.CLASS, week.friday
        )
    visit = kiosk_steps.start_visit(any_store, FixedClock(saturday), week.client)
    assert visit.prompt_id is not None
    kiosk_steps.submit(any_store, FixedClock(saturday), visit.prompt_id, Answer(stars=5))
    sunday = studio.at("2026-05-17T10:00")
    with any_store.write() as session:
        result = answer_due(
            session, load_settings(session), "C1", sunday, AnswerRequest(ignore=True)
        )
    assert result.session is not None
    assert result.session.id == week.wednesday
    with any_store.read() as session:
        outcomes = list(session.scalars(select(Prompt.outcome).order_by(Prompt.id)))
        assert outcomes == [PromptOutcome.ANSWERED, PromptOutcome.IGNORED]
        monday = studio.at("2026-05-18T10:00")
        assert due_for(session, load_settings(session), week.client, monday) == DuePrompt(
            ReviewKind.CLASS, week.monday
        )


def test_search_and_catalogue_changes(any_store: Store) -> None:
    studio = StudioBuilder(any_store)
    studio.client("M-1042", "Élodie", "Gagné")
    studio.client("M-100%", "Marc", "Gagnon")
    with any_store.read() as session:
        assert [m.short_name for m in search_clients(session, "GAGNE")] == ["Élodie G."]
        assert [m.external_id for m in search_clients(session, "100%")] == ["M-100%"]
    now = datetime(2026, 5, 16, tzinfo=UTC)
    with any_store.write() as session:
        music = catalogue.find_by_label(session, ReviewKind.CLASS, "musique")[0].id
        motivation = catalogue.find_by_label(session, ReviewKind.CLASS, "motivation")[0].id
        catalogue.merge(session, music, motivation, at=now, actor="m")
    with any_store.read() as session:
        rows = {r.id: r for r in catalogue.list_with_votes(session)}
    assert rows[music].merged_into_id == motivation
    assert len(rows) == 40
