"""`feedback-desk invitations --at T --json`: the Google invitations due at T."""

from __future__ import annotations

import argparse

from feedback_desk.cli.commands._shared import add_at, add_json, not_built


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "invitations", parents=[common], help="the Google invitations due at T"
    )
    add_at(parser)
    add_json(parser)
    parser.set_defaults(handler=not_built("invitations"))
