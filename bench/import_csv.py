"""Times the CSV import on files of the size real studios have.

    PYTHONPATH=src python bench/import_csv.py [--attendance 100000] [--reviews 20000]

Writes clients (2,000), coaches, sessions (5,000), attendance and reviews files into a temp
folder, imports them into a fresh SQLite store, then imports the attendance and reviews again
(the nightly re-import: everything unchanged), and prints the times and the machine.
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import random
import tempfile
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from feedback_desk.clock import FixedClock
from feedback_desk.services.importing import import_file, preview_import
from feedback_desk.services.studio import open_studio

CLIENTS = 2000
COACHES = 10
SESSIONS = 5000
LABELS = [
    "Musique",
    "Bon rythme",
    "Coach's energy",
    "Trop chaud",
    "Vestiaires",
    "Clear instructions",
]


def write(path: Path, header: list[str], rows: Iterable[list[object]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def build_files(folder: Path, attendance: int, reviews: int) -> dict[str, Path]:
    rng = random.Random(7)
    start = datetime(2025, 3, 1, 6, 0)
    files = {
        "clients": write(
            folder / "clients.csv",
            ["id", "first_name", "last_name", "email", "language", "email_consent"],
            (
                [f"C{i}", f"Prénom{i}", f"Nom{i}", f"c{i}@example.com", "fr", "oui"]
                for i in range(CLIENTS)
            ),
        ),
        "coaches": write(
            folder / "coaches.csv",
            ["id", "first_name", "last_name"],
            ([f"E{i}", f"Coach{i}", "Test"] for i in range(COACHES)),
        ),
        "sessions": write(
            folder / "sessions.csv",
            ["id", "class_name", "coach_id", "starts_at", "duration_min"],
            (
                [
                    f"S{i}",
                    f"Class {i % 15}",
                    f"E{i % COACHES}",
                    (start + timedelta(hours=2 * i)).isoformat(timespec="minutes"),
                    45,
                ]
                for i in range(SESSIONS)
            ),
        ),
    }
    pairs = rng.sample(range(SESSIONS * CLIENTS), attendance)
    files["attendance"] = write(
        folder / "attendance.csv",
        ["session_id", "client_id", "present"],
        ([f"S{p // CLIENTS}", f"C{p % CLIENTS}", rng.choice(["yes", "no"])] for p in pairs),
    )
    rows = []
    for i in range(reviews):
        stars = rng.choice([1, 2, 3, 4, 5, 5, 5, 4])
        is_class = i % 3 != 0
        rows.append(
            [
                f"R{i}",
                f"C{rng.randrange(CLIENTS)}",
                "class" if is_class else "business",
                f"S{rng.randrange(SESSIONS)}" if is_class else "",
                stars,
                (start + timedelta(minutes=37 * i)).isoformat(timespec="minutes"),
                "Très bien" if stars > 3 else "Trop de monde",
                "|".join(rng.sample(LABELS, 2)),
            ]
        )
    files["reviews"] = write(
        folder / "reviews.csv",
        ["id", "client_id", "kind", "session_id", "stars", "created_at", "comment", "aspects"],
        rows,
    )
    return files


def timed(label: str, action: Callable[[], object]) -> object:
    """Run *action*, print its elapsed and CPU time (the latter whatever the machine's load)."""
    started, cpu = time.perf_counter(), time.process_time()
    result = action()
    elapsed, used = time.perf_counter() - started, time.process_time() - cpu
    print(f"{label}: {elapsed:.2f} s ({used:.2f} s of CPU)")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--attendance", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=20_000)
    args = parser.parse_args()
    print(f"{platform.python_version()} on {platform.platform()}, {os.cpu_count()} CPUs")
    clock = FixedClock(datetime(2026, 5, 1, 12, tzinfo=UTC))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = build_files(folder, args.attendance, args.reviews)
        store = open_studio(folder / "bench.sqlite", clock=clock)
        for kind in ("clients", "coaches", "sessions"):
            timed(
                f"import {kind}",
                lambda kind=kind: import_file(store, kind, files[kind], clock=clock),
            )
        for kind in ("attendance", "reviews"):
            report = timed(
                f"import {kind} (new)",
                lambda kind=kind: import_file(store, kind, files[kind], clock=clock),
            )
            print("   ", report.summaries())  # type: ignore[attr-defined]
        for kind in ("attendance", "reviews"):
            report = timed(
                f"re-import {kind} (unchanged)",
                lambda kind=kind: import_file(store, kind, files[kind], clock=clock),
            )
            print("   ", report.summaries())  # type: ignore[attr-defined]
            timed(f"preview {kind}", lambda kind=kind: preview_import(store, kind, files[kind]))
        store.close()


if __name__ == "__main__":
    main()
