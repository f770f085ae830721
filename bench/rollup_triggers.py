"""What the rollup triggers cost a bulk write: 200,000 reviews and 160,000 prompts inserted with
Core ``executemany`` (as the demo and the benchmarks write), then 20,000 star edits, 10,000
deletions and a coach change on 500 sessions, into a fresh SQLite store, once with the triggers
and once without them; then a full rebuild and a `rollups check`.

    python bench/rollup_triggers.py [--reviews 200000]

Prints wall-clock and CPU seconds of each step (the machine is shared: CPU time is the cost).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from sqlalchemy import delete, insert, update  # noqa: E402

from bench.large_store import machine_description  # noqa: E402
from feedback_desk.domain.localtime import local_day, zone  # noqa: E402
from feedback_desk.services.rollups import check_rollups, repair_rollups  # noqa: E402
from feedback_desk.store.database import Store, open_store  # noqa: E402
from feedback_desk.store.models import (  # noqa: E402
    Action,
    ClassSession,
    ClassType,
    Client,
    Coach,
    Prompt,
    Review,
)
from feedback_desk.store.rollups import loop, triggers  # noqa: E402
from feedback_desk.store.rollups.specs import CURRENT  # noqa: E402

TZ = zone("America/Toronto")
START = datetime(2025, 1, 1, 12, tzinfo=UTC)
CLIENTS, COACHES, SESSIONS = 2000, 10, 5000


def timed(label: str, action: Callable[[], Any]) -> float:
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    spent = time.process_time() - cpu
    print(f"  {label:<44} {time.perf_counter() - wall:7.2f} s (CPU {spent:6.2f} s)")
    return spent


def people(store: Store) -> None:
    with store.write() as session:
        session.execute(
            insert(Client),
            [
                {
                    "id": i,
                    "external_id": f"C{i}",
                    "first_name": "A",
                    "last_name": "B",
                    "search_key": f"c{i}",
                    "created_at": START,
                    "updated_at": START,
                }
                for i in range(1, CLIENTS + 1)
            ],
        )
        session.execute(
            insert(Coach),
            [
                {"id": i, "external_id": f"E{i}", "first_name": "C", "last_name": "D"}
                for i in range(1, COACHES + 1)
            ],
        )
        session.execute(insert(ClassType), [{"id": i, "name": f"Class {i}"} for i in range(1, 16)])
        session.execute(
            insert(ClassSession),
            [
                {
                    "id": i,
                    "external_id": f"S{i}",
                    "class_id": 1 + i % 15,
                    "coach_id": 1 + i % COACHES,
                    "starts_at": START + timedelta(hours=2 * i),
                    "duration_min": 45,
                }
                for i in range(1, SESSIONS + 1)
            ],
        )


def rows(count: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    rng = random.Random(7)
    reviews, prompts = [], []
    for i in range(1, count + 1):
        at = START + timedelta(minutes=3 * i)
        session_id = rng.randint(1, SESSIONS) if i % 3 else None
        kind = "class" if session_id else "business"
        if i % 5 != 4:
            prompts.append(
                {
                    "client_id": rng.randint(1, CLIENTS),
                    "kind": kind,
                    "session_id": session_id,
                    "shown_at": at,
                    "local_day": local_day(at, TZ),
                    "outcome": rng.choice(("answered", "ignored", "abandoned")),
                    "outcome_at": None,
                    "channel": "kiosk",
                }
            )
        reviews.append(
            {
                "external_id": f"R{i}",
                "client_id": rng.randint(1, CLIENTS),
                "kind": kind,
                "session_id": session_id,
                "stars": rng.choice((1, 2, 3, 4, 5, 5, 5, 4)),
                "comment": None,
                "channel": "import",
                "created_at": at,
                "local_day": local_day(at, TZ),
                "prompt_id": None,
                "edited_manually": False,
            }
        )
    return reviews, prompts


def writes(store: Store, reviews: list[dict[str, Any]], prompts: list[dict[str, Any]]) -> float:
    def bulk() -> None:
        with store.write() as session:
            for start in range(0, len(reviews), 5000):
                session.execute(insert(Review), reviews[start : start + 5000])
            for start in range(0, len(prompts), 5000):
                session.execute(insert(Prompt), prompts[start : start + 5000])
            # Half the low reviews' actions, closed a day later (the loop figure's rows).
            session.execute(
                insert(Action),
                [
                    {
                        "review_id": i + 1,
                        "opened_at": r["created_at"],
                        "closed_at": r["created_at"] + timedelta(days=1) if i % 2 else None,
                    }
                    for i, r in enumerate(reviews)
                    if r["stars"] <= 3
                ],
            )

    def edit() -> None:
        with store.write() as session:
            session.execute(update(Review).where(Review.id % 10 == 0).values(stars=2))

    def remove() -> None:
        with store.write() as session:
            session.execute(delete(Review).where(Review.id % 20 == 1))

    def move() -> None:
        with store.write() as session:
            session.execute(
                update(ClassSession).where(ClassSession.id <= 500).values(coach_id=COACHES)
            )

    return (
        timed(f"insert {len(reviews):,} reviews, {len(prompts):,} prompts, actions", bulk)
        + timed("edit the stars of 10% of the reviews", edit)
        + timed("delete 5% of the reviews", remove)
        + timed("give 500 sessions another coach", move)
    )


def _check(store: Store) -> None:
    with store.read() as session:
        assert all(not check.differences for check in check_rollups(session))


def _rebuild(store: Store) -> None:
    with store.write() as session:
        repair_rollups(session)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reviews", type=int, default=200_000)
    args = parser.parse_args()
    print(f"machine: {machine_description()}")
    reviews, prompts = rows(args.reviews)
    costs = {}
    with tempfile.TemporaryDirectory() as folder:
        for with_triggers in (False, True):
            store = open_store(Path(folder) / f"{with_triggers}.sqlite")
            people(store)
            if not with_triggers:
                with store.engine.begin() as connection:
                    loop.drop(connection)
                    triggers.drop(connection, CURRENT)
            print("with the triggers:" if with_triggers else "without triggers:")
            costs[with_triggers] = writes(store, reviews, prompts)
            if with_triggers:
                timed("rollups check (recount and compare)", lambda s=store: _check(s))
                timed("rollups check --repair (rebuild)", lambda s=store: _rebuild(s))
            store.close()
    extra = costs[True] - costs[False]
    print(f"the triggers' cost: +{extra:.2f} s of CPU ({extra / costs[False]:.0%} more)")


if __name__ == "__main__":
    main()
