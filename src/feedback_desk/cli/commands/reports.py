"""`stats` (the report figures of a period) and `trends` (whose satisfaction is dropping)."""

from __future__ import annotations

import argparse

from feedback_desk.cli.commands._shared import add_at, add_json, not_built


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    stats = subparsers.add_parser("stats", parents=[common], help="the report figures for a period")
    stats.add_argument("--from", dest="date_from", required=True, metavar="D")
    stats.add_argument("--to", dest="date_to", required=True, metavar="D")
    stats.add_argument("--kind", choices=("class", "business"))
    add_json(stats)
    stats.set_defaults(handler=not_built("stats"))

    trends = subparsers.add_parser(
        "trends", parents=[common], help="clients and coaches whose satisfaction is dropping"
    )
    add_at(trends)
    add_json(trends)
    trends.set_defaults(handler=not_built("trends"))
