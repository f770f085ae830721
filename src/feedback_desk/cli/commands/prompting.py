"""`prompt` (what the kiosk would ask) and `answer` (answer it, as the kiosk records it)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from feedback_desk.cli.commands._shared import add_at, add_json

if TYPE_CHECKING:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from feedback_desk.cli.context import CliContext
    from feedback_desk.services.prompting import SessionSummary

PROMPT_NAMES = {"class": "class_review", "business": "business_review"}


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    prompt = subparsers.add_parser(
        "prompt",
        parents=[common],
        help="the prompt the kiosk would show CLIENT at T",
        description="Shows the prompt the kiosk would show CLIENT at T (default now). "
        "Records nothing.",
    )
    prompt.add_argument("client", metavar="CLIENT", help="the studio's client id")
    add_at(prompt)
    add_json(prompt)
    prompt.set_defaults(handler=run_prompt)

    answer = subparsers.add_parser(
        "answer",
        parents=[common],
        help="answer the prompt due for CLIENT at T",
        description="Answers the prompt due for CLIENT at T exactly as the kiosk records it: the "
        "prompt is recorded as shown and answered (or ignored) at T. Exit 2 when nothing is due.",
    )
    answer.add_argument("client", metavar="CLIENT", help="the studio's client id")
    add_at(answer)
    group = answer.add_mutually_exclusive_group(required=True)
    group.add_argument("--stars", type=int, metavar="N", help="1 to 5")
    group.add_argument("--ignore", action="store_true", help='"Ignore for now"')
    answer.add_argument(
        "--aspects",
        metavar="'A|B'",
        help="aspect labels (French or English) separated by |",
    )
    answer.add_argument("--comment", metavar="TEXT", help="at most 2,000 characters")
    answer.add_argument(
        "--recommend",
        type=int,
        metavar="R",
        help="the 0-10 recommendation answer (business prompts)",
    )
    answer.set_defaults(handler=run_answer)


def _describe_session(summary: SessionSummary, tz: ZoneInfo) -> str:
    starts = summary.starts_at.astimezone(tz).strftime("%a %Y-%m-%d %H:%M")
    return f"{summary.external_id} ({summary.class_name} with {summary.coach_full_name}, {starts})"


def _what(kind: str, summary: SessionSummary | None, tz: ZoneInfo) -> str:
    if summary is None:
        return f"{kind} review"
    return f"{kind} review of session {_describe_session(summary, tz)}"


def run_prompt(ctx: CliContext) -> int:
    from feedback_desk.domain.localtime import format_local
    from feedback_desk.services.prompting.direct import check_prompt

    settings = ctx.settings()
    tz = settings.timezone
    at: datetime = ctx.clock().now()
    with ctx.store().read() as session:
        check = check_prompt(session, settings, ctx.args.client, at)
    kind = check.due.kind.value if check.due is not None else None
    if ctx.args.json:
        ctx.print_json(
            {
                "client": check.client,
                "at": format_local(at, tz),
                "prompt": PROMPT_NAMES[kind] if kind else None,
                "session": check.session.external_id if check.session is not None else None,
            }
        )
    elif kind is None:
        ctx.print(f"{check.client} at {format_local(at, tz)}: nothing is due")
    else:
        ctx.print(f"{check.client} at {format_local(at, tz)}: {_what(kind, check.session, tz)}")
    return 0


def _labels(text: str | None) -> list[str]:
    if not text:
        return []
    return [part.strip() for part in text.split("|") if part.strip()]


def run_answer(ctx: CliContext) -> int:
    from feedback_desk.domain.localtime import format_local
    from feedback_desk.services.prompting.direct import AnswerRequest, answer_due

    settings = ctx.settings()
    tz = settings.timezone
    at: datetime = ctx.clock().now()
    request = AnswerRequest(
        stars=ctx.args.stars,
        ignore=bool(ctx.args.ignore),
        aspect_labels=_labels(ctx.args.aspects),
        comment=ctx.args.comment,
        recommend=ctx.args.recommend,
    )
    with ctx.store().write() as session:
        result = answer_due(session, settings, ctx.args.client, at, request)
    what = _what(result.kind.value, result.session, tz)
    when = format_local(at, tz)
    if result.review_id is None:
        ctx.print(f"{result.client} at {when}: ignored the {what}")
    else:
        ctx.print(
            f"{result.client} at {when}: recorded review {result.review_id}, "
            f"{result.stars} stars, for the {what}"
        )
    return 0
