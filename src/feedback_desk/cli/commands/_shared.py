"""Helpers for the command modules (kept import-light)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from feedback_desk.errors import NotBuiltYet

if TYPE_CHECKING:
    from feedback_desk.cli.context import CliContext

Handler = Callable[["CliContext"], int | None]


def not_built(command: str) -> Handler:
    def handler(_ctx: CliContext) -> int:
        raise NotBuiltYet(f"`feedback-desk {command}` is not built yet in this version")

    return handler


def add_at(parser: argparse.ArgumentParser, *, required: bool = False, what: str = "now") -> None:
    parser.add_argument(
        "--at",
        metavar="T",
        required=required,
        help=f"behave as if {what} were T (ISO 8601, local to the studio unless it has an offset)",
    )


def add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON (the contract's shape)")
