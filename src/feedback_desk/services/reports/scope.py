"""What a report covers: local days inclusive, optionally one kind, coach or class."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from feedback_desk.domain.kinds import ReviewKind
from feedback_desk.domain.localtime import parse_day
from feedback_desk.errors import Said, UserInputError
from feedback_desk.wording import Wording


@dataclass(frozen=True)
class ReportScope:
    """Local days *first* to *last* inclusive; ``kind`` None means both kinds.

    ``coach_id`` and ``class_id`` (store ids) narrow the scope to class reviews of that coach or
    class, and the prompts about their sessions.
    """

    first: date
    last: date
    kind: ReviewKind | None = None
    coach_id: int | None = None
    class_id: int | None = None

    def __post_init__(self) -> None:
        if self.first > self.last:
            raise UserInputError(
                Wording(
                    "the period starts after it ends ({first} > {last})",
                    first=self.first.isoformat(),
                    last=self.last.isoformat(),
                )
            )

    @property
    def kinds(self) -> tuple[ReviewKind, ...]:
        if self.narrowed or self.kind is ReviewKind.CLASS:
            return (ReviewKind.CLASS,)
        if self.kind is ReviewKind.BUSINESS:
            return (ReviewKind.BUSINESS,)
        return (ReviewKind.BUSINESS, ReviewKind.CLASS)

    @property
    def narrowed(self) -> bool:
        """True when the scope is one coach's or one class's sessions."""
        return self.coach_id is not None or self.class_id is not None

    @property
    def includes_class_reviews(self) -> bool:
        return ReviewKind.CLASS in self.kinds


def parse_period(
    first: str,
    last: str,
    kind: str | None = None,
    *,
    first_option: str = "--from",
    last_option: str = "--to",
) -> ReportScope:
    """A scope from the command line's texts; UserInputError naming every bad option."""
    problems: list[Said] = []
    parsed: list[date] = []
    for option, text in ((first_option, first), (last_option, last)):
        try:
            parsed.append(parse_day(text))
        except ValueError as exc:
            problems.append(
                Wording(
                    "{option}: {error}",
                    option=option,
                    error=exc,
                )
            )
    chosen_kind: ReviewKind | None = None
    if kind is not None:
        try:
            chosen_kind = ReviewKind(kind)
        except ValueError:
            problems.append(
                Wording(
                    "--kind: {kind!r} is not one of class, business",
                    kind=kind,
                )
            )
    if problems:
        raise UserInputError(problems)
    return ReportScope(parsed[0], parsed[1], chosen_kind)
