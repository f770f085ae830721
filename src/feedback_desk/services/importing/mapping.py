"""Mapping files: how a booking system's export says what our columns and values are.

``{"columns": {"their header": "our field"}, "date_format": "%A, %B %d, %Y",
"time_format": "%I:%M %p", "date_order": "mdy", "values": {"present": {"Signed in": "yes"}},
"preset": "NAME"}``, every key optional; ``date_order`` (``dmy`` or ``mdy``) reads this file's
``03/04/2026`` whatever the setting ``import.date_order`` says. A header mapped to ``""`` (or
null) is ignored. Headers and values are matched as headers are (case, accents, spaces and
punctuation ignored); ``preset`` starts from a named preset and the file's own keys win.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from feedback_desk.domain.values import parse_bool
from feedback_desk.services.importing.aliases import header_key
from feedback_desk.services.importing.columns import ImportKind, field_names
from feedback_desk.services.importing.messages import Code
from feedback_desk.services.importing.problems import ImportRejected, Problem, problem

KEYS = ("columns", "date_format", "time_format", "date_order", "values", "preset")
DATE_ORDERS = ("dmy", "mdy")
# Fields whose mapped values must say yes or no.
_YES_NO_FIELDS = frozenset({"present", "email_consent"})


@dataclass(frozen=True)
class Mapping:
    columns: dict[str, str | None] = field(default_factory=dict)
    date_format: str | None = None
    time_format: str | None = None
    date_order: str | None = None  # "dmy" or "mdy"; None: the setting import.date_order
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    preset: str | None = None

    @property
    def is_empty(self) -> bool:
        return self == Mapping()

    def field_of(self, header: str) -> tuple[bool, str | None]:
        """(whether the mapping names this header, the field it maps to or None to ignore it)."""
        key = header_key(header)
        for theirs, ours in self.columns.items():
            if header_key(theirs) == key:
                return True, ours or None
        return False, None

    def value_map(self, name: str) -> dict[str, str]:
        """Their value (as :func:`header_key` sees it) → ours, for one field."""
        return {header_key(theirs): ours for theirs, ours in self.values.get(name, {}).items()}

    def over(self, base: Mapping) -> Mapping:
        """This mapping on top of *base* (a preset): every key given here wins."""
        values = {name: dict(pairs) for name, pairs in base.values.items()}
        for name, pairs in self.values.items():
            values.setdefault(name, {}).update(pairs)
        return Mapping(
            columns={**base.columns, **self.columns},
            date_format=self.date_format or base.date_format,
            time_format=self.time_format or base.time_format,
            date_order=self.date_order or base.date_order,
            values=values,
        )

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        if self.columns:
            data["columns"] = {theirs: ours or "" for theirs, ours in self.columns.items()}
        if self.date_format:
            data["date_format"] = self.date_format
        if self.time_format:
            data["time_format"] = self.time_format
        if self.date_order:
            data["date_order"] = self.date_order
        if self.values:
            data["values"] = {name: dict(pairs) for name, pairs in self.values.items()}
        if self.preset:
            data["preset"] = self.preset
        return data

    def without_preset(self) -> Mapping:
        return replace(self, preset=None)


def load_mapping(path: Path, source: str | None = None) -> Mapping:
    """The mapping file at *path*; ImportRejected naming the file and what is wrong."""
    where = source if source is not None else str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ImportRejected([problem(where, None, Code.NO_SUCH_FILE)]) from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise ImportRejected([problem(where, None, Code.UNREADABLE, reason=reason)]) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportRejected(
            [problem(where, exc.lineno, Code.MAPPING_JSON, error=f"{exc.msg} (column {exc.colno})")]
        ) from None
    return mapping_from_json(data, where)


def mapping_from_json(data: object, source: str) -> Mapping:
    """A mapping from parsed JSON (a file, a preset); ImportRejected listing every mistake."""
    problems: list[Problem] = []

    def shape(key: str, expected: str) -> None:
        problems.append(problem(source, None, Code.MAPPING_SHAPE, key=key, expected=expected))

    if not isinstance(data, dict):
        shape("the file", 'a JSON object such as {"columns": {"Client ID": "id"}}')
        raise ImportRejected(problems)
    for key in data:
        if key not in KEYS:
            problems.append(problem(source, None, Code.MAPPING_KEY, key=key, keys=", ".join(KEYS)))
    columns = _string_pairs(data.get("columns", {}), "columns", shape, allow_empty=True)
    values: dict[str, dict[str, str]] = {}
    raw_values = data.get("values", {})
    if not isinstance(raw_values, dict):
        shape("values", 'an object of fields, e.g. {"present": {"Signed in": "yes"}}')
    else:
        for name, pairs in raw_values.items():
            values[str(name)] = {
                theirs: ours or ""
                for theirs, ours in _string_pairs(pairs, f"values.{name}", shape).items()
            }
    formats: dict[str, str | None] = {}
    for key in ("date_format", "time_format", "date_order", "preset"):
        raw = data.get(key)
        if raw is not None and not isinstance(raw, str):
            shape(key, "a text")
            raw = None
        formats[key] = raw or None
    for key in ("date_format", "time_format"):
        text = formats[key]
        if text is not None:
            error = format_error(text, dates=key == "date_format")
            if error:
                problems.append(
                    problem(source, None, Code.MAPPING_FORMAT, key=key, format=text, error=error)
                )
    if formats["date_order"] is not None and formats["date_order"] not in DATE_ORDERS:
        shape("date_order", " or ".join(DATE_ORDERS))
    if problems:
        raise ImportRejected(problems)
    return Mapping(
        columns=columns,
        date_format=formats["date_format"],
        time_format=formats["time_format"],
        date_order=formats["date_order"],
        values=values,
        preset=formats["preset"],
    )


def _string_pairs(
    raw: object, key: str, shape: Any, *, allow_empty: bool = False
) -> dict[str, str | None]:
    if not isinstance(raw, dict):
        shape(key, 'an object of texts, e.g. {"Client ID": "id"}')
        return {}
    pairs: dict[str, str | None] = {}
    for theirs, ours in raw.items():
        if ours is None and allow_empty:
            pairs[str(theirs)] = None
        elif isinstance(ours, str):
            pairs[str(theirs)] = ours.strip() or None
        else:
            shape(f"{key}.{theirs}", "a text")
    return pairs


def format_error(text: str, *, dates: bool) -> str | None:
    """Why *text* cannot read dates (or times) back, or None when it can."""
    needed = (("%Y", "%y"), ("%m", "%b", "%B"), ("%d",)) if dates else (("%H", "%I"), ("%M",))
    for directives in needed:
        if not any(d in text for d in directives):
            return f"it needs {' or '.join(directives)}"
    if "%I" in text and "%p" not in text:
        return "%I (12-hour clock) needs %p (AM/PM)"
    sample = datetime(2026, 3, 14, 18, 5)
    try:
        written = sample.strftime(text)
        read = datetime.strptime(written, text)
    except ValueError as exc:
        return str(exc)
    wanted = sample.date() if dates else sample.time()
    got = read.date() if dates else read.time()
    if got != wanted:
        return f"{written!r} reads back as {got}"
    return None


def check_mapping(mapping: Mapping, kind: ImportKind, source: str) -> list[Problem]:
    """What a mapping says that makes no sense for *kind* (fields and values)."""
    fields = field_names(kind)
    problems = [
        problem(
            source,
            None,
            Code.MAPPING_FIELD,
            header=theirs,
            field=ours,
            kind=kind.value,
            fields=", ".join(fields),
        )
        for theirs, ours in mapping.columns.items()
        if ours is not None and ours not in fields
    ]
    for name, pairs in mapping.values.items():
        if name not in fields:
            problems.append(
                problem(
                    source,
                    None,
                    Code.MAPPING_FIELD,
                    header=f"values.{name}",
                    field=name,
                    kind=kind.value,
                    fields=", ".join(fields),
                )
            )
            continue
        if name in _YES_NO_FIELDS:
            for theirs, ours in pairs.items():
                try:
                    parse_bool(ours)
                except ValueError:
                    problems.append(
                        problem(
                            source,
                            None,
                            Code.MAPPING_VALUE,
                            field=name,
                            value=theirs,
                            meaning=ours,
                            expected="say yes or no",
                        )
                    )
    return problems
