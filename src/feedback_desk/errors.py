"""Errors a user can understand, as opposed to bugs.

Anything raised as a :class:`FeedbackDeskError` is shown as a one-line message (no traceback
unless ``--debug``); anything else is a bug.
"""

from __future__ import annotations

from collections.abc import Iterable


class FeedbackDeskError(Exception):
    """A known failure: shown to the user as its message, exit code 1."""

    exit_code = 1


class UserInputError(FeedbackDeskError):
    """Bad input (a file, an id, an option, nothing due): exit code 2, one line per problem."""

    exit_code = 2

    def __init__(self, problems: str | Iterable[str]) -> None:
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("\n".join(self.problems))


class NotBuiltYet(FeedbackDeskError):
    """A contract subcommand whose feature has not been built yet."""


class StoreError(FeedbackDeskError):
    """The store cannot be opened or is from a newer version of Feedback Desk."""
