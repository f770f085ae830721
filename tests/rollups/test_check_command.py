"""`feedback-desk rollups check [--repair]`: the rollups against a full recount."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from feedback_desk.domain.kinds import ActionOutcome
from feedback_desk.services.actions import close_action
from feedback_desk.store.database import open_store
from tests.conftest import CliResult
from tests.support.studio_builder import StudioBuilder


def _studio(store_path: Path) -> None:
    store = open_store(store_path)
    builder = StudioBuilder(store)
    client = builder.client("C1", "Ann", "Lee")
    coach = builder.coach("E1", "Julie", "Tremblay")
    spin = builder.session("S1", "Spin", coach, "2026-05-12T18:00")
    builder.review(client, "2026-05-12T20:00", stars=5, session_id=spin)
    low = builder.review(client, "2026-05-14T20:00", stars=2)
    with store.write() as session:
        close_action(
            session,
            low,
            ActionOutcome.CONTACTED,
            None,
            at=builder.at("2026-05-15T10:00"),
            actor="J",
        )
    builder.review(client, "2026-05-20T20:00", stars=4)
    store.close()


def test_check_says_the_rollups_agree(cli, store_path: Path) -> None:  # type: ignore[no-untyped-def]
    _studio(store_path)
    result: CliResult = cli("rollups", "check")
    assert result.code == 0, result.err
    assert result.out == "The rollups agree with a full recount (8 rows in 7 tables).\n"


def test_a_mismatch_is_named_and_repaired(cli, store_path: Path) -> None:  # type: ignore[no-untyped-def]
    _studio(store_path)
    with sqlite3.connect(store_path) as connection:  # what a bug or a hand edit could leave
        connection.execute("UPDATE review_day_rollups SET reviews = 3 WHERE stars = 5")
        connection.execute("DELETE FROM class_review_day_rollups")
        connection.execute("UPDATE action_followups SET next_stars = 1")
    result: CliResult = cli("rollups", "check")
    assert result.code == 1
    assert result.out == ""
    assert result.err.splitlines() == [
        "review_day_rollups: 1 row(s) differ from a recount of the reviews, prompts and actions",
        "  local_day=2026-05-12 kind=class stars=5 channel=import recommend=-1: reviews 3 stored, "
        "1 counted",
        "class_review_day_rollups: 1 row(s) differ from a recount of the reviews, prompts and "
        "actions",
        "  local_day=2026-05-12 coach_id=1 class_id=1 stars=5: reviews 0 stored, 1 counted",
        "action_followups: 1 row(s) differ from a recount of the reviews, prompts and actions",
        "  action_id=1: next_stars 1 stored, 4 counted",
        # The followup's wrong stars reached the day counts through their trigger.
        "loop_day_rollups: 1 row(s) differ from a recount of the reviews, prompts and actions",
        "  utc_day=2026-05-21: improved 0 stored, 1 counted",
        "error: the rollups disagree with the reviews, prompts and actions; the reports would "
        "show wrong "
        "figures. Run `feedback-desk rollups check --repair` to rebuild them.",
    ]
    stats = cli("stats", "--from", "2026-05-01", "--to", "2026-05-31", "--json")
    assert '"reviews": 5' in stats.out, "the reports read the rollups"

    repaired: CliResult = cli("rollups", "check", "--repair")
    assert repaired.code == 0, repaired.err
    assert repaired.out.splitlines()[-1] == (
        "Rebuilt the rollups from the reviews, prompts and actions; they now agree with a recount."
    )
    assert cli("rollups", "check").code == 0
    stats = cli("stats", "--from", "2026-05-01", "--to", "2026-05-31", "--json")
    assert '"reviews": 3' in stats.out
