"""Errors a user can understand, as opposed to bugs.

Anything raised as a :class:`FeedbackDeskError` is shown as a one-line message (no traceback
unless ``--debug``); anything else is a bug. Its message is a
:class:`~feedback_desk.wording.Wording` (English in the code, ``str()`` of the error): the command
line prints the English, the window says it in the interface language
(:meth:`FeedbackDeskError.in_language`). A plain ``str`` is accepted for text that is the same in
every language (another program's own message, a list of names).
"""

from __future__ import annotations

from collections.abc import Iterable

from feedback_desk.wording import Wording

Said = str | Wording


def _wording(text: Said) -> Wording:
    return text if isinstance(text, Wording) else Wording.verbatim(text)


class FeedbackDeskError(Exception):
    """A known failure: shown to the user as its message, exit code 1."""

    exit_code = 1

    def __init__(self, message: Said = "") -> None:
        self.wordings = [_wording(message)]
        super().__init__(str(message))

    def in_language(self, language: str) -> str:
        """The message in *language* (``fr``, ``en``); ``str(error)`` is the English."""
        return "\n".join(wording.render(language) for wording in self.wordings)


class UserInputError(FeedbackDeskError):
    """Bad input (a file, an id, an option, nothing due): exit code 2, one line per problem."""

    exit_code = 2

    def __init__(self, problems: Said | Iterable[Said]) -> None:
        listed = [problems] if isinstance(problems, Said) else list(problems)
        super().__init__("\n".join(str(problem) for problem in listed))
        self.wordings = [_wording(problem) for problem in listed]
        self.problems = [str(problem) for problem in listed]

    def problems_in(self, language: str) -> list[str]:
        """One line per problem, in *language*."""
        return [wording.render(language) for wording in self.wordings]


class NotBuiltYet(FeedbackDeskError):
    """A contract subcommand whose feature has not been built yet."""


class StoreError(FeedbackDeskError):
    """The store cannot be opened or is from a newer version of Feedback Desk."""


class NotAStore(StoreError):
    """The file or database belongs to another program: it is left exactly as it was."""

    def __init__(self, where: str, what: Said) -> None:
        super().__init__(
            Wording(
                "{where} is not a Feedback Desk store ({what}): it was left untouched; "
                "choose a store, or a new file name to create one",
                where=where,
                what=what,
            )
        )


class StoreDamaged(StoreError):
    """The store's file is damaged (corrupt pages, not a database any more)."""

    def __init__(self, where: str, reason: Said) -> None:
        super().__init__(
            Wording(
                "the store {where} is damaged ({reason}): close Feedback Desk and replace that "
                "file with your latest backup of it",
                where=where,
                reason=reason,
            )
        )


class StoreReadOnly(StoreError):
    """A command that writes met a store that can only be read."""

    def __init__(self, where: str) -> None:
        super().__init__(
            Wording(
                "the store {where} is read-only for you (the file or its folder cannot be "
                "written), and this changes it: copy it somewhere you can write, or ask for write "
                "access",
                where=where,
            )
        )


class StoreBusy(StoreError):
    """Another program kept the store's write lock longer than Feedback Desk waits for it."""

    def __init__(self, where: str, waited_seconds: float) -> None:
        super().__init__(
            Wording(
                "the store {where} stayed busy: another program kept writing to it for "
                "{seconds:.0f} seconds; nothing was changed, try again once it is done",
                where=where,
                seconds=waited_seconds,
            )
        )
