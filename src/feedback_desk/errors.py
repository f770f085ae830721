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


class NotAStore(StoreError):
    """The file or database belongs to another program: it is left exactly as it was."""

    def __init__(self, where: str, what: str) -> None:
        super().__init__(
            f"{where} is not a Feedback Desk store ({what}): it was left untouched; "
            "choose a store, or a new file name to create one"
        )


class StoreDamaged(StoreError):
    """The store's file is damaged (corrupt pages, not a database any more)."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(
            f"the store {where} is damaged ({reason}): close Feedback Desk and replace that "
            "file with your latest backup of it"
        )


class StoreReadOnly(StoreError):
    """A command that writes met a store that can only be read."""

    def __init__(self, where: str) -> None:
        super().__init__(
            f"the store {where} is read-only for you (the file or its folder cannot be "
            "written), and this changes it: copy it somewhere you can write, or ask for write "
            "access"
        )


class StoreBusy(StoreError):
    """Another program kept the store's write lock longer than Feedback Desk waits for it."""

    def __init__(self, where: str, waited_seconds: float) -> None:
        super().__init__(
            f"the store {where} stayed busy: another program kept writing to it for "
            f"{waited_seconds:.0f} seconds; nothing was changed, try again once it is done"
        )
