"""`feedback-desk google ...`: connect, sync, reviews, link, unlink, mark-reviewed, reply."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from feedback_desk.cli.commands._shared import add_at, add_json

if TYPE_CHECKING:
    from feedback_desk.cli.context import CliContext


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    google = subparsers.add_parser("google", parents=[common], help="Google Business Profile")
    nested = google.add_subparsers(title="google subcommands", metavar="ACTION", required=True)

    connect = nested.add_parser(
        "connect", parents=[common], help="connect the studio's Business Profile"
    )
    source = connect.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "--client-secrets", metavar="FILE", help="OAuth client file: sign in with the browser"
    )
    source.add_argument(
        "--credentials", metavar="FILE", help="an authorized-user JSON (token_uri honoured)"
    )
    connect.add_argument("--location", metavar="NAME", help="the location to keep (name or title)")
    connect.set_defaults(handler=run_connect)

    sync = nested.add_parser("sync", parents=[common], help="one sync of the location's reviews")
    sync.set_defaults(handler=run_sync)

    reviews = nested.add_parser("reviews", parents=[common], help="the Google reviews in the store")
    add_json(reviews)
    reviews.set_defaults(handler=run_reviews)

    link = nested.add_parser("link", parents=[common], help="link a Google review to a client")
    link.add_argument("review", metavar="REVIEW")
    link.add_argument("client", metavar="CLIENT")
    link.set_defaults(handler=run_link)

    unlink = nested.add_parser("unlink", parents=[common], help="undo a review's link")
    unlink.add_argument("review", metavar="REVIEW")
    unlink.set_defaults(handler=run_unlink)

    mark = nested.add_parser(
        "mark-reviewed", parents=[common], help="this client has reviewed us on Google"
    )
    mark.add_argument("client", metavar="CLIENT")
    mark.add_argument("--undo", action="store_true")
    mark.set_defaults(handler=run_mark_reviewed)

    reply = nested.add_parser(
        "reply",
        parents=[common],
        help="publish (or replace) the reply on Google, or --email it to the linked client",
    )
    reply.add_argument("review", metavar="REVIEW")
    reply.add_argument("text", metavar="TEXT")
    how = reply.add_mutually_exclusive_group()
    how.add_argument(
        "--delete", action="store_true", help="remove the studio's reply instead (TEXT ignored)"
    )
    how.add_argument(
        "--email",
        action="store_true",
        help="email TEXT to the client linked to the review (through the outbox) instead of "
        "publishing it on Google",
    )
    reply.add_argument(
        "--subject",
        metavar="SUBJECT",
        help="with --email: the subject (default: the reply template's, in the client's language)",
    )
    add_at(reply)
    reply.set_defaults(handler=run_reply)

    disconnect = nested.add_parser(
        "disconnect", parents=[common], help="forget the Google sign-in (the archive stays)"
    )
    disconnect.set_defaults(handler=run_disconnect)


def _actor() -> str:
    from feedback_desk.services.audit import default_actor

    return default_actor()


def run_connect(ctx: CliContext) -> int:
    from feedback_desk.services.google import auth, connection

    store = ctx.store()
    if ctx.args.credentials:
        sign_in = auth.read_authorized_user_file(ctx.args.credentials)
    else:
        ctx.print("Signing in to Google in your browser…")
        sign_in = auth.sign_in_with_browser(ctx.args.client_secrets)
    location = connection.connect(
        store, sign_in, wanted_location=ctx.args.location, clock=ctx.clock(), actor=_actor()
    )
    ctx.print(f"connected to {location.title} ({location.location_name})")
    link = location.new_review_uri or (
        connection.WRITE_REVIEW_URL.format(place_id=location.place_id)
        if location.place_id
        else None
    )
    if link:
        ctx.print(f"google.review_link = {link}")
    else:
        ctx.print(
            "this location has no review link yet (not on Google Maps); "
            "set google.review_link with `feedback-desk config` once it has one"
        )
    ctx.print("run `feedback-desk google sync` to fetch its reviews")
    return 0


def run_disconnect(ctx: CliContext) -> int:
    from feedback_desk.services.google import connection

    status = connection.disconnect(ctx.store(), clock=ctx.clock(), actor=_actor())
    ctx.print("the Google sign-in was removed from the system keyring")
    ctx.print(
        f"the archive stays: {status.archived_reviews} Google reviews and their links, "
        "readable and linkable offline"
    )
    return 0


def run_sync(ctx: CliContext) -> int:
    from feedback_desk.services.google.sync import sync_reviews

    result = sync_reviews(ctx.store(), clock=ctx.clock(), actor=_actor())
    ctx.print(f"{result.location_title}: {result.summary()}")
    if result.suggestions:
        ctx.print("new reviews that may be from your clients (link them with `google link`):")
        for item in result.suggestions:
            found = item.suggestion
            ctx.print(
                f"  {item.review_id} by {item.reviewer or '(anonymous)'} → "
                f"{found.client_external_id} {found.client_name} "
                f"(score {found.suggestion.score:.2f})"
            )
    return 0


def run_reviews(ctx: CliContext) -> int:
    from feedback_desk.services.google.queries import review_rows

    with ctx.store().read() as session:
        rows = review_rows(session)
    if ctx.args.json:
        ctx.print_json([row.contract_json() for row in rows])
        return 0
    for row in rows:
        stars = "?" if row.stars is None else str(row.stars)
        flags = " [removed]" if row.removed else ""
        client = f" → {row.client_external_id}" if row.client_external_id else ""
        ctx.print(f"{row.create_time}  {stars}★  {row.reviewer or '(anonymous)'}{client}{flags}")
    return 0


def run_link(ctx: CliContext) -> int:
    from feedback_desk.services.google.linking import link_review

    with ctx.store().write() as session:
        link_review(session, ctx.args.review, ctx.args.client, at=ctx.clock().now(), actor=_actor())
    ctx.print(f"{ctx.args.review} linked to {ctx.args.client}")
    return 0


def run_unlink(ctx: CliContext) -> int:
    from feedback_desk.services.google.linking import unlink_review

    with ctx.store().write() as session:
        client = unlink_review(session, ctx.args.review, at=ctx.clock().now(), actor=_actor())
    ctx.print(f"{ctx.args.review} is no longer linked to {client}")
    return 0


def run_mark_reviewed(ctx: CliContext) -> int:
    from feedback_desk.services.google.linking import considered_reviewed, mark_reviewed

    with ctx.store().write() as session:
        mark_reviewed(
            session, ctx.args.client, undo=ctx.args.undo, at=ctx.clock().now(), actor=_actor()
        )
        still = considered_reviewed(session, ctx.args.client)
    if ctx.args.undo:
        tail = " (a linked Google review still counts)" if still else ""
        ctx.print(f"{ctx.args.client} is no longer marked as reviewed on Google{tail}")
    else:
        ctx.print(f"{ctx.args.client} is marked as reviewed on Google: no more invitations")
    return 0


def run_reply(ctx: CliContext) -> int:
    from feedback_desk.services.google import replies

    if ctx.args.email:
        return _reply_by_email(ctx)
    if ctx.args.subject is not None:
        from feedback_desk.errors import UserInputError

        raise UserInputError("--subject goes with --email (a reply on Google has no subject)")
    if ctx.args.delete:
        replies.delete_reply(ctx.store(), ctx.args.review, clock=ctx.clock(), actor=_actor())
        ctx.print(f"the reply to {ctx.args.review} was removed from Google")
        return 0
    # Checked before the store is even opened: nothing is sent.
    replies.check_reply(ctx.args.text)
    reply = replies.publish_reply(
        ctx.store(), ctx.args.review, ctx.args.text, clock=ctx.clock(), actor=_actor()
    )
    state = f" ({reply.state})" if reply.state else ""
    ctx.print(f"reply published on Google{state}")
    return 0


def _reply_by_email(ctx: CliContext) -> int:
    from feedback_desk.services.google.email_reply import reply_by_email
    from feedback_desk.services.settings import load_settings

    with ctx.store().write() as session:
        draft, queued = reply_by_email(
            session,
            load_settings(session),
            ctx.args.review,
            ctx.args.text,
            subject=ctx.args.subject,
            at=ctx.clock().now(),
            actor=_actor(),
        )
        message_id = queued.message.id
    if not queued.created:
        ctx.print(f"this email is already in the outbox (message {message_id}): nothing queued")
        return 0
    language = "French" if draft.language == "fr" else "English"
    ctx.print(
        f"reply email queued for {draft.to} (message {message_id}, {language}): "
        "`feedback-desk send-outbox` sends it"
    )
    return 0
