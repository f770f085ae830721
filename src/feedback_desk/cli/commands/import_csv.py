"""`feedback-desk import KIND FILE`: import a CSV file, all or nothing."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from feedback_desk.cli.commands._shared import add_at

if TYPE_CHECKING:
    from feedback_desk.cli.context import CliContext

KINDS = ("clients", "coaches", "sessions", "attendance", "reviews")


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "import",
        parents=[common],
        help="import a CSV file",
        description="Imports a CSV file (UTF-8, comma or semicolon, header row), all or nothing: "
        "when any row is invalid nothing is written and every bad row is listed as FILE:LINE. "
        "Rows are matched by id, so importing the same file twice changes nothing.",
    )
    parser.add_argument("kind", choices=KINDS, metavar="KIND", help=" | ".join(KINDS))
    parser.add_argument("file", metavar="FILE")
    add_at(parser, what="the time of the import")
    parser.set_defaults(handler=run)


def run(ctx: CliContext) -> int:
    from pathlib import Path

    from feedback_desk.services.importing import import_file

    report = import_file(
        ctx.store(), ctx.args.kind, Path(ctx.args.file), clock=ctx.clock(), name=ctx.args.file
    )
    for warning in report.warnings:
        print(warning, file=ctx.err)
    for file_report in report.files:
        ctx.print(file_report.summary())
        if file_report.new_classes:
            ctx.print(f"new classes: {', '.join(file_report.new_classes)}")
        if file_report.new_aspects:
            ctx.print(
                "new aspects awaiting a manager's approval: " + ", ".join(file_report.new_aspects)
            )
    return 0
