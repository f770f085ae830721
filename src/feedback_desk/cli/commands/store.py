"""`feedback-desk store status|make-live`: whether this store may act as the studio."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from feedback_desk.cli.context import CliContext
    from feedback_desk.services.liveness import Liveness
    from feedback_desk.store.database import Store


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    store = subparsers.add_parser(
        "store",
        parents=[common],
        help="is this the studio's live store, or a copy?",
        description="A copy of the store (a backup, a test copy) never sends email, syncs "
        "Google or uses the studio's passwords until staff confirm it is the live store.",
    )
    nested = store.add_subparsers(title="store actions", metavar="ACTION", required=True)
    status = nested.add_parser(
        "status", parents=[common], help="say whether this store is the live one or a copy"
    )
    status.set_defaults(handler=run_status)
    make_live = nested.add_parser(
        "make-live",
        parents=[common],
        help="confirm that this store is the studio's live store (the former one becomes a copy)",
    )
    make_live.set_defaults(handler=run_make_live)


def _say(ctx: CliContext, store: Store, state: Liveness, *, confirmed: bool) -> None:
    if state.live:
        ctx.print(f"{store.location} is the studio's live store")
    elif confirmed:
        ctx.print(f"{store.location} is now the studio's live store; {state.live_at} is a copy")
    else:
        ctx.print(
            f"{store.location} is a copy of the live store at {state.live_at}: it sends no email "
            "and does not sync Google (`feedback-desk store make-live` confirms it is live)"
        )


def run_status(ctx: CliContext) -> int:
    from feedback_desk.services.liveness import liveness

    store = ctx.store()
    _say(ctx, store, liveness(store), confirmed=False)
    return 0


def run_make_live(ctx: CliContext) -> int:
    from feedback_desk.services.liveness import make_live

    store = ctx.store()
    _say(ctx, store, make_live(store), confirmed=True)
    return 0
