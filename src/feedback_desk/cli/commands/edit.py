"""`feedback-desk edit REVIEW --stars N [--note TEXT]`: the manual edit of seed 001."""

from __future__ import annotations

import argparse

from feedback_desk.cli.commands._shared import not_built


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("edit", parents=[common], help="change a review's stars by hand")
    parser.add_argument("review", metavar="REVIEW")
    parser.add_argument("--stars", type=int, required=True, metavar="N")
    parser.add_argument("--note", metavar="TEXT")
    parser.set_defaults(handler=not_built("edit"))
