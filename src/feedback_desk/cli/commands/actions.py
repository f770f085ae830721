"""`actions` (open actions to take), `actions close REVIEW`, `actions close-before D`."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from feedback_desk.cli.commands._shared import add_at, add_json

if TYPE_CHECKING:
    from feedback_desk.cli.context import CliContext

OUTCOMES = ("contacted", "resolved", "no_action")


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    actions = subparsers.add_parser(
        "actions", parents=[common], help="open actions to take, or close one"
    )
    add_json(actions)
    actions.set_defaults(handler=run_list)
    nested = actions.add_subparsers(title="actions subcommands", metavar="ACTION")
    close = nested.add_parser("close", parents=[common], help="close the action of REVIEW")
    close.add_argument("review", metavar="REVIEW")
    close.add_argument("--outcome", required=True, choices=OUTCOMES)
    close.add_argument("--note", metavar="TEXT")
    add_at(close, what="the closing time")
    close.set_defaults(handler=run_close)

    before = nested.add_parser(
        "close-before",
        parents=[common],
        help="close every open action whose review is dated before D (imported history)",
    )
    before.add_argument("day", metavar="D", help="a local day (ISO date); reviews before it")
    before.add_argument("--outcome", default="no_action", choices=OUTCOMES)
    before.add_argument("--note", metavar="TEXT")
    add_at(before, what="the closing time")
    before.set_defaults(handler=run_close_before)


def run_list(ctx: CliContext) -> int:
    from feedback_desk.cli.report_output import actions_json, actions_text
    from feedback_desk.services.actions import list_open_actions
    from feedback_desk.services.settings import load_settings

    with ctx.store().read() as session:
        tz = load_settings(session).timezone
        actions = list_open_actions(session)
    if ctx.args.json:
        ctx.print_json(actions_json(actions, tz))
    else:
        for line in actions_text(actions, tz):
            ctx.print(line)
    return 0


def run_close(ctx: CliContext) -> int:
    from feedback_desk.domain.kinds import ActionOutcome
    from feedback_desk.services.actions import close_action
    from feedback_desk.services.audit import default_actor

    outcome = ActionOutcome(ctx.args.outcome)
    at = ctx.clock().now()
    with ctx.store().write() as session:
        close_action(session, ctx.args.review, outcome, ctx.args.note, at=at, actor=default_actor())
    ctx.print(f"Closed the action of review {ctx.args.review} ({outcome.value}).")
    return 0


def run_close_before(ctx: CliContext) -> int:
    from feedback_desk.domain.kinds import ActionOutcome
    from feedback_desk.domain.localtime import parse_day
    from feedback_desk.errors import UserInputError
    from feedback_desk.services.actions import close_actions_before
    from feedback_desk.services.audit import default_actor

    try:
        day = parse_day(ctx.args.day)
    except ValueError as exc:
        raise UserInputError(f"D: {exc}") from None
    outcome = ActionOutcome(ctx.args.outcome)
    at = ctx.clock().now()
    with ctx.store().write() as session:
        closed = close_actions_before(
            session, day, outcome, ctx.args.note, at=at, actor=default_actor()
        )
    ctx.print(
        f"Closed {closed} action(s) for reviews dated before {day.isoformat()} ({outcome.value})."
    )
    return 0
