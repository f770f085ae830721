"""How fast the reviews tables page through a million reviews, and what the GUI thread feels.

    python bench/reviews_table.py /tmp/big.sqlite            # builds the store on first run

Builds (once) a synthetic store of 50,000 clients, 20,000 sessions and 1,000,000 reviews over five
years, then prints: the time of a first and of later pages for each order and filter, the
deferred count, and, with the real window off screen, when the Class reviews tab shows its first
page, the longest gap of a 10 ms heartbeat timer on the GUI thread, and the process's peak memory.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from sqlalchemy import func, insert, select

from feedback_desk.domain.kinds import ReviewKind
from feedback_desk.domain.localtime import local_day
from feedback_desk.domain.text import fold
from feedback_desk.services.review_listing import (
    HIGHEST,
    LOWEST,
    NEWEST,
    OLDEST,
    ReviewFilter,
    ReviewOrder,
    ReviewPager,
    SortKey,
    count_reviews,
)
from feedback_desk.store.database import Store, open_store
from feedback_desk.store.models import ClassSession, ClassType, Client, Coach, Review

TZ = ZoneInfo("America/Toronto")
START = datetime(2021, 6, 1, tzinfo=UTC)


def build(path: Path, reviews: int) -> None:
    rng = random.Random(1)
    store = open_store(path)
    started = time.perf_counter()
    with store.write() as session:
        connection = session.connection()
        connection.execute(
            insert(Client.__table__),
            [
                {
                    "id": i,
                    "external_id": f"C{i}",
                    "first_name": f"Prénom{i % 997}",
                    "last_name": f"Nom{i % 1009}",
                    "search_key": fold(f"Prénom{i % 997} Nom{i % 1009} C{i}"),
                    "email_consent": True,
                    "created_at": START,
                    "updated_at": START,
                }
                for i in range(1, 50_001)
            ],
        )
        connection.execute(
            insert(Coach.__table__),
            [
                {"id": i, "external_id": f"E{i}", "first_name": f"Coach{i}", "last_name": "X"}
                for i in range(1, 31)
            ],
        )
        connection.execute(
            insert(ClassType.__table__), [{"id": i, "name": f"Class {i}"} for i in range(1, 21)]
        )
        connection.execute(
            insert(ClassSession.__table__),
            [
                {
                    "id": i,
                    "external_id": f"S{i}",
                    "class_id": rng.randint(1, 20),
                    "coach_id": rng.randint(1, 30),
                    "starts_at": START + timedelta(hours=2 * i),
                    "duration_min": 60,
                }
                for i in range(1, 20_001)
            ],
        )
        span = 5 * 365 * 86400
        batch = []
        for i in range(1, reviews + 1):
            created = START + timedelta(seconds=rng.randint(0, span))
            kind = "class" if rng.random() < 0.85 else "business"
            batch.append(
                {
                    "id": i,
                    "external_id": f"R{i}",
                    "client_id": rng.randint(1, 50_000),
                    "kind": kind,
                    "session_id": rng.randint(1, 20_000) if kind == "class" else None,
                    "stars": rng.choices((1, 2, 3, 4, 5), (2, 3, 7, 25, 63))[0],
                    "comment": None if rng.random() < 0.7 else "Super cours, merci !",
                    "channel": "kiosk",
                    "created_at": created,
                    "local_day": local_day(created, TZ),
                    "edited_manually": False,
                }
            )
            if len(batch) == 50_000:
                connection.execute(insert(Review.__table__), batch)
                batch = []
        if batch:
            connection.execute(insert(Review.__table__), batch)
    store.close()
    print(f"built {path} in {time.perf_counter() - started:.0f} s")


CASES = [
    ("class, newest", ReviewFilter(kind=ReviewKind.CLASS), NEWEST),
    ("class, oldest", ReviewFilter(kind=ReviewKind.CLASS), OLDEST),
    ("class, lowest", ReviewFilter(kind=ReviewKind.CLASS), LOWEST),
    ("class, highest", ReviewFilter(kind=ReviewKind.CLASS), HIGHEST),
    ("business, newest", ReviewFilter(kind=ReviewKind.BUSINESS), NEWEST),
    ("all kinds, newest", ReviewFilter(), NEWEST),
    (
        "class, 3 months, lowest",
        ReviewFilter(kind=ReviewKind.CLASS, first_day=date(2024, 1, 1), last_day=date(2024, 3, 31)),
        LOWEST,
    ),
    ("class, one coach, newest", ReviewFilter(kind=ReviewKind.CLASS, coach_id=3), NEWEST),
    (
        "class, one client searched",
        ReviewFilter(kind=ReviewKind.CLASS, client_search="C4242"),
        NEWEST,
    ),
    ("class, common search", ReviewFilter(kind=ReviewKind.CLASS, client_search="nom1"), NEWEST),
    (
        "class, by client name",
        ReviewFilter(kind=ReviewKind.CLASS),
        ReviewOrder(SortKey.CLIENT, False),
    ),
]


def pages(store: Store) -> None:
    print(f"{'listing':30s} {'1st page':>9s} {'next':>9s} {'count':>9s}  rows")
    with store.read() as session:
        for name, filters, order in CASES:
            pager = ReviewPager(filters, order, TZ)
            started = time.perf_counter()
            pager.next_page(session)
            first = time.perf_counter() - started
            started, fetched = time.perf_counter(), 0
            while fetched < 5 and not pager.complete:
                pager.next_page(session)
                fetched += 1
            later = (time.perf_counter() - started) / max(fetched, 1)
            started = time.perf_counter()
            count = count_reviews(session, filters, TZ)
            counted = time.perf_counter() - started
            print(
                f"{name:30s} {first * 1000:7.1f}ms {later * 1000:7.1f}ms {counted * 1000:7.1f}ms"
                f"  {count:,}"
            )


def window(store: Store) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer

    from feedback_desk.clock import FixedClock
    from feedback_desk.ui.app import create_application
    from feedback_desk.ui.main_window import MainWindow
    from feedback_desk.ui.screenshot import wait_until_idle

    create_application()
    gaps: list[float] = []
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(beat)
    heartbeat.start()
    started = time.perf_counter()
    main = MainWindow(
        store, FixedClock(datetime(2026, 5, 14, 14, tzinfo=UTC)), remember_state=False
    )
    main.show_tab("class")
    main.show()
    model = main.pages["class"].panel.model
    shown: list[float] = []
    model.rowsInserted.connect(lambda *_: shown or shown.append(time.perf_counter()))
    wait_until_idle(main, 120_000)
    print(
        f"window: Class reviews shows its first page {1000 * (shown[0] - started):.0f} ms after "
        f"the window is made; {model.rowCount()} of {model.count:,} rows loaded"
    )
    print(f"window: longest GUI-thread gap {1000 * max(gaps):.0f} ms")
    main.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    args = parser.parse_args()
    if not args.path.exists():
        build(args.path, args.reviews)
    store = open_store(args.path)
    with store.read() as session:
        rows = session.scalar(select(func.count()).select_from(Review))
        clients = session.scalar(select(func.count()).select_from(Client))
    print(
        f"{rows:,} reviews, {clients:,} clients; {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    pages(store)
    window(store)
    print(f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
