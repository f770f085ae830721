"""The Overview's full refresh without Qt: every service call the tab makes, timed one by one
on the large store (50,000 clients, 1,000,000 reviews), then their total.

    python bench/overview_services.py [bench/out/large.sqlite] [--repeat 7]

The tab runs ``load_overview`` (the 12 months' figures of both kinds and of each, the actions to
take and their count, the most recent reviews, the Google months) and ``load_trends`` as two
tasks, then the closing-the-loop figure (``improvement_share``). Each part is timed in its own
read session, as the tab's tasks open theirs; the total is the sum of the medians (what one
refresh costs the database when nothing runs in parallel). Bar: the total at most 150 ms. Also
prints the process's peak memory (the store, SQLAlchemy and the figures; no window).
"""

from __future__ import annotations

import argparse
import resource
import sys
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from bench.large_store import LargeStoreSpec, open_or_build, print_conditions  # noqa: E402
from bench.timing import median_timing  # noqa: E402
from feedback_desk.domain.localtime import local_to_utc  # noqa: E402
from feedback_desk.services.actions import count_open_actions, list_open_actions  # noqa: E402
from feedback_desk.services.google.queries import (  # noqa: E402
    google_monthly_counts,
    integration_day,
)
from feedback_desk.services.loop import improvement_share  # noqa: E402
from feedback_desk.services.overview import (  # noqa: E402
    LIST_LIMIT,
    load_overview,
    load_trends,
    overview_period,
)
from feedback_desk.services.reports import reports_by_kind  # noqa: E402
from feedback_desk.services.review_details import review_summaries  # noqa: E402
from feedback_desk.services.settings import load_settings  # noqa: E402
from feedback_desk.store.database import Store  # noqa: E402
from feedback_desk.store.models import Client  # noqa: E402

DEFAULT_PATH = ROOT / "bench" / "out" / "large.sqlite"
BAR_MS = 150.0


def in_session(store: Store, work: Callable[..., Any]) -> Callable[[], Any]:
    def run() -> Any:
        with store.read() as session:
            return work(session)

    return run


def overview_parts(store: Store, at: datetime) -> dict[str, Callable[[], Any]]:
    """The calls of ``load_overview`` one by one, then the trends and the loop figure."""
    with store.read() as session:
        settings = load_settings(session)
    first, last = overview_period(at, settings)
    tz = settings.timezone
    return {
        "settings": in_session(store, load_settings),
        "12 months, both kinds and each": in_session(
            store, lambda s: reports_by_kind(s, first, last)
        ),
        "actions to take (list)": in_session(
            store, lambda s: list_open_actions(s, limit=LIST_LIMIT)
        ),
        "actions to take (count)": in_session(store, count_open_actions),
        "most recent reviews": in_session(
            store, lambda s: review_summaries(s, limit=LIST_LIMIT, until=at)
        ),
        "Google months": in_session(
            store,
            lambda s: (google_monthly_counts(s, tz, until=last), integration_day(s, tz)),
        ),
        "empty-store check": in_session(store, lambda s: s.scalar(select(Client.id).limit(1))),
        "satisfaction trends": lambda: load_trends(store, at),
        "closing-the-loop figure": in_session(store, lambda s: improvement_share(s, at=at)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, nargs="?", default=DEFAULT_PATH)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    args.path.parent.mkdir(parents=True, exist_ok=True)

    spec = LargeStoreSpec()
    store, counts = open_or_build(args.path, spec)
    print_conditions(counts)
    with store.read() as session:
        tz = load_settings(session).timezone
    at = local_to_utc(datetime.combine(spec.until, datetime.min.time()) + timedelta(hours=18), tz)
    print(f"the Overview at {at.astimezone(tz):%Y-%m-%d %H:%M} (local), {args.repeat} warm runs")

    total = cpu = 0.0
    for name, run in overview_parts(store, at).items():
        part, _ = median_timing(run, args.repeat)
        total += part.wall_ms
        cpu += part.cpu_ms
        print(f"  {name:<34} {part}")
    print(
        f"Overview services, total of the parts: {total:.1f} ms (CPU {cpu:.1f} ms; "
        f"bar ≤ {BAR_MS:.0f} ms: {'met' if total <= BAR_MS else 'NOT MET'})"
    )
    whole, _ = median_timing(
        lambda: (
            load_overview(store, at),
            load_trends(store, at),
            in_session(store, lambda s: improvement_share(s, at=at))(),
        ),
        args.repeat,
    )
    print(f"the three calls as the tab makes them, one after the other: {whole}")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of the process (no window): {peak_mb:.0f} MB")
    store.close()


if __name__ == "__main__":
    main()
