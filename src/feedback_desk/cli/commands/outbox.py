"""`feedback-desk send-outbox [--at T]`: one run of the outbox."""

from __future__ import annotations

import argparse

from feedback_desk.cli.commands._shared import add_at, not_built


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "send-outbox", parents=[common], help="queue due invitations, send what is due, then exit"
    )
    add_at(parser)
    parser.set_defaults(handler=not_built("send-outbox"))
