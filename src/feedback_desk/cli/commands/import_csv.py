"""`feedback-desk import KIND FILE [--map MAP.json | --preset NAME]`: import CSV files."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from feedback_desk.cli.commands._shared import add_at

if TYPE_CHECKING:
    from feedback_desk.cli.context import CliContext
    from feedback_desk.services.importing import ImportSource, Mapping

KINDS = ("clients", "coaches", "sessions", "visits", "attendance", "reviews")


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "import",
        parents=[common],
        help="import a CSV file",
        description="Imports a CSV file (UTF-8, UTF-16 or Windows-1252; comma, semicolon or tab; "
        "header row, names matched through French and English aliases), all or nothing: when "
        "any row is invalid nothing is written and every bad row is listed as FILE:LINE. Rows "
        "are matched by id, so importing the same file twice changes nothing. More KIND FILE "
        "pairs are imported in the same transaction, in dependency order (clients, coaches, "
        "sessions, visits, attendance, reviews): `import clients C.csv visits V.csv` imports a "
        "visit history with the clients it names.",
    )
    parser.add_argument("kind", choices=KINDS, metavar="KIND", help=" | ".join(KINDS))
    parser.add_argument("file", metavar="FILE")
    parser.add_argument(
        "more", nargs="*", metavar="KIND FILE", help="more files for the same import"
    )
    how = parser.add_mutually_exclusive_group()
    how.add_argument(
        "--map",
        action="append",
        metavar="MAP.json",
        help='a mapping file: {"columns": {"their header": "our field"}, "date_format": ..., '
        '"time_format": ..., "values": {"present": {"Signed in": "yes"}}}; once for every '
        "file, or once per file in order",
    )
    how.add_argument("--preset", metavar="NAME", help="a named mapping (built-in or saved)")
    add_at(parser)
    parser.set_defaults(handler=run)


def run(ctx: CliContext) -> int:
    from feedback_desk.services.importing import import_files

    sources = _sources(ctx.args.kind, ctx.args.file, ctx.args.more, ctx.args.map, ctx.args.preset)
    report = import_files(ctx.store(), sources, clock=ctx.clock())
    for warning in report.warnings:
        print(warning, file=ctx.err)
    for file_report in report.files:
        ctx.print(file_report.summary())
        for line in file_report.details():
            ctx.print(line)
    return 0


def _sources(
    kind: str, file: str, more: list[str], maps: list[str] | None, preset: str | None
) -> list[ImportSource]:
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
    mappings = _mappings(len(pairs), maps, preset)
    return [
        ImportSource(ImportKind(k), Path(f), f, mapping)
        for (k, f), mapping in zip(pairs, mappings, strict=True)
    ]


def _mappings(count: int, maps: list[str] | None, preset: str | None) -> list[Mapping]:
    from pathlib import Path

    from feedback_desk.errors import UserInputError
    from feedback_desk.services.importing import Mapping, load_mapping

    if preset:
        return [Mapping(preset=preset)] * count
    if not maps:
        return [Mapping()] * count
    if len(maps) not in (1, count):
        raise UserInputError(
            f"import: {len(maps)} --map options for {count} files (give one for every file, "
            "or one per file in order)"
        )
    loaded = [load_mapping(Path(m), m) for m in maps]
    return loaded * count if len(loaded) == 1 else loaded
