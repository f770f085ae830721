"""Problems and warnings about a file: a code with its parameters, told as ``FILE:LINE: message``.

The code and parameters let the window say each problem in the user's language (and highlight
the cell in ``column``); ``message`` is the English text the command line prints.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from feedback_desk.errors import UserInputError
from feedback_desk.services.importing.messages import TEMPLATES, Code


def quoted(value: object) -> str:
    """A value from a file, shown between double quotes as the messages do."""
    return '"' + str(value).replace('"', '\\"') + '"'


class _Formatter(string.Formatter):
    """``{value!q}`` quotes a value from the file; everything else formats as usual."""

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if conversion == "q":
            return quoted(value)
        return super().convert_field(value, conversion)


_FORMATTER = _Formatter()


def format_template(template: str, params: Mapping[str, object]) -> str:
    """*template* (``{name}``, ``{value!q}``) filled with a problem's parameters; the window
    fills its translated templates with this too."""
    return _FORMATTER.vformat(template, (), dict(params))


def render(code: Code, params: Mapping[str, object]) -> str:
    return format_template(TEMPLATES[code], params)


@dataclass(frozen=True)
class Problem:
    """Something wrong (or worth a warning) at one line of one file; line None: the whole file.

    ``column`` is the cell's position in the header (0-based) when the problem is about one cell.
    """

    source: str
    line: int | None
    code: Code
    params: tuple[tuple[str, object], ...] = ()
    column: int | None = None
    is_warning: bool = False

    @property
    def parameters(self) -> dict[str, object]:
        return dict(self.params)

    @property
    def message(self) -> str:
        text = render(self.code, self.parameters)
        return f"warning: {text}" if self.is_warning else text

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.message}"


def problem(source: str, line: int | None, code: Code, /, **params: object) -> Problem:
    return Problem(source, line, code, tuple(params.items()))


def cell_problem(
    source: str, line: int, code: Code, column: int | None, /, **params: object
) -> Problem:
    """A problem about one cell (*column*: its position in the header)."""
    return Problem(source, line, code, tuple(params.items()), column)


def warning(source: str, line: int, code: Code, **params: object) -> Problem:
    return Problem(source, line, code, tuple(params.items()), is_warning=True)


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
        super().__init__([str(p) for p in self.details])


def rejected(source: str, line: int | None, code: Code, **params: object) -> ImportRejected:
    return ImportRejected([problem(source, line, code, **params)])
