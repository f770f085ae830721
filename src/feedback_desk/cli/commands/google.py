"""`feedback-desk google ...`: connect, sync, reviews, link, unlink, mark-reviewed, reply."""

from __future__ import annotations

import argparse

from feedback_desk.cli.commands._shared import add_json, not_built


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
    connect.set_defaults(handler=not_built("google connect"))

    sync = nested.add_parser("sync", parents=[common], help="one sync of the location's reviews")
    sync.set_defaults(handler=not_built("google sync"))

    reviews = nested.add_parser("reviews", parents=[common], help="the Google reviews in the store")
    add_json(reviews)
    reviews.set_defaults(handler=not_built("google reviews"))

    link = nested.add_parser("link", parents=[common], help="link a Google review to a client")
    link.add_argument("review", metavar="REVIEW")
    link.add_argument("client", metavar="CLIENT")
    link.set_defaults(handler=not_built("google link"))

    unlink = nested.add_parser("unlink", parents=[common], help="undo a review's link")
    unlink.add_argument("review", metavar="REVIEW")
    unlink.set_defaults(handler=not_built("google unlink"))

    mark = nested.add_parser(
        "mark-reviewed", parents=[common], help="this client has reviewed us on Google"
    )
    mark.add_argument("client", metavar="CLIENT")
    mark.add_argument("--undo", action="store_true")
    mark.set_defaults(handler=not_built("google mark-reviewed"))

    reply = nested.add_parser(
        "reply", parents=[common], help="publish (or replace) the reply on Google"
    )
    reply.add_argument("review", metavar="REVIEW")
    reply.add_argument("text", metavar="TEXT")
    reply.set_defaults(handler=not_built("google reply"))
