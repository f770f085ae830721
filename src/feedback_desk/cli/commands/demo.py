"""`feedback-desk demo PATH`: write a deterministic demo studio."""

from __future__ import annotations

import argparse

from feedback_desk.cli.commands._shared import not_built


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "demo", parents=[common], help="write a deterministic demo studio to PATH"
    )
    parser.add_argument(
        "path", metavar="PATH", help="the SQLite file to write (replaced if it exists)"
    )
    parser.add_argument(
        "--clients", type=int, default=400, metavar="N", help="number of clients (400)"
    )
    parser.add_argument(
        "--months", type=int, default=12, metavar="M", help="months of history (12)"
    )
    parser.add_argument("--until", metavar="D", help="last day of the data (default: today)")
    parser.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (1)")
    parser.set_defaults(handler=not_built("demo"))
