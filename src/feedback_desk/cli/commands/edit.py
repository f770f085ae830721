"""`feedback-desk edit REVIEW --stars N [--note TEXT]`: the manual edit of a review's stars
(docs/rules.md#manual-edit)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from feedback_desk.cli.commands._shared import add_at

if TYPE_CHECKING:
    from feedback_desk.cli.context import CliContext


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "edit",
        parents=[common],
        help="change a review's stars by hand",
        description="Changes the review's current stars; the old and new values, who, when and "
        "the note are kept, and the review shows 'edited manually'. An edit down to 3 stars or "
        "fewer opens an action to take (no alert email).",
    )
    parser.add_argument("review", metavar="REVIEW")
    parser.add_argument("--stars", type=int, required=True, metavar="N")
    parser.add_argument("--note", metavar="TEXT")
    add_at(parser, what="the time of the edit")
    parser.set_defaults(handler=run)


def run(ctx: CliContext) -> int:
    from feedback_desk.services.audit import default_actor
    from feedback_desk.services.review_edit import edit_stars

    at = ctx.clock().now()
    with ctx.store().write() as session:
        result = edit_stars(
            session, ctx.args.review, ctx.args.stars, ctx.args.note, at=at, actor=default_actor()
        )
    opened = "; an action to take was opened" if result.action_opened else ""
    ctx.print(
        f"Review {result.review}: {result.old_stars} → {result.new_stars} stars "
        f"(edited manually){opened}."
    )
    return 0
