"""The ``feedback-desk`` command: the window, and the automation interface of the contract.

Only argparse is imported here; each subcommand imports what it needs when it runs, so headless
commands never load Qt or matplotlib and ``--help`` answers at once.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from typing import TextIO

from feedback_desk.cli.context import CliContext
from feedback_desk.cli.parser import build_parser
from feedback_desk.clock import Clock
from feedback_desk.errors import FeedbackDeskError, UserInputError


def main(
    argv: Sequence[str] | None = None,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    clock: Clock | None = None,
) -> int:
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    parser = build_parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    ctx = CliContext(args=args, out=out, err=err, default_clock=clock)
    try:
        result = args.handler(ctx)
        return int(result or 0)
    except UserInputError as exc:
        for problem in exc.problems:
            print(problem, file=err)
        return exc.exit_code
    except FeedbackDeskError as exc:
        if ctx.debug:
            raise
        print(f"error: {exc}", file=err)
        return exc.exit_code
    except BrokenPipeError:
        # The reader went away (`feedback-desk config | head`): nothing left to tell anyone.
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=err)
        return 130
    except Exception as exc:
        if ctx.debug:
            raise
        print(
            f"error: unexpected failure ({type(exc).__name__}: {exc}); "
            "run again with --debug for the details",
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
