"""Build a large, realistic store for the benchmarks: by default 50,000 clients and 1,000,000
reviews over 5 years, with the sessions, attendance, prompts, aspects and actions that go with them.

    python bench/large_store.py bench/out/large.sqlite [--clients 50000] [--reviews 1000000]

The store is made through the real migrations, then filled with SQLAlchemy Core bulk inserts
(deterministic for a seed). Building the default store takes a few minutes; benchmarks reuse an
existing file when its row counts match.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sqlite3
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from sqlalchemy import Table, func, insert, select

from feedback_desk.domain.localtime import local_day, local_to_utc, zone
from feedback_desk.services.aspects import ensure_catalogue
from feedback_desk.store.database import Store, open_store
from feedback_desk.store.models import (
    Action,
    Aspect,
    Attendance,
    ClassSession,
    ClassType,
    Client,
    Coach,
    Prompt,
    Review,
    ReviewAspect,
)

TZ = zone("America/Toronto")
BATCH = 20_000
STARS = (5, 4, 3, 2, 1)
STAR_WEIGHTS = (60, 25, 8, 4, 3)


@dataclass(frozen=True)
class LargeStoreSpec:
    clients: int = 50_000
    reviews: int = 1_000_000
    years: int = 5
    until: date = date(2026, 11, 15)
    seed: int = 1
    coaches: int = 40
    classes: int = 30
    sessions_per_day: int = 30


def _batched(
    rows: Iterator[dict[str, Any]] | Sequence[dict[str, Any]],
) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _insert(
    store: Store, table: Table, rows: Iterator[dict[str, Any]] | Sequence[dict[str, Any]]
) -> int:
    count = 0
    with store.engine.begin() as connection:
        for batch in _batched(rows):
            connection.execute(insert(table), batch)
            count += len(batch)
    return count


def row_counts(store: Store) -> dict[str, int]:
    counts = {}
    with store.read() as session:
        for model in (
            Client,
            Coach,
            ClassSession,
            Attendance,
            Prompt,
            Review,
            ReviewAspect,
            Action,
        ):
            counts[model.__tablename__] = (
                session.scalar(select(func.count()).select_from(model)) or 0
            )
    return counts


def build_large_store(path: Path, spec: LargeStoreSpec = LargeStoreSpec()) -> dict[str, int]:
    """Write the store at *path* (replacing it) and return its row counts."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    rng = random.Random(spec.seed)
    store = open_store(path)
    now = datetime.combine(spec.until, clock_time(23), tzinfo=UTC)
    try:
        with store.write() as session:
            ensure_catalogue(session, at=now)
        with store.read() as session:
            aspects = session.execute(select(Aspect.id, Aspect.kind, Aspect.polarity)).all()
        aspect_pool = {
            (str(kind), str(polarity)): [a for a, k, p in aspects if (k, p) == (kind, polarity)]
            for _, kind, polarity in aspects
        }

        _insert(
            store,
            Coach.__table__,
            (
                {
                    "id": i,
                    "external_id": f"E{i}",
                    "first_name": f"Coach{i}",
                    "last_name": f"Nom{i}",
                    "email": None,
                }
                for i in range(1, spec.coaches + 1)
            ),
        )
        _insert(
            store,
            ClassType.__table__,
            ({"id": i, "name": f"Class {i}"} for i in range(1, spec.classes + 1)),
        )
        joined = now - timedelta(days=365 * spec.years)
        _insert(
            store,
            Client.__table__,
            (
                {
                    "id": i,
                    "external_id": f"C{i}",
                    "first_name": f"Prénom{i}",
                    "last_name": f"Nom{i}",
                    "search_key": f"prenom{i} nom{i} c{i}",
                    "email": f"client{i}@example.com",
                    "phone": None,
                    "language": "fr" if i % 4 else "en",
                    "email_consent": i % 10 != 0,
                    "unsubscribed_at": None,
                    "joined_on": None,
                    "google_reviewed_marked_at": None,
                    "google_reviewed_marked_by": None,
                    "created_at": joined,
                    "updated_at": joined,
                }
                for i in range(1, spec.clients + 1)
            ),
        )

        first_day = spec.until - timedelta(days=365 * spec.years)
        sessions: list[tuple[int, datetime, int]] = []  # id, starts_at, duration
        session_rows = []
        session_id = 0
        day = first_day
        while day <= spec.until:
            for slot in range(spec.sessions_per_day):
                session_id += 1
                hour = 6 + (slot * 15) // spec.sessions_per_day
                starts = local_to_utc(datetime.combine(day, clock_time(hour, 30 * (slot % 2))), TZ)
                duration = 45 if slot % 3 else 60
                sessions.append((session_id, starts, duration))
                session_rows.append(
                    {
                        "id": session_id,
                        "external_id": f"S{session_id}",
                        "class_id": 1 + (slot + day.weekday()) % spec.classes,
                        "coach_id": 1 + (slot * 7 + day.weekday()) % spec.coaches,
                        "starts_at": starts,
                        "duration_min": duration,
                        "location": None,
                    }
                )
            day += timedelta(days=1)
        _insert(store, ClassSession.__table__, session_rows)
        del session_rows

        class_reviews = int(spec.reviews * 0.85)
        business_reviews = spec.reviews - class_reviews
        attendance_rows: list[dict[str, Any]] = []
        review_rows: list[dict[str, Any]] = []
        prompt_rows: list[dict[str, Any]] = []
        review_aspect_rows: list[dict[str, Any]] = []
        action_rows: list[dict[str, Any]] = []
        present_per_review = 1.25
        attended_target = int(class_reviews * present_per_review)
        per_session = max(1, attended_target // len(sessions))
        attendance_id = 0
        review_id = 0
        prompt_id = 0

        def add_review(client: int, kind: str, sess: int | None, at: datetime) -> None:
            nonlocal review_id, prompt_id
            review_id += 1
            stars = rng.choices(STARS, STAR_WEIGHTS)[0]
            channel = rng.choices(("kiosk", "import", "staff"), (80, 15, 5))[0]
            prompt_ref = None
            if channel == "kiosk":
                prompt_id += 1
                prompt_ref = prompt_id
                prompt_rows.append(
                    {
                        "id": prompt_id,
                        "client_id": client,
                        "kind": kind,
                        "session_id": sess,
                        "shown_at": at,
                        "local_day": local_day(at, TZ),
                        "outcome": "answered",
                        "outcome_at": at,
                        "channel": "kiosk",
                    }
                )
            review_rows.append(
                {
                    "id": review_id,
                    "external_id": f"R{review_id}",
                    "client_id": client,
                    "kind": kind,
                    "session_id": sess,
                    "stars": stars,
                    "comment": "Super cours" if review_id % 5 == 0 else None,
                    "channel": channel,
                    "created_at": at,
                    "local_day": local_day(at, TZ),
                    "prompt_id": prompt_ref,
                    "edited_manually": False,
                }
            )
            if rng.random() < 0.5:
                polarity = "excel" if stars >= 4 else "to_improve"
                review_aspect_rows.append(
                    {"review_id": review_id, "aspect_id": rng.choice(aspect_pool[(kind, polarity)])}
                )
            if stars <= 3:
                closed = at < now - timedelta(days=60)
                action_rows.append(
                    {
                        "review_id": review_id,
                        "opened_at": at,
                        "closed_at": at + timedelta(days=3) if closed else None,
                        "closed_by": "bench" if closed else None,
                        "outcome": "contacted" if closed else None,
                        "note": None,
                    }
                )

        for sess, starts, duration in sessions:
            ended = starts + timedelta(minutes=duration)
            for client in rng.sample(range(1, spec.clients + 1), per_session):
                attendance_id += 1
                present = rng.random() < 0.9
                attendance_rows.append(
                    {
                        "id": attendance_id,
                        "session_id": sess,
                        "client_id": client,
                        "present": present,
                    }
                )
                if (
                    present
                    and review_id < class_reviews
                    and rng.random() < 1 / present_per_review / 0.9
                ):
                    add_review(client, "class", sess, ended + timedelta(hours=rng.randint(1, 30)))
                elif present and rng.random() < 0.2:
                    prompt_id += 1
                    shown = ended + timedelta(hours=rng.randint(1, 30))
                    prompt_rows.append(
                        {
                            "id": prompt_id,
                            "client_id": client,
                            "kind": "class",
                            "session_id": sess,
                            "shown_at": shown,
                            "local_day": local_day(shown, TZ),
                            "outcome": rng.choice(("ignored", "abandoned")),
                            "outcome_at": shown,
                            "channel": "kiosk",
                        }
                    )
        span = (now - local_to_utc(datetime.combine(first_day, clock_time(8)), TZ)).total_seconds()
        start = local_to_utc(datetime.combine(first_day, clock_time(8)), TZ)
        while review_id < class_reviews + business_reviews:
            at = start + timedelta(seconds=rng.random() * span)
            add_review(rng.randint(1, spec.clients), "business", None, min(at, now))

        _insert(store, Attendance.__table__, attendance_rows)
        _insert(store, Prompt.__table__, prompt_rows)
        _insert(store, Review.__table__, review_rows)
        _insert(store, ReviewAspect.__table__, review_aspect_rows)
        _insert(store, Action.__table__, action_rows)
        with store.engine.connect() as connection:
            connection.exec_driver_sql("ANALYZE")
        return row_counts(store)
    finally:
        store.close()


def open_or_build(
    path: Path, spec: LargeStoreSpec = LargeStoreSpec()
) -> tuple[Store, dict[str, int]]:
    """Reuse *path* when it already holds a store of this size; build it otherwise."""
    if path.exists():
        store = open_store(path)
        counts = row_counts(store)
        if counts["clients"] == spec.clients and counts["reviews"] == spec.reviews:
            return store, counts
        store.close()
    started = time.perf_counter()
    print(f"building {path} ({spec.clients:,} clients, {spec.reviews:,} reviews)…", flush=True)
    counts = build_large_store(path, spec)
    print(f"built in {time.perf_counter() - started:.0f} s", flush=True)
    return open_store(path), counts


def machine_description() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            names = [
                line.split(":", 1)[1].strip() for line in info if line.startswith("model name")
            ]
        if names:
            cpu = f"{names[0]} ×{len(names)}"
    except OSError:
        pass
    return (
        f"{platform.system()} {platform.release()}, {cpu}, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}"
    )


def print_conditions(counts: dict[str, int]) -> None:
    """The machine, how busy it is and the store's row counts, printed above a bench's figures."""
    print(f"machine: {machine_description()}")
    print(f"load average at start: {os.getloadavg()[0]:.2f} (2 cores shared with other work)")
    print("rows: " + ", ".join(f"{table} {count:,}" for table, count in counts.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--clients", type=int, default=50_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    args.path.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    counts = build_large_store(
        args.path, LargeStoreSpec(clients=args.clients, reviews=args.reviews, seed=args.seed)
    )
    print(f"built in {time.perf_counter() - started:.1f} s on {machine_description()}")
    for table, count in counts.items():
        print(f"  {table:15} {count:>10,}")


if __name__ == "__main__":
    main()
