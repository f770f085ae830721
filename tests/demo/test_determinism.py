"""Same arguments, same studio; another seed, another studio; a failed build loses nothing."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from feedback_desk.services.demo import DemoOptions, write_demo
from feedback_desk.services.loop import nonrespondents
from feedback_desk.services.progress import Cancelled
from feedback_desk.services.settings import load_settings
from feedback_desk.store.base import Base
from feedback_desk.store.database import open_store
from tests.demo.conftest import at_arg, run_on
from tests.demo.test_history import every_due_invitation_was_queued, prompts_follow_the_kiosk_rules

SMALL = {"clients": 60, "months": 4}
UNTIL = date(2026, 2, 27)


def table_contents(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    store = open_store(path)
    try:
        with store.read() as session:
            return {
                table.name: [
                    tuple(row)
                    for row in session.execute(select(table).order_by(*table.primary_key.columns))
                ]
                for table in Base.metadata.sorted_tables
            }
    finally:
        store.close()


def test_the_same_arguments_give_equal_tables(tmp_path: Path) -> None:
    options = DemoOptions(until=UNTIL, seed=3, **SMALL)
    told = write_demo(tmp_path / "a.sqlite", options).lines()[1:]
    retold = write_demo(tmp_path / "b.sqlite", options).lines()[1:]
    first, second = table_contents(tmp_path / "a.sqlite"), table_contents(tmp_path / "b.sqlite")
    assert first["reviews"]
    assert first["google_reviews"]
    assert first["outbox_messages"]
    assert first["invitations"]
    assert first["testimonials"]
    assert first["testimonial_consents"]
    assert first == second
    assert told == retold


def test_another_seed_gives_another_studio(tmp_path: Path) -> None:
    write_demo(tmp_path / "a.sqlite", DemoOptions(until=UNTIL, seed=1, **SMALL))
    write_demo(tmp_path / "b.sqlite", DemoOptions(until=UNTIL, seed=2, **SMALL))
    first, second = table_contents(tmp_path / "a.sqlite"), table_contents(tmp_path / "b.sqlite")
    assert first["clients"] != second["clients"]
    assert first["reviews"] != second["reviews"]
    # The studio itself (its coaches and classes) stays the same.
    assert first["coaches"] == second["coaches"]
    assert first["classes"] == second["classes"]


def test_another_seed_across_the_autumn_clock_change_tells_the_whole_story(
    tmp_path: Path,
) -> None:
    until = date(2026, 11, 2)  # the Monday after the autumn DST change
    path = tmp_path / "seed5.sqlite"
    summary = write_demo(path, DemoOptions(until=until, clients=200, seed=5))
    run = run_on(path)
    listed = run("invitations", "--at", at_arg(summary.at), "--json").json()
    assert [i["client"] for i in listed] == summary.invitations_due
    assert len(summary.invitations_due) >= 2
    trends = run("trends", "--at", at_arg(summary.at), "--json").json()
    assert [c["coach"] for c in trends["coaches"]] == ["E2"]
    assert [c["client"] for c in trends["clients"]] == summary.dropping_clients
    assert len(summary.dropping_clients) >= 3
    assert summary.story.prompts_due
    for due in summary.story.prompts_due:
        shown = run("prompt", due.client, "--at", at_arg(summary.at), "--json").json()
        assert (shown["prompt"], shown["session"]) == (f"{due.kind}_review", due.session)
    store = open_store(path)
    try:
        with store.read() as session:
            found = nonrespondents(session, load_settings(session), summary.at)
            assert summary.non_respondents == sorted(n.client for n in found)
        prompts_follow_the_kiosk_rules(store, sample=300, seed=5)
        assert every_due_invitation_was_queued(store) > 20
    finally:
        store.close()


class _CancelAfter:
    def __init__(self, reports: int) -> None:
        self.left = reports

    def report(self, done: int, total: int | None, message: str) -> None:
        self.left -= 1

    @property
    def cancelled(self) -> bool:
        return self.left <= 0


@pytest.mark.parametrize("reports", [2, 7])
def test_a_cancelled_build_leaves_the_old_demo_untouched(tmp_path: Path, reports: int) -> None:
    path = tmp_path / "demo.sqlite"
    write_demo(path, DemoOptions(until=UNTIL, seed=1, **SMALL))
    before = table_contents(path)
    with pytest.raises(Cancelled):
        write_demo(path, DemoOptions(until=UNTIL, seed=2, **SMALL), _CancelAfter(reports))
    assert table_contents(path) == before
    assert sorted(p.name for p in tmp_path.iterdir() if "building" in p.name) == []


def test_the_data_ends_on_the_last_day(tmp_path: Path) -> None:
    summary = write_demo(tmp_path / "d.sqlite", DemoOptions(until=UNTIL, **SMALL))
    store = open_store(summary.path)
    try:
        with store.read() as session:
            from feedback_desk.store.models import Review

            last = session.scalar(select(Review.local_day).order_by(Review.local_day.desc()))
            first = session.scalar(select(Review.local_day).order_by(Review.local_day))
    finally:
        store.close()
    assert last == UNTIL
    assert first is not None
    assert first >= UNTIL - timedelta(days=4 * 31)
