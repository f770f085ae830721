"""Which column of a file holds which field: the mapping, else the field's name, else an alias.

Each column's guess keeps its evidence, so the window can show why a column was taken. When two
columns would give one field, a mapping entry beats the field's own name, which beats an alias;
two columns of equal standing are an error that says how to choose (never a silent pick).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from feedback_desk.services.importing.aliases import ALIAS_TABLES, header_key
from feedback_desk.services.importing.columns import (
    DATE,
    DATETIME_FIELD,
    NEEDS_TIME,
    TIME,
    ImportKind,
    column_names,
    required_names,
)
from feedback_desk.services.importing.mapping import Mapping
from feedback_desk.services.importing.messages import Code
from feedback_desk.services.importing.problems import Problem, problem


class Evidence(StrEnum):
    MAPPING = "mapping"  # the mapping file or preset says so
    NAME = "name"  # the header is the field's own name
    ALIAS = "alias"  # the header is one of the field's aliases
    IGNORED = "ignored"  # the mapping says to ignore this column
    SHADOWED = "shadowed"  # it names a field another column gives with more authority
    UNKNOWN = "unknown"  # no field of this kind


_RANK = {Evidence.MAPPING: 3, Evidence.NAME: 2, Evidence.ALIAS: 1}


@dataclass(frozen=True)
class ColumnGuess:
    position: int
    header: str
    field: str | None
    evidence: Evidence
    alias: str | None = None  # the alias (or field name) the header matched, as we write it
    candidate: str | None = None  # for a shadowed column: the field it would have given


@dataclass(frozen=True)
class ColumnPlan:
    kind: ImportKind
    guesses: tuple[ColumnGuess, ...]
    positions: dict[str, int]
    problems: tuple[Problem, ...]

    @property
    def usable(self) -> bool:
        return not self.problems

    @property
    def ignored_columns(self) -> tuple[str, ...]:
        return tuple(g.header for g in self.guesses if g.field is None)


def is_known_header(kind: ImportKind, mapping: Mapping, header: str) -> bool:
    named, _field = mapping.field_of(header)
    return named or header_key(header) in ALIAS_TABLES[kind]


def _guess(kind: ImportKind, mapping: Mapping, position: int, header: str) -> ColumnGuess:
    named, mapped = mapping.field_of(header)
    if named:
        evidence = Evidence.MAPPING if mapped else Evidence.IGNORED
        return ColumnGuess(position, header, mapped, evidence)
    found = ALIAS_TABLES[kind].get(header_key(header))
    if found is None:
        return ColumnGuess(position, header, None, Evidence.UNKNOWN)
    field, alias = found
    evidence = Evidence.NAME if alias == field else Evidence.ALIAS
    return ColumnGuess(position, header, field, evidence, alias)


def plan_columns(
    kind: ImportKind,
    raw_header: tuple[str, ...],
    mapping: Mapping,
    source: str,
    header_line: int,
) -> ColumnPlan:
    """Every column's field (with evidence) and the problems that make the header unusable."""
    guesses = [_guess(kind, mapping, i, name) for i, name in enumerate(raw_header)]
    problems: list[Problem] = []

    def report(code: Code, **params: object) -> None:
        problems.append(problem(source, header_line, code, **params))

    by_field: dict[str, list[ColumnGuess]] = {}
    for guess in guesses:
        if guess.field is not None:
            by_field.setdefault(guess.field, []).append(guess)
    positions: dict[str, int] = {}
    for field, candidates in by_field.items():
        best = max(_RANK[c.evidence] for c in candidates)
        winners = [c for c in candidates if _RANK[c.evidence] == best]
        if len(winners) > 1:
            first, second = winners[0], winners[1]
            if header_key(first.header) == header_key(second.header):
                report(Code.DUPLICATE_COLUMN, field=field)
            else:
                report(
                    Code.AMBIGUOUS_COLUMNS, first=first.header, second=second.header, field=field
                )
        positions[field] = winners[0].position
        for loser in candidates:
            if _RANK[loser.evidence] < best:
                guesses[loser.position] = ColumnGuess(
                    loser.position, loser.header, None, Evidence.SHADOWED, loser.alias, field
                )
    problems += _missing(kind, positions, guesses, source, header_line)
    return ColumnPlan(kind, tuple(guesses), positions, tuple(problems))


def _missing(
    kind: ImportKind,
    positions: dict[str, int],
    guesses: list[ColumnGuess],
    source: str,
    header_line: int,
) -> list[Problem]:
    found: list[Problem] = []

    def report(code: Code, **params: object) -> None:
        found.append(problem(source, header_line, code, **params))

    split_field = DATETIME_FIELD.get(kind)
    for name in required_names(kind):
        if name in positions or (name == split_field and DATE in positions):
            continue
        if name == split_field:
            report(Code.MISSING_TIME_COLUMN, field=name, date=DATE, time=TIME)
        else:
            report(Code.MISSING_COLUMN, field=name)
    if split_field is not None:
        header = {g.position: g.header for g in guesses}
        if split_field in positions and (DATE in positions or TIME in positions):
            other = positions.get(DATE, positions.get(TIME))
            report(
                Code.AMBIGUOUS_COLUMNS,
                first=header[positions[split_field]],
                second=header[other] if other is not None else "",
                field=split_field,
            )
        elif DATE in positions and TIME not in positions and split_field in NEEDS_TIME:
            report(Code.MISSING_COLUMN, field=TIME)
    if kind is ImportKind.VISITS and not {"coach_id", "coach_name"} & positions.keys():
        report(Code.MISSING_EITHER_COLUMN, first="coach_id", second="coach_name")
    return found


def empty_file_problem(kind: ImportKind, source: str) -> Problem:
    return problem(source, 1, Code.EMPTY_FILE, columns=", ".join(column_names(kind)))
