"""`prompt` (what the kiosk would ask) and `answer` (answer it, as the kiosk records it)."""

from __future__ import annotations

import argparse

from feedback_desk.cli.commands._shared import add_at, add_json, not_built


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    prompt = subparsers.add_parser(
        "prompt", parents=[common], help="the prompt the kiosk would show CLIENT at T"
    )
    prompt.add_argument("client", metavar="CLIENT")
    add_at(prompt)
    add_json(prompt)
    prompt.set_defaults(handler=not_built("prompt"))

    answer = subparsers.add_parser(
        "answer", parents=[common], help="answer the prompt due for CLIENT at T"
    )
    answer.add_argument("client", metavar="CLIENT")
    add_at(answer)
    group = answer.add_mutually_exclusive_group(required=True)
    group.add_argument("--stars", type=int, metavar="N", help="1 to 5")
    group.add_argument("--ignore", action="store_true", help='"Ignore for now"')
    answer.add_argument("--aspects", metavar="'A|B'", help="aspect labels separated by |")
    answer.add_argument("--comment", metavar="TEXT")
    answer.set_defaults(handler=not_built("answer"))
