"""`feedback-desk config [KEY [VALUE]]`: list, show or set a studio setting."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from feedback_desk.cli.context import CliContext


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "config",
        parents=[common],
        help="list the settings, show one, or set one",
        description="Without KEY, lists every setting; with KEY, shows it; "
        "with KEY VALUE, sets it. "
        "Secrets (smtp.password, imap.password) go to the system keyring and are never printed.",
    )
    parser.add_argument("key", nargs="?", metavar="KEY")
    parser.add_argument("value", nargs="?", metavar="VALUE")
    parser.set_defaults(handler=run)


def run(ctx: CliContext) -> int:
    from feedback_desk.domain.settings_schema import SETTINGS
    from feedback_desk.errors import UserInputError
    from feedback_desk.services import settings_admin

    key: str | None = ctx.args.key
    if key is not None and key not in SETTINGS:
        raise UserInputError(f"unknown setting {key!r}; `feedback-desk config` lists them all")
    store = ctx.store()
    if key is None:
        for line in settings_admin.listing(store):
            ctx.print(line)
    elif ctx.args.value is None:
        ctx.print(settings_admin.show(store, key))
    else:
        ctx.print(settings_admin.change(store, key, ctx.args.value, clock=ctx.clock()))
    return 0
