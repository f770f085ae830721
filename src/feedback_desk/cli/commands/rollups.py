"""`rollups check [--repair]`: the report rollups against a full recount of the raw rows."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from feedback_desk.cli.context import CliContext


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    rollups = subparsers.add_parser(
        "rollups", parents=[common], help="check (or rebuild) the rollups the reports read"
    )
    nested = rollups.add_subparsers(title="rollups subcommands", metavar="ACTION", required=True)
    check = nested.add_parser(
        "check",
        parents=[common],
        help="recount the rollups from the reviews, prompts and actions and compare; exit 1 on "
        "a difference",
    )
    check.add_argument(
        "--repair",
        action="store_true",
        help="rebuild the rollups from the raw rows when they differ",
    )
    check.set_defaults(handler=run_check)


def run_check(ctx: CliContext) -> int:
    from feedback_desk.services.rollups import check_rollups, mismatch_lines, repair_rollups

    store = ctx.store()
    with store.read() as session:
        checks = check_rollups(session)
    problems = mismatch_lines(checks)
    if not problems:
        rows = sum(check.rows for check in checks)
        ctx.print(f"The rollups agree with a full recount ({rows:,} rows in {len(checks)} tables).")
        return 0
    if not ctx.args.repair:
        for line in problems:
            print(line, file=ctx.err)
        print(
            "error: the rollups disagree with the reviews, prompts and actions; the reports "
            "would show wrong figures. Run `feedback-desk rollups check --repair` to rebuild "
            "them.",
            file=ctx.err,
        )
        return 1
    for line in problems:
        ctx.print(line)
    with store.write() as session:
        repair_rollups(session)
    with store.read() as session:
        still = mismatch_lines(check_rollups(session))
    if still:
        for line in still:
            print(line, file=ctx.err)
        print("error: the rebuilt rollups still disagree with a recount", file=ctx.err)
        return 1
    ctx.print(
        "Rebuilt the rollups from the reviews, prompts and actions; they now agree with a recount."
    )
    return 0
