"""The ``feedback-desk`` command: the window, and the automation interface of the contract.

Only argparse is imported here; each subcommand imports what it needs when it runs, so headless
commands never load Qt or matplotlib and ``--help`` answers at once.

Every run logs to the same file as the window (see logs.py): a failure's traceback always goes
there, while the user reads one line (the traceback too with ``--debug``). Everything printed
goes through a writer that keeps control characters from reaching the terminal.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from typing import TextIO

from feedback_desk.cli.context import CliContext
from feedback_desk.cli.parser import build_parser
from feedback_desk.cli.terminal import TerminalSafeWriter
from feedback_desk.clock import Clock
from feedback_desk.errors import FeedbackDeskError, UserInputError


def _command_name(argv: Sequence[str]) -> str:
    """The subcommand, for the log (never its arguments: they may hold a password)."""
    return next((word for word in argv if not word.startswith("-")), "window")


def describe_unexpected(exc: BaseException) -> str:
    """An unexpected error in a few words: its type and the first line of its message; for a
    database error the driver's own first line, never the SQL nor its parameters."""
    from sqlalchemy.exc import DBAPIError

    if isinstance(exc, DBAPIError) and exc.orig is not None:
        from feedback_desk.store.engine import driver_message

        return f"{type(exc.orig).__name__}: {driver_message(exc)}"
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text.splitlines()[0]}" if text else type(exc).__name__


def main(
    argv: Sequence[str] | None = None,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    clock: Clock | None = None,
) -> int:
    out = TerminalSafeWriter(stdout or sys.stdout)
    err = TerminalSafeWriter(stderr or sys.stderr)
    words = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(words)
    ctx = CliContext(args=args, out=out, err=err, default_clock=clock)
    command = _command_name(words)
    # Only once a command runs (`--help` has exited by now): logging.handlers is not free.
    from feedback_desk.logs import log, log_file, setup_file_logging

    setup_file_logging()
    try:
        result = args.handler(ctx)
        return int(result or 0)
    except UserInputError as exc:
        log.info("%s: refused bad input: %s", command, "; ".join(exc.problems))
        for problem in exc.problems:
            print(problem, file=err)
        return exc.exit_code
    except FeedbackDeskError as exc:
        log.warning("%s failed: %s", command, exc, exc_info=True)
        if ctx.debug:
            raise
        print(f"error: {exc}", file=err)
        return exc.exit_code
    except BrokenPipeError:
        # The reader went away (`feedback-desk config | head`): nothing left to tell anyone.
        return 0
    except KeyboardInterrupt:
        log.info("%s interrupted", command)
        print("interrupted", file=err)
        return 130
    except Exception as exc:
        log.error("%s: unexpected failure", command, exc_info=True)
        if ctx.debug:
            raise
        print(
            f"error: unexpected failure ({describe_unexpected(exc)}); the details are in "
            f"{log_file()}; run again with --debug to see them",
            file=err,
        )
        return 1
    finally:
        ctx.close()


class _Tee(io.StringIO):
    """Keeps what is written (for the dialog) and passes it on to standard error, if any."""

    def __init__(self, passed_on: TextIO | None) -> None:
        super().__init__()
        self.passed_on = passed_on

    def write(self, text: str) -> int:
        if self.passed_on is not None:
            self.passed_on.write(text)
        return super().write(text)


def window_main(argv: Sequence[str] | None = None) -> int:
    """``feedback-desk-gui``: the same command line for menus and desktop launchers, without a
    console window on Windows. Nobody may be reading standard error there, so a problem that
    stops the command (a store that cannot be opened, say) is shown in a dialog too."""
    problems = _Tee(sys.stderr)
    code = main(argv, stderr=problems)
    if code != 0 and problems.getvalue().strip():
        from feedback_desk.ui.dialogs.launch_problem import show_launch_problem

        show_launch_problem(problems.getvalue().strip())
    return code
