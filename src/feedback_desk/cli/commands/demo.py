"""`feedback-desk demo PATH`: write a deterministic demo studio."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from feedback_desk.cli.context import CliContext


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "demo",
        parents=[common],
        help="write a deterministic demo studio to PATH",
        description="Writes a believable studio (Studio Élan: clients, coaches, a timetable, "
        "a year of prompts and reviews, actions, Google reviews) ending on D. The same "
        "arguments always give the same data; PATH is replaced only once the new store is "
        "complete.",
    )
    parser.add_argument(
        "path", metavar="PATH", help="the SQLite file to write (replaced if it exists)"
    )
    parser.add_argument(
        "--clients", type=int, default=400, metavar="N", help="number of clients (400)"
    )
    parser.add_argument(
        "--months", type=int, default=12, metavar="M", help="months of history (12)"
    )
    parser.add_argument("--until", metavar="D", help="last day of the data (default: today)")
    parser.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (1)")
    parser.set_defaults(handler=run)


def run(ctx: CliContext) -> int:
    from feedback_desk.domain.localtime import local_day, parse_day, zone
    from feedback_desk.domain.settings_schema import definition
    from feedback_desk.errors import UserInputError
    from feedback_desk.services.demo import DemoOptions, write_demo

    args = ctx.args
    if "://" in args.path:
        raise UserInputError("PATH must be a file path: the demo studio is a SQLite file")
    if args.until:
        try:
            until = parse_day(args.until)
        except ValueError as exc:
            raise UserInputError(f"--until: {exc}") from None
    else:
        until = local_day(ctx.clock().now(), zone(definition("studio.timezone").default))
    options = DemoOptions(until=until, clients=args.clients, months=args.months, seed=args.seed)
    problems = options.problems()
    if problems:
        raise UserInputError(problems)
    summary = write_demo(args.path, options)
    for line in summary.lines():
        ctx.print(line)
    return 0
