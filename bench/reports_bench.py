"""Benchmark of the reports on the large store (50,000 clients, 1,000,000 reviews over 5 years).

    python bench/reports_bench.py [bench/out/large.sqlite] [--repeat 7]

Measures the 12-month `stats` figures (the service `feedback-desk stats` calls: totals, every
month, prompts, by coach) against a hand-written sqlite3 query over the same file and period: one
GROUP BY of the local month over the reviews table, with a covering index on
(kind, created_at, stars) that this script creates for the measure (and drops after it),
counting 5, 4 and ≤3 stars. The bar: at most 0.3× (the reports read the daily rollups). Also
times the trends and the Actions list. Prints medians of warm runs, the row counts and the
machine.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from bench.large_store import LargeStoreSpec, open_or_build, print_conditions  # noqa: E402
from bench.timing import Timing, median_timing  # noqa: E402
from feedback_desk.domain.localtime import add_months, day_bounds, local_to_utc  # noqa: E402
from feedback_desk.services.actions import count_open_actions, list_open_actions  # noqa: E402
from feedback_desk.services.reports import ReportScope, period_report, queries  # noqa: E402
from feedback_desk.services.settings import load_settings  # noqa: E402
from feedback_desk.services.trends import satisfaction_trends  # noqa: E402
from feedback_desk.store.database import Store  # noqa: E402

DEFAULT_PATH = ROOT / "bench" / "out" / "large.sqlite"
HAND_INDEX = "CREATE INDEX IF NOT EXISTS bench_reviews_kind_created_stars ON reviews (kind, created_at, stars)"  # noqa: E501
# The local month of a UTC instant, by SQLite's own 'localtime' (TZ is set to the studio's zone).
HAND_QUERY = """
SELECT strftime('%Y-%m', created_at, 'localtime') AS month,
       count(*),
       sum(stars = 5),
       sum(stars = 4),
       sum(stars <= 3)
FROM reviews
WHERE kind IN ('business', 'class') AND created_at >= ? AND created_at < ?
GROUP BY month
ORDER BY month
"""


def twelve_months(until: date) -> tuple[date, date]:
    """The last 12 complete calendar months before *until*'s month."""
    first = add_months(until.replace(day=1), -12)
    return first, add_months(first, 12) - timedelta(days=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, nargs="?", default=DEFAULT_PATH)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--no-gui", action="store_true", help="skip the window measurements")
    args = parser.parse_args()
    args.path.parent.mkdir(parents=True, exist_ok=True)

    spec = LargeStoreSpec()
    store, counts = open_or_build(args.path, spec)
    print_conditions(counts)
    with store.read() as session:
        settings = load_settings(session)
    tz = settings.timezone
    os.environ["TZ"] = str(tz.key)
    time.tzset()

    first, last = twelve_months(spec.until)
    print(f"period: {first} to {last} (12 months, local days)")
    ours, report = median_timing(lambda: _stats(store, first, last), args.repeat)

    start, end = day_bounds(first, last, tz)
    connection = sqlite3.connect(args.path)
    connection.execute(HAND_INDEX)
    connection.execute("ANALYZE bench_reviews_kind_created_stars")
    bounds = tuple(instant.replace(tzinfo=None).isoformat(" ") for instant in (start, end))
    hand, hand_rows = median_timing(
        lambda: connection.execute(HAND_QUERY, bounds).fetchall(), args.repeat
    )
    # The application has no such index: the other measurements run without it.
    connection.execute("DROP INDEX bench_reviews_kind_created_stars")
    connection.close()

    ours_months = [(m.key, m.figures.reviews) for m in report.by_month]
    hand_months = [(row[0], row[1]) for row in hand_rows]
    agree = "agree" if ours_months == hand_months else f"DISAGREE: {ours_months} vs {hand_months}"
    print(f"reviews in the period: {report.totals.reviews:,} (monthly counts {agree})")
    print(f"stats (12 months, service):  {ours}")
    print(f"hand-written sqlite3 query:  {hand}")
    for name, part in _stats_parts(store, ReportScope(first, last)).items():
        print(f"  of which {name:<22} {part}")
    ratio, cpu_ratio = ours.wall_ms / hand.wall_ms, ours.cpu_ms / hand.cpu_ms
    print(
        f"ratio: {ratio:.2f}× (CPU {cpu_ratio:.2f}×; bar ≤ 0.3×: "
        f"{'met' if ratio <= 0.3 else 'NOT MET'})"
    )

    at = local_to_utc(datetime.combine(spec.until, datetime.min.time()) + timedelta(hours=18), tz)
    trends_timing, trends = median_timing(lambda: _trends(store, at), args.repeat)
    print(
        f"trends at {at:%Y-%m-%d}: {trends_timing} "
        f"({len(trends.clients)} clients, {len(trends.coaches)} coaches dropping)"
    )
    actions_timing, (_listed, open_count) = median_timing(lambda: _actions(store), args.repeat)
    print(f"actions list (newest 50 of {open_count:,} open): {actions_timing}")
    if not args.no_gui:
        from bench.gui_bench import print_overview, print_window

        print_overview(store, spec.until, args.repeat)
        print_window(store, spec.until)
    store.close()


def _stats(store: Store, first: date, last: date) -> Any:
    with store.read() as session:
        return period_report(session, ReportScope(first, last), with_coaches=True)


def _stats_parts(store: Store, scope: ReportScope) -> dict[str, Timing]:
    parts = {
        "reviews by month": lambda s, scope: queries.review_tallies(s, scope, by_month=True),
        "prompts by month": lambda s, scope: queries.prompt_tallies(s, scope, by_month=True),
        "class reviews by coach": queries.coach_tallies,
    }
    timings = {}
    for name, query in parts.items():
        with store.read() as session:
            timings[name], _ = median_timing(lambda q=query, s=session: q(s, scope), 3)  # type: ignore[misc]
    return timings


def _trends(store: Store, at: datetime) -> Any:
    with store.read() as session:
        return satisfaction_trends(session, load_settings(session), at)


def _actions(store: Store) -> Any:
    with store.read() as session:
        return list_open_actions(session, limit=50), count_open_actions(session)


if __name__ == "__main__":
    main()
