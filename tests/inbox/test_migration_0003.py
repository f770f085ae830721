"""Migration 0003_prompt_channels: a store made at 0002_inbox, with prompts in it, opens with the
prompts' day index holding the channel, nothing lost (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import inspect, text

from feedback_desk.services.reports import ReportScope
from feedback_desk.services.reports.queries import channel_tallies
from feedback_desk.store.database import open_store
from feedback_desk.store.engine import make_engine, store_url
from feedback_desk.store.migrate import upgrade_to

T = datetime(2026, 3, 1, 15, 0)


def test_a_0002_store_with_prompts_upgrades_to_the_channel_index(any_store_location: str) -> None:
    engine = make_engine(store_url(any_store_location))
    upgrade_to(engine, "0002_inbox")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO clients (id, external_id, first_name, last_name, search_key, "
                "email_consent, created_at, updated_at) "
                "VALUES (1, 'C1', 'Audrey', 'Tremblay', 'audrey tremblay c1', true, :t, :t)"
            ),
            {"t": T},
        )
        for prompt, (channel, outcome) in enumerate(
            [("kiosk", "answered"), ("kiosk", "abandoned"), ("email", "answered")], start=1
        ):
            connection.execute(
                text(
                    "INSERT INTO prompts (id, client_id, kind, shown_at, local_day, outcome, "
                    "channel) VALUES (:id, 1, 'business', :t, '2026-03-01', :outcome, :channel)"
                ),
                {"id": prompt, "t": T, "outcome": outcome, "channel": channel},
            )
    engine.dispose()
    store = open_store(any_store_location)
    try:
        with store.engine.connect() as connection:
            indexes = {index["name"] for index in inspect(connection).get_indexes("prompts")}
        assert "ix_prompts_day_channel_outcome" in indexes
        assert "ix_prompts_day_outcome" not in indexes
        with store.read() as session:
            rows = channel_tallies(session, ReportScope(date(2026, 3, 1), date(2026, 3, 31)))
        assert [(r.channel, r.prompts_shown, r.prompts_answered) for r in rows] == [
            ("email", 1, 1),
            ("kiosk", 2, 1),
        ]
    finally:
        store.close()
