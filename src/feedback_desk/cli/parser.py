"""The argument parser: every subcommand of the automation interface.

Each module in :mod:`feedback_desk.cli.commands` registers its own subcommands and imports
heavy modules only inside its handlers, so importing them all here stays cheap. They are
imported by name (not built from strings) so that readers, type checkers and freezers
(PyInstaller) can follow them.
"""

from __future__ import annotations

import argparse

from feedback_desk import __version__
from feedback_desk.cli.commands import (
    actions,
    config,
    demo,
    edit,
    export,
    google,
    gui,
    import_csv,
    import_folder,
    inbox,
    invitations,
    outbox,
    prompting,
    reports,
    rollups,
    store,
    testimonials,
    unsubscribe,
    web,
)

# Order is the order of `feedback-desk --help`.
COMMAND_MODULES = (
    demo,
    import_csv,
    import_folder,
    prompting,
    edit,
    invitations,
    reports,
    actions,
    rollups,
    export,
    outbox,
    inbox,
    unsubscribe,
    testimonials,
    config,
    google,
    web,
    store,
    gui,
)


def common_options() -> argparse.ArgumentParser:
    """Options every subcommand, nested ones included, accepts anywhere after its name."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--store",
        default=argparse.SUPPRESS,
        metavar="STORE",
        help="a SQLite file path or a SQLAlchemy URL (default: the store in your data folder)",
    )
    common.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS,
        help="show tracebacks of failures",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="feedback-desk",
        description="Feedback Desk: collect, understand and act on your clients' feedback. "
        "Without a subcommand, opens the window.",
        epilog="Exit codes: 0 success, 2 bad input (one line per problem), 1 any other failure.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--store", metavar="STORE", help="a SQLite file path or a SQLAlchemy URL")
    parser.add_argument("--demo", action="store_true", help="open the window on the demo studio")
    parser.add_argument("--at", metavar="T", help="open the window as if now were T")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of failures")
    common = common_options()
    subparsers = parser.add_subparsers(title="subcommands", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(subparsers, common)
    parser.set_defaults(handler=gui.run_window)
    return parser
