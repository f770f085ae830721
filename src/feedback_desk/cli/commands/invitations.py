"""`feedback-desk invitations --at T --json`: the Google invitations due at T."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from feedback_desk.cli.commands._shared import add_at, add_json

if TYPE_CHECKING:
    from feedback_desk.cli.context import CliContext


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "invitations", parents=[common], help="the Google invitations due at T"
    )
    add_at(parser)
    add_json(parser)
    parser.set_defaults(handler=run)


def run(ctx: CliContext) -> int:
    from feedback_desk.domain.localtime import format_local
    from feedback_desk.services.invitations import due_invitations, invitations_active

    at = ctx.clock().now()
    settings = ctx.settings()
    with ctx.store().read() as session:
        due = due_invitations(session, settings, at)
    if ctx.args.json:
        ctx.print_json([d.as_json(settings) for d in due])
        return 0
    if not invitations_active(settings):
        ctx.print("Google invitations are off: no review link is set (google.review_link)")
        return 0
    if not due:
        ctx.print("no invitation is due")
    for d in due:
        ctx.print(f"{d.client}  {format_local(d.send_at, settings.timezone)}  email  {d.reason}")
    return 0
