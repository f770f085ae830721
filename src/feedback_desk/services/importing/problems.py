"""Problems and warnings about a file, always told as ``FILE:LINE: message``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from feedback_desk.errors import UserInputError


@dataclass(frozen=True)
class Problem:
    """Something wrong (or worth a warning) at one line of one file; line None: the whole file."""

    source: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.message}"


def warning(source: str, line: int, message: str) -> Problem:
    return Problem(source, line, f"warning: {message}")


def sort_problems(problems: Iterable[Problem], sources: list[str]) -> list[Problem]:
    """In the order of the files given, then by line (file-wide problems first)."""
    order = {source: index for index, source in enumerate(sources)}
    return sorted(
        problems,
        key=lambda p: (order.get(p.source, len(order)), -1 if p.line is None else p.line),
    )


class ImportRejected(UserInputError):
    """The files were not imported (nothing written); ``problems`` has one line per problem."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.details = list(problems)
        super().__init__([str(problem) for problem in self.details])


def quoted(value: str) -> str:
    """A value from a file, shown between double quotes as the messages do."""
    return '"' + value.replace('"', '\\"') + '"'
