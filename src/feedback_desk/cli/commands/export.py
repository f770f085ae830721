"""`feedback-desk export --from D --to D [--language fr|en] OUT.xlsx|OUT.csv`."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from feedback_desk.cli.context import CliContext


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "export",
        parents=[common],
        help="write the period's workbook (or CSV)",
        description="OUT.xlsx: three sheets (by coach, by date with one row a day, comments). "
        "OUT.csv: one row a review (UTF-8 with a byte-order mark), the same in every language.",
    )
    parser.add_argument("--from", dest="date_from", required=True, metavar="D")
    parser.add_argument("--to", dest="date_to", required=True, metavar="D")
    parser.add_argument(
        "--language",
        choices=("fr", "en"),
        default="en",
        help="the workbook's sheet names, headers and words: fr (French) or en (English, the "
        "default); the CSV is the same in both",
    )
    parser.add_argument(
        "out", metavar="OUT", help="OUT.xlsx (three sheets) or OUT.csv (one row a review)"
    )
    parser.set_defaults(handler=run)


def run(ctx: CliContext) -> int:
    from pathlib import Path

    from feedback_desk.services.export import export_period
    from feedback_desk.services.reports import parse_period
    from feedback_desk.services.settings import load_settings

    scope = parse_period(ctx.args.date_from, ctx.args.date_to)
    path = Path(ctx.args.out).expanduser()
    with ctx.store().read() as session:
        summary = export_period(
            session, load_settings(session), scope, path, language=ctx.args.language
        )
    if summary.format == "csv":
        ctx.print(f"Wrote {path}: {summary.rows} review(s).")
    else:
        ctx.print(
            f"Wrote {path}: {summary.coaches} coach(es), {summary.days} day(s), "
            f"{summary.rows} comment(s)."
        )
    return 0
