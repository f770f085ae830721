"""`feedback-desk import KIND FILE`: import a CSV file, all or nothing."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from feedback_desk.cli.commands._shared import add_at

if TYPE_CHECKING:
    from feedback_desk.cli.context import CliContext
    from feedback_desk.services.importing import ImportSource

KINDS = ("clients", "coaches", "sessions", "attendance", "reviews")


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "import",
        parents=[common],
        help="import a CSV file",
        description="Imports a CSV file (UTF-8, comma or semicolon, header row), all or nothing: "
        "when any row is invalid nothing is written and every bad row is listed as FILE:LINE. "
        "Rows are matched by id, so importing the same file twice changes nothing. "
        "More KIND FILE pairs are imported in the same transaction (ids defined by one file "
        "count for the others).",
    )
    parser.add_argument("kind", choices=KINDS, metavar="KIND", help=" | ".join(KINDS))
    parser.add_argument("file", metavar="FILE")
    parser.add_argument(
        "more", nargs="*", metavar="KIND FILE", help="more files for the same import"
    )
    add_at(parser)
    parser.set_defaults(handler=run)


def run(ctx: CliContext) -> int:
    from feedback_desk.services.importing import import_files

    sources = _sources(ctx.args.kind, ctx.args.file, ctx.args.more)
    report = import_files(ctx.store(), sources, clock=ctx.clock())
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


def _sources(kind: str, file: str, more: list[str]) -> list[ImportSource]:
    from pathlib import Path

    from feedback_desk.errors import UserInputError
    from feedback_desk.services.importing import ImportKind, ImportSource

    if len(more) % 2:
        raise UserInputError(f"import: {more[-1]!r} has no FILE after it (give KIND FILE pairs)")
    pairs = [(kind, file), *zip(more[::2], more[1::2], strict=True)]
    unknown = [k for k, _f in pairs if k not in KINDS]
    if unknown:
        raise UserInputError(
            f"import: unknown KIND {k!r} (choose from {', '.join(KINDS)})" for k in unknown
        )
    return [ImportSource(ImportKind(k), Path(f), f) for k, f in pairs]
