"""Time `prompt` (what the kiosk would ask) on a large store, and show the plans of its queries.

    python bench/prompt_bench.py [bench/out/large.sqlite] [--sample 600] [--at 2026-11-15T18:00]

Builds the 50,000-client, 1,000,000-review store first when the file does not hold it (see
large_store.py). The figure is query time only: the client lookup, the minimal history the rules
need, the rules, and the session shown — what `feedback-desk prompt` does after start-up. Half the
sample are clients who attended a session in the 7 days before T (the kiosk's real users), half
are drawn from everybody. Target: under 50 ms per client.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from large_store import LargeStoreSpec, machine_description, open_or_build
from sqlalchemy import event, select

from feedback_desk.domain.localtime import days_before, format_local, parse_instant
from feedback_desk.services.prompting.direct import check_prompt
from feedback_desk.services.settings import load_settings
from feedback_desk.store.database import Store
from feedback_desk.store.models import Attendance, ClassSession, Client

TARGET_MS = 50.0


def sample_clients(store: Store, at: Any, tz: Any, size: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    with store.read() as session:
        recent = list(
            session.scalars(
                select(Client.external_id)
                .join(Attendance, Attendance.client_id == Client.id)
                .join(ClassSession, ClassSession.id == Attendance.session_id)
                .where(
                    ClassSession.starts_at >= days_before(at, 7, tz), ClassSession.starts_at <= at
                )
                .distinct()
            )
        )
        everybody = list(session.scalars(select(Client.external_id)))
    half = size // 2
    chosen = rng.sample(recent, min(half, len(recent)))
    chosen += rng.sample(everybody, size - len(chosen))
    rng.shuffle(chosen)
    return chosen


def time_prompts(store: Store, at: Any, clients: list[str]) -> tuple[list[float], dict[str, int]]:
    timings: list[float] = []
    outcomes: dict[str, int] = {"class_review": 0, "business_review": 0, "none": 0}
    with store.read() as session:
        settings = load_settings(session)
        check_prompt(session, settings, clients[0], at)  # warm the statement cache
        for external_id in clients:
            started = time.perf_counter()
            check = check_prompt(session, settings, external_id, at)
            timings.append((time.perf_counter() - started) * 1000)
            key = f"{check.due.kind.value}_review" if check.due else "none"
            outcomes[key] += 1
    return timings, outcomes


def query_plans(store: Store, at: Any, client: str) -> list[tuple[str, list[str]]]:
    """Every statement one `prompt` runs, with SQLite's EXPLAIN QUERY PLAN for it."""
    captured: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            captured.append((statement, parameters))

    with store.read() as session:
        settings = load_settings(session)
        event.listen(store.engine, "before_cursor_execute", capture)
        try:
            check_prompt(session, settings, client, at)
        finally:
            event.remove(store.engine, "before_cursor_execute", capture)
        connection = session.connection().connection.driver_connection
        assert connection is not None
        plans = []
        for statement, parameters in captured:
            rows = connection.execute(f"EXPLAIN QUERY PLAN {statement}", parameters).fetchall()
            plans.append((" ".join(statement.split())[:160], [str(row[-1]) for row in rows]))
    return plans


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", type=Path, default=Path("bench/out/large.sqlite"))
    parser.add_argument("--sample", type=int, default=600)
    parser.add_argument("--at", default="2026-11-15T18:00", help="T, local to the studio")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    args.path.parent.mkdir(parents=True, exist_ok=True)
    store, counts = open_or_build(args.path, LargeStoreSpec())
    try:
        with store.read() as session:
            tz = load_settings(session).timezone
        at = parse_instant(args.at, tz)
        clients = sample_clients(store, at, tz, args.sample, args.seed)
        timings, outcomes = time_prompts(store, at, clients)
        plans = query_plans(store, at, clients[0])
    finally:
        store.close()

    print(f"machine: {machine_description()}")
    print("store: " + ", ".join(f"{table} {count:,}" for table, count in counts.items()))
    print(f"T = {format_local(at, tz)}; {len(timings)} clients sampled")
    print(f"prompts due: {outcomes}")
    ordered = sorted(timings)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    print(
        f"prompt query time per client: median {statistics.median(timings):.2f} ms, "
        f"mean {statistics.fmean(timings):.2f} ms, p95 {p95:.2f} ms, max {max(timings):.2f} ms "
        f"(target < {TARGET_MS:.0f} ms)"
    )
    print("query plans (one `prompt`):")
    scans = []
    for statement, plan in plans:
        print(f"  {statement}")
        for step in plan:
            print(f"      {step}")
            if step.startswith("SCAN") and "USING" not in step:
                scans.append(step)
    if scans:
        print(f"full scans found: {scans}")
    worst_ok = max(timings) < TARGET_MS
    print("PASS" if worst_ok and not scans else "ABOVE TARGET OR FULL SCAN: see above")
    return 0 if worst_ok and not scans else 1


if __name__ == "__main__":
    raise SystemExit(main())
