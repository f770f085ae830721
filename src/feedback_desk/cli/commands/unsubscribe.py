"""`feedback-desk unsubscribe CLIENT`."""

from __future__ import annotations

import argparse

from feedback_desk.cli.commands._shared import not_built


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "unsubscribe", parents=[common], help="record that CLIENT wants no more commercial email"
    )
    parser.add_argument("client", metavar="CLIENT")
    parser.set_defaults(handler=not_built("unsubscribe"))
