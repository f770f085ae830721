"""`feedback-desk import KIND FILE`: import a CSV file, all or nothing."""

from __future__ import annotations

import argparse

from feedback_desk.cli.commands._shared import not_built

KINDS = ("clients", "coaches", "sessions", "attendance", "reviews")


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("import", parents=[common], help="import a CSV file")
    parser.add_argument("kind", choices=KINDS, metavar="KIND", help=" | ".join(KINDS))
    parser.add_argument("file", metavar="FILE")
    parser.set_defaults(handler=not_built("import"))
