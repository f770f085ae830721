"""`feedback-desk import-folder [--folder DIR]`: one pass of the watch folder."""

from __future__ import annotations

import argparse
import time
from typing import TYPE_CHECKING

from feedback_desk.cli.commands._shared import add_at

if TYPE_CHECKING:
    from feedback_desk.cli.context import CliContext


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "import-folder",
        parents=[common],
        help="import the CSV files of the watch folder",
        description="One pass of the watch folder (--folder, else the setting "
        "import.watch_folder): each CSV file whose name starts with its kind (clients, "
        "coaches, sessions, visits, attendance, reviews) is imported once it has stopped "
        "changing (two looks import.settle_seconds apart), with NAME.map.json or KIND.map.json "
        "beside it when there is one; then it moves to imported/ (with NAME.log) or failed/ "
        "(with NAME.errors.txt). Exit 2 when a file failed.",
    )
    parser.add_argument("--folder", metavar="DIR", help="the folder (default: import.watch_folder)")
    add_at(parser)
    parser.set_defaults(handler=run)


def run(ctx: CliContext) -> int:
    from pathlib import Path

    from feedback_desk.errors import UserInputError
    from feedback_desk.services.importing.folder import FolderLooks, import_folder_once

    folder_text = ctx.args.folder or ctx.settings().text("import.watch_folder")
    if not folder_text:
        raise UserInputError(
            "import-folder: no folder (give --folder DIR, or set one with "
            "`feedback-desk config import.watch_folder DIR`)"
        )
    folder = Path(folder_text).expanduser()
    if not folder.is_dir():
        raise UserInputError(f"import-folder: {folder} is not a folder")
    settle = float(ctx.settings().integer("import.settle_seconds"))
    store, clock = ctx.store(), ctx.clock()
    looks = FolderLooks()
    # The first look only notes each file's size and time; the second, once they had time to
    # change, imports those that did not.
    import_folder_once(store, folder, clock, looks=looks, settle=settle)
    if looks.seen and settle:
        time.sleep(settle)
    result = import_folder_once(store, folder, clock, looks=looks, settle=settle)
    for done in result.imported:
        ctx.print(done.summary)
    for failed in result.failed:
        for line in failed.problems:
            print(line, file=ctx.err)
    for name in result.waiting:
        ctx.print(f"{name}: still being written; the next pass will import it")
    if result.busy:
        ctx.print(result.status())
    if not result.files and not result.waiting and not result.busy:
        ctx.print(f"{folder}: nothing to import")
    return 2 if result.failed else 0
