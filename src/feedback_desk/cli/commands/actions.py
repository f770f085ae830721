"""`actions` (open actions to take) and `actions close REVIEW`."""

from __future__ import annotations

import argparse

from feedback_desk.cli.commands._shared import add_json, not_built


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    actions = subparsers.add_parser(
        "actions", parents=[common], help="open actions to take, or close one"
    )
    add_json(actions)
    actions.set_defaults(handler=not_built("actions"))
    nested = actions.add_subparsers(title="actions subcommands", metavar="ACTION")
    close = nested.add_parser("close", parents=[common], help="close the action of REVIEW")
    close.add_argument("review", metavar="REVIEW")
    close.add_argument("--outcome", required=True, choices=("contacted", "resolved", "no_action"))
    close.add_argument("--note", metavar="TEXT")
    close.set_defaults(handler=not_built("actions close"))
