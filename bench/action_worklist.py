"""How fast the worklist of actions reads, counts and closes on a large store.

    python bench/action_worklist.py /tmp/worklist.sqlite [--reviews 1000000]

Builds (once) the reviews bench's synthetic store (bench/reviews_table.py: 50,000 clients, 30
coaches, five years of reviews), opens the action of every review of 3 stars or fewer (about
12 %), closes those older than 60 days as history, gives a contact to one action in ten, then
prints for each filter and order: the first page (which sorts the matching ids and gives the
count), the next pages, the open ids "Close all shown" reads, and a bulk close of 1,000 actions
with its undo.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, insert, literal, select

from bench.reviews_table import START, build
from feedback_desk.domain.kinds import ActionOutcome, ContactChannel, ReviewKind
from feedback_desk.services.action_worklist import (
    ActionPager,
    ActionState,
    SortKey,
    WorklistFilter,
    WorklistOrder,
    close_actions,
    open_action_ids,
    reopen_actions,
)
from feedback_desk.store.database import Store, open_store
from feedback_desk.store.models import Action, ActionContact, Review

NOW = START + timedelta(days=5 * 365)
OPEN_DAYS = 60


def add_actions(store: Store) -> None:
    started = time.perf_counter()
    with store.write() as session:
        if session.scalar(select(func.count(Action.id))):
            return
        history = NOW - timedelta(days=OPEN_DAYS)
        connection = session.connection()
        for closed in (True, False):
            reviews = select(
                Review.id,
                Review.created_at,
                Review.created_at if closed else literal(None),
                literal("import") if closed else literal(None),
                literal("no_action") if closed else literal(None),
            ).where(
                Review.stars <= 3,
                Review.created_at < history if closed else Review.created_at >= history,
            )
            connection.execute(
                insert(Action.__table__).from_select(
                    ["review_id", "opened_at", "closed_at", "closed_by", "outcome"], reviews
                )
            )
        connection.execute(
            insert(ActionContact.__table__).from_select(
                ["action_id", "contacted_at", "channel", "staff"],
                select(
                    Action.id,
                    Action.opened_at,
                    literal(ContactChannel.PHONE.value),
                    literal("bench"),
                ).where(Action.id % 10 == 0),
            )
        )
    print(f"actions added in {time.perf_counter() - started:.1f} s")


CASES = [
    ("open, newest", WorklistFilter(), WorklistOrder()),
    ("open, by client", WorklistFilter(), WorklistOrder(SortKey.CLIENT, False)),
    ("open, class, one coach", WorklistFilter(kind=ReviewKind.CLASS, coach_id=3), WorklistOrder()),
    ("open, client searched", WorklistFilter(client_search="nom1"), WorklistOrder()),
    ("closed, newest", WorklistFilter(state=ActionState.CLOSED), WorklistOrder()),
    ("all, by client", WorklistFilter(state=ActionState.ALL), WorklistOrder(SortKey.CLIENT)),
    ("all, by contacts", WorklistFilter(state=ActionState.ALL), WorklistOrder(SortKey.CONTACTS)),
    ("all, by comment", WorklistFilter(state=ActionState.ALL), WorklistOrder(SortKey.COMMENT)),
]


def timed(work):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = work()
    return result, (time.perf_counter() - started) * 1000


def pages(store: Store) -> None:
    print(f"{'listing':26s} {'1st page':>9s} {'next':>9s} {'open ids':>9s}  rows")
    with store.read() as session:
        for name, filters, order in CASES:
            pager = ActionPager(filters, order)
            page, first = timed(lambda p=pager: p.next_page(session))
            started, fetched = time.perf_counter(), 0
            while fetched < 5 and not pager.next_page(session).complete:
                fetched += 1
            later = (time.perf_counter() - started) * 1000 / (fetched + 1)
            _, ids = timed(lambda f=filters: open_action_ids(session, f))
            print(f"{name:26s} {first:7.1f}ms {later:7.1f}ms {ids:7.1f}ms  {page.total:,}")


def bulk(store: Store) -> None:
    with store.read() as session:
        chosen = open_action_ids(session, WorklistFilter())[:1000]
    at = NOW + timedelta(minutes=1)
    with store.write() as session:
        closed, close_ms = timed(
            lambda: close_actions(
                session, chosen, ActionOutcome.CONTACTED, "bench", at=at, actor="b"
            )
        )
    with store.write() as session:
        reopened, undo_ms = timed(
            lambda: reopen_actions(
                session, closed, closed_at=at, outcome=ActionOutcome.CONTACTED, at=at, actor="b"
            )
        )
    print(
        f"bulk close of {len(closed):,} actions: {close_ms:.0f} ms (audit included); "
        f"undo of {len(reopened):,}: {undo_ms:.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("store", type=Path)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    args = parser.parse_args()
    if not args.store.exists():
        build(args.store, args.reviews)
    store = open_store(args.store)
    add_actions(store)
    print(f"{platform.processor() or platform.machine()}, Python {platform.python_version()}")
    pages(store)
    bulk(store)
    store.close()


if __name__ == "__main__":
    main()
