"""Email review requests and the studio's inbox: `requests`, `requests list`, `fetch-inbox`,
`inbox`, `inbox handled ID`."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from feedback_desk.cli.commands._shared import add_at, add_json

if TYPE_CHECKING:
    from feedback_desk.cli.context import CliContext

REQUEST_STATES = ("queued", "sent", "answered", "ignored", "abandoned", "cancelled")


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    requests = subparsers.add_parser(
        "requests",
        parents=[common],
        help="the email review requests due at T, not yet queued",
        description="Lists the email review requests due at T (default now) that send-outbox "
        "would queue. Records nothing.",
    )
    add_at(requests)
    add_json(requests)
    requests.set_defaults(handler=run_due)
    nested = requests.add_subparsers(title="requests subcommands", metavar="ACTION")
    listing = nested.add_parser(
        "list", parents=[common], help="every request with its state and token, newest first"
    )
    listing.add_argument("--state", choices=REQUEST_STATES)
    add_at(listing)
    add_json(listing)
    listing.set_defaults(handler=run_list)

    fetch = subparsers.add_parser(
        "fetch-inbox",
        parents=[common],
        help="one pass over the studio's mailbox",
        description="Reads the studio's mailbox once: answers to review requests become "
        "reviews, other replies to the studio's emails inbound messages for staff; other mail "
        "is left as it was. Exit 1 (one sentence) when the mailbox cannot be read.",
    )
    add_at(fetch)
    add_json(fetch)
    fetch.set_defaults(handler=run_fetch)

    inbox = subparsers.add_parser(
        "inbox", parents=[common], help="inbound messages (replies to read), newest first"
    )
    inbox.add_argument("--all", action="store_true", help="handled ones too")
    add_json(inbox)
    inbox.set_defaults(handler=run_inbox)
    inbox_nested = inbox.add_subparsers(title="inbox subcommands", metavar="ACTION")
    handled = inbox_nested.add_parser(
        "handled", parents=[common], help="mark an inbound message handled"
    )
    handled.add_argument("message", metavar="ID", type=int)
    add_at(handled)
    handled.set_defaults(handler=run_handled)


def run_due(ctx: CliContext) -> int:
    from feedback_desk.domain.localtime import format_local
    from feedback_desk.services.requests.planning import due_requests, requests_active

    at = ctx.clock().now()
    settings = ctx.settings()
    with ctx.store().read() as session:
        due = due_requests(session, settings, at)
    if ctx.args.json:
        ctx.print_json([d.as_json(settings) for d in due])
        return 0
    if not requests_active(settings):
        ctx.print("email review requests are off (requests.email_enabled)")
        return 0
    if not due:
        ctx.print("no review request is due")
    for d in due:
        what = f"class review of {d.session}" if d.session else "business review"
        ctx.print(f"{d.client}  {format_local(d.send_at, settings.timezone)}  email  {what}")
    return 0


def run_list(ctx: CliContext) -> int:
    from feedback_desk.domain.kinds import RequestState
    from feedback_desk.services.requests.listing import list_requests

    at = ctx.clock().now()
    settings = ctx.settings()
    state = RequestState(ctx.args.state) if ctx.args.state else None
    with ctx.store().read() as session:
        entries = list_requests(session, settings, at=at, state=state)
    if ctx.args.json:
        ctx.print_json([e.as_json(settings) for e in entries])
        return 0
    if not entries:
        ctx.print("no review request")
    for e in entries:
        shown = e.as_json(settings)
        what = f"class {e.session}" if e.session else "business"
        ctx.print(f"{e.id:>6}  {e.state.value:<9}  {e.client}  {what}  sent {shown['sent_at']}")
    return 0


def run_fetch(ctx: CliContext) -> int:
    from feedback_desk.services.inbox.fetch import fetch_inbox
    from feedback_desk.services.inbox.imap import ImapClientTransport

    summary = fetch_inbox(ctx.store(), transport=ImapClientTransport(), clock=ctx.clock())
    if ctx.args.json:
        ctx.print_json(summary.as_json())
    else:
        ctx.print(summary.summary_line())
    for problem in summary.problems:
        print(f"warning: {problem}", file=ctx.err)
    return 0


def run_inbox(ctx: CliContext) -> int:
    from feedback_desk.domain.localtime import format_local
    from feedback_desk.services.inbox.listing import list_inbound

    tz = ctx.timezone()
    with ctx.store().read() as session:
        entries = list_inbound(session, include_handled=bool(ctx.args.all))
    if ctx.args.json:
        ctx.print_json(
            [
                {
                    "id": e.id,
                    "client": e.client,
                    "received_at": format_local(e.received_at, tz),
                    "subject": e.subject,
                    "text": e.text,
                    "about": e.about.value,
                    "review": e.review,
                    "handled": e.handled,
                    "from": e.from_address,
                    "action_open": e.action_open,
                }
                for e in entries
            ]
        )
        return 0
    if not entries:
        ctx.print("no reply to read")
    for e in entries:
        mark = "handled" if e.handled else "to read"
        ctx.print(
            f"{e.id:>6}  {format_local(e.received_at, tz)}  {mark:<7}  {e.client or '-'}  "
            f"{e.about.value}: {e.subject}"
        )
        ctx.print(f"        {' '.join(e.text.split())[:200]}")
    return 0


def run_handled(ctx: CliContext) -> int:
    from feedback_desk.services.audit import default_actor
    from feedback_desk.services.inbox.listing import mark_handled

    at = ctx.clock().now()
    with ctx.store().write() as session:
        mark_handled(session, ctx.args.message, at=at, actor=default_actor())
    ctx.print(f"inbound message {ctx.args.message}: handled")
    return 0
