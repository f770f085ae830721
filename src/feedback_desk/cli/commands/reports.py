"""`stats` (the report figures of a period) and `trends` (whose satisfaction is dropping)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from feedback_desk.cli.commands._shared import add_at, add_json

if TYPE_CHECKING:
    from feedback_desk.cli.context import CliContext


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    stats = subparsers.add_parser(
        "stats",
        parents=[common],
        help="the report figures for a period",
        description="Reviews, average, promoters, passives, detractors, NPS, prompts and "
        "response rate for the local days D to D inclusive, by month and by coach.",
    )
    stats.add_argument("--from", dest="date_from", required=True, metavar="D")
    stats.add_argument("--to", dest="date_to", required=True, metavar="D")
    stats.add_argument("--kind", choices=("class", "business"))
    add_json(stats)
    stats.set_defaults(handler=run_stats)

    trends = subparsers.add_parser(
        "trends", parents=[common], help="clients and coaches whose satisfaction is dropping"
    )
    add_at(trends)
    add_json(trends)
    trends.set_defaults(handler=run_trends)


def run_stats(ctx: CliContext) -> int:
    from feedback_desk.cli.report_output import stats_json, stats_text
    from feedback_desk.services.reports import parse_period, period_report
    from feedback_desk.services.settings import load_settings

    scope = parse_period(ctx.args.date_from, ctx.args.date_to, ctx.args.kind)
    with ctx.store().read() as session:
        nps_enabled = load_settings(session).flag("nps.enabled")
        report = period_report(
            session,
            scope,
            with_coaches=True,
            with_classes=not ctx.args.json,
            with_recommend=True,
        )
    if ctx.args.json:
        ctx.print_json(stats_json(report, nps_enabled=nps_enabled))
    else:
        for line in stats_text(report):
            ctx.print(line)
    return 0


def run_trends(ctx: CliContext) -> int:
    from feedback_desk.cli.report_output import trends_json, trends_text
    from feedback_desk.services.settings import load_settings
    from feedback_desk.services.trends import satisfaction_trends

    at = ctx.clock().now()
    with ctx.store().read() as session:
        settings = load_settings(session)
        trends = satisfaction_trends(session, settings, at)
    if ctx.args.json:
        ctx.print_json(trends_json(trends, settings.timezone))
    else:
        for line in trends_text(trends, settings.timezone):
            ctx.print(line)
    return 0
