"""The window (no subcommand), `kiosk` and `screenshot`: the only commands that load Qt."""

from __future__ import annotations

import argparse
import gc
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from feedback_desk.cli.context import CliContext
    from feedback_desk.clock import Clock

TABS = ("overview", "business", "class", "google", "testimonials")
MIN_SIZE = (320, 240)
MAX_SIZE = (7680, 4320)
DIALOGS = ("worklist", "reply")


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    kiosk = subparsers.add_parser(
        "kiosk", parents=[common], help="open the client-facing rating window"
    )
    kiosk.set_defaults(handler=run_kiosk)

    shot = subparsers.add_parser(
        "screenshot",
        parents=[common],
        help="render a tab of the window to a PNG",
        description="Renders the real window off screen, once its data has loaded, and writes "
        "the chosen tab as a PNG of exactly the given size.",
    )
    shot.add_argument("--tab", required=True, choices=TABS, help="the tab to render")
    shot.add_argument("out", metavar="OUT.png", help="the PNG file to write")
    shot.add_argument(
        "--size", default="1400x900", metavar="WxH", help="the image size in pixels (1400x900)"
    )
    shot.add_argument("--at", metavar="T", help="render as if now were T")
    shot.add_argument(
        "--open",
        choices=DIALOGS,
        help="also open a dialog over the tab: the actions worklist, or the reply to the "
        "tab's newest review (business or class tab)",
    )
    shot.add_argument(
        "--language", choices=("fr", "en"), help="the interface language (default: as set)"
    )
    shot.set_defaults(handler=run_screenshot)


def _size(text: str) -> tuple[int, int]:
    from feedback_desk.errors import UserInputError

    match = re.fullmatch(r"\s*(\d+)\s*[xX×]\s*(\d+)\s*", text)
    if not match:
        raise UserInputError(f"--size: {text!r} is not WIDTHxHEIGHT (e.g. 1400x900)")
    width, height = int(match[1]), int(match[2])
    if not (MIN_SIZE[0] <= width <= MAX_SIZE[0] and MIN_SIZE[1] <= height <= MAX_SIZE[1]):
        raise UserInputError(
            f"--size: {width}x{height} is outside {MIN_SIZE[0]}x{MIN_SIZE[1]} to "
            f"{MAX_SIZE[0]}x{MAX_SIZE[1]}"
        )
    return width, height


def run_screenshot(ctx: CliContext) -> int:
    from pathlib import Path

    from feedback_desk.errors import UserInputError

    width, height = _size(ctx.args.size)
    out = Path(ctx.args.out).expanduser()
    if out.suffix.lower() != ".png":
        raise UserInputError(f"{out}: the screenshot is a PNG file (OUT.png)")
    if not out.parent.is_dir():
        raise UserInputError(f"{out.parent}: no such folder")
    _start_chart_renderer()
    store, clock = ctx.store(), ctx.clock()
    from PySide6.QtCore import QSize

    from feedback_desk.ui.screenshot import render_screenshot

    dialog = ctx.args.open
    if dialog == "reply" and ctx.args.tab not in ("business", "class"):
        raise UserInputError("--open reply: choose --tab business or --tab class")
    render_screenshot(
        store,
        clock,
        ctx.args.tab,
        out,
        QSize(width, height),
        dialog=dialog,
        language=ctx.args.language,
    )
    shown = f"tab {ctx.args.tab}" + (f", {dialog}" if dialog else "")
    ctx.print(f"Wrote {out} ({width}x{height}, {shown})")
    return 0


def _demo_clock(ctx: CliContext) -> Clock:
    """--at for the demo, read in the demo studio's zone (its store may not exist yet)."""
    from feedback_desk.clock import FixedClock, SystemClock
    from feedback_desk.domain.localtime import parse_instant, zone
    from feedback_desk.domain.settings_schema import definition
    from feedback_desk.errors import UserInputError

    at = getattr(ctx.args, "at", None)
    if not at:
        return SystemClock()
    try:
        return FixedClock(parse_instant(at, zone(definition("studio.timezone").default)))
    except ValueError as exc:
        raise UserInputError(f"--at: {exc}") from None


def _start_chart_renderer() -> None:
    """The charts' process starts first, so that matplotlib loads while Qt and the store do."""
    from feedback_desk.ui.charts.renderer_process import start_early

    start_early()


def _load_the_first_screens_services() -> None:
    """What the Overview reads, loaded before Qt: once PySide6 is loaded it reads the source
    of every module imported after it (looking for its ``__feature__`` switches), which costs
    a good part of a second over the services and SQLAlchemy's modules."""
    import feedback_desk.services.overview  # noqa: F401


def run_window(ctx: CliContext) -> int:
    # Start-up builds what lives as long as the window (modules, the store's mappings, widgets):
    # the collector's passes over it find nothing and cost a tenth of the imports. Once the
    # application exists, ui/gc_tuning.py collects on the GUI thread instead.
    was_collecting = gc.isenabled()
    gc.disable()
    try:
        return _open_the_window(ctx)
    finally:
        if was_collecting:
            gc.enable()


def _open_the_window(ctx: CliContext) -> int:
    from feedback_desk.errors import UserInputError

    _start_chart_renderer()

    if getattr(ctx.args, "demo", False):
        if ctx.store_location:
            raise UserInputError("use either --demo or --store, not both")
        clock = _demo_clock(ctx)
        from feedback_desk.ui.launch import run_demo_window

        return run_demo_window(clock=clock, debug=ctx.debug)
    store, clock = ctx.store(), ctx.clock()
    _load_the_first_screens_services()
    from feedback_desk.ui.launch import run_window as launch

    return launch(store, clock=clock, debug=ctx.debug)


def run_kiosk(ctx: CliContext) -> int:
    """The client-facing window, full screen; it closes only through the staff PIN."""
    store, clock = ctx.store(), ctx.clock()
    from feedback_desk.ui.launch import run_kiosk_window

    return run_kiosk_window(store, clock=clock, debug=ctx.debug)
