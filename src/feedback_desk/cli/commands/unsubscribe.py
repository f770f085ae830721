"""`feedback-desk unsubscribe CLIENT`."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from feedback_desk.cli.commands._shared import add_at

if TYPE_CHECKING:
    from feedback_desk.cli.context import CliContext


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "unsubscribe", parents=[common], help="record that CLIENT wants no more commercial email"
    )
    parser.add_argument("client", metavar="CLIENT")
    add_at(parser)
    parser.set_defaults(handler=run)


def run(ctx: CliContext) -> int:
    from feedback_desk.domain.localtime import format_local
    from feedback_desk.services.audit import default_actor
    from feedback_desk.services.consent import unsubscribe

    now = ctx.clock().now()
    with ctx.store().write() as session:
        done = unsubscribe(session, ctx.args.client, at=now, actor=default_actor())
        since = done.client.unsubscribed_at
    assert since is not None
    when = format_local(since, ctx.timezone())
    if done.already:
        ctx.print(f"{ctx.args.client} was already unsubscribed (since {when})")
    else:
        ctx.print(f"{ctx.args.client} unsubscribed: no more commercial email from {when}")
    if done.cancelled:
        ctx.print(f"{done.cancelled} waiting message(s) to {ctx.args.client} cancelled")
    return 0
