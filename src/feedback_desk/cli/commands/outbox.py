"""`feedback-desk send-outbox [--at T]`: one run of the outbox; `outbox ...`: staff's tools."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from feedback_desk.cli.commands._shared import add_at, add_json

if TYPE_CHECKING:
    from feedback_desk.cli.context import CliContext

STATES = ("queued", "sending", "sent", "failed", "uncertain", "cancelled")


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "send-outbox",
        parents=[common],
        help="queue due invitations, send what is due, then exit",
        description="Queues the Google invitations due at T, then sends every queued message "
        "whose time has come and prints a summary. Exit 0 when the run completed (failures "
        "are recorded in the outbox), 1 when no mail server could be reached.",
    )
    add_at(parser)
    parser.set_defaults(handler=run_send)

    outbox = subparsers.add_parser("outbox", parents=[common], help="look at and fix the outbox")
    nested = outbox.add_subparsers(title="outbox actions", metavar="ACTION", required=True)
    listing = nested.add_parser("list", parents=[common], help="the newest messages")
    listing.add_argument("--state", choices=STATES, action="append", help="only these states")
    listing.add_argument("--limit", type=int, default=50)
    add_json(listing)
    listing.set_defaults(handler=run_list)
    for name, helptext in (
        ("retry", "put a failed or uncertain message back in the queue"),
        ("cancel", "never send this message"),
        ("mark-sent", "an uncertain message did arrive"),
        ("requeue", "an uncertain message did not arrive: send it again"),
    ):
        action = nested.add_parser(name, parents=[common], help=helptext)
        action.add_argument("message", metavar="ID", type=int)
        add_at(action)
        action.set_defaults(handler=run_staff_action, staff_action=name)


def run_send(ctx: CliContext) -> int:
    from feedback_desk.services.audit import default_actor
    from feedback_desk.services.email.smtp import SmtplibTransport
    from feedback_desk.services.outbox.run import run_outbox

    result = run_outbox(
        ctx.store(), clock=ctx.clock(), transport=SmtplibTransport(), actor=default_actor()
    )
    for line in result.summary_lines():
        ctx.print(line)
    for line in result.problem_lines():
        print(line, file=ctx.err)
    return result.exit_code


def run_list(ctx: CliContext) -> int:
    from feedback_desk.domain.kinds import OutboxState
    from feedback_desk.domain.localtime import format_local
    from feedback_desk.services.outbox.staff import page

    tz = ctx.timezone()
    states = [OutboxState(s) for s in ctx.args.state or ()]
    with ctx.store().read() as session:
        rows = page(session, states=states, limit=max(1, ctx.args.limit))

    def when(value: object) -> str | None:
        from datetime import datetime

        return format_local(value, tz) if isinstance(value, datetime) else None

    if ctx.args.json:
        ctx.print_json(
            [
                {
                    "id": r.id,
                    "kind": r.kind.value,
                    "to": r.recipients,
                    "subject": r.subject,
                    "state": r.state.value,
                    "attempts": r.attempts,
                    "next_attempt_at": when(r.next_attempt_at),
                    "sent_at": when(r.sent_at),
                    "client": r.client,
                    "last_error": r.last_error,
                }
                for r in rows
            ]
        )
        return 0
    for r in rows:
        ctx.print(f"{r.id:>6}  {r.state.value:<9}  {r.kind.value:<10}  {r.recipients}  {r.subject}")
        if r.last_error and r.state.value != "sent":
            ctx.print(f"        {r.last_error}")
    return 0


def run_staff_action(ctx: CliContext) -> int:
    from feedback_desk.services.audit import default_actor
    from feedback_desk.services.outbox import staff

    actions = {
        "retry": staff.retry,
        "cancel": staff.cancel,
        "mark-sent": staff.resolve_as_sent,
        "requeue": staff.resolve_by_requeueing,
    }
    act = actions[ctx.args.staff_action]
    now = ctx.clock().now()
    with ctx.store().write() as session:
        message = act(session, ctx.args.message, at=now, actor=default_actor())
        state = message.state.value
    ctx.print(f"message {ctx.args.message}: {state}")
    return 0
