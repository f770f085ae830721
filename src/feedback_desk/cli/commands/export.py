"""`feedback-desk export --from D --to D OUT.xlsx|OUT.csv`."""

from __future__ import annotations

import argparse

from feedback_desk.cli.commands._shared import not_built


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "export", parents=[common], help="write the period's workbook (or CSV)"
    )
    parser.add_argument("--from", dest="date_from", required=True, metavar="D")
    parser.add_argument("--to", dest="date_to", required=True, metavar="D")
    parser.add_argument(
        "out", metavar="OUT", help="OUT.xlsx (three sheets) or OUT.csv (one row a review)"
    )
    parser.set_defaults(handler=not_built("export"))
