"""The window (no subcommand), `kiosk` and `screenshot`: the only commands that load Qt."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from feedback_desk.cli.commands._shared import not_built
from feedback_desk.errors import NotBuiltYet

if TYPE_CHECKING:
    from feedback_desk.cli.context import CliContext


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    kiosk = subparsers.add_parser(
        "kiosk", parents=[common], help="open the client-facing rating window"
    )
    kiosk.set_defaults(handler=run_kiosk)

    shot = subparsers.add_parser(
        "screenshot", parents=[common], help="render a tab of the window to a PNG"
    )
    shot.add_argument("--tab", required=True, choices=("overview", "business", "class", "google"))
    shot.add_argument("out", metavar="OUT.png")
    shot.add_argument("--size", default="1400x900", metavar="WxH")
    shot.add_argument("--at", metavar="T", help="render as if now were T")
    shot.set_defaults(handler=not_built("screenshot"))


def run_window(ctx: CliContext) -> int:
    raise NotBuiltYet("the window is not built yet in this version")


def run_kiosk(ctx: CliContext) -> int:
    """The client-facing window, full screen; it closes only through the staff PIN."""
    import sys

    from PySide6.QtWidgets import QApplication

    from feedback_desk.ui.kiosk import KioskWindow

    store = ctx.store()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = KioskWindow(store, ctx.clock())
    window.showFullScreen()
    return int(app.exec())
