"""The month of a stored day, in SQL, so that reports can group a period's days by month."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.expression import ColumnElement, FunctionElement


class month_key(FunctionElement[str]):
    """``'YYYY-MM'`` of a DATE column, on every database; :func:`month_of_key` reads it back."""

    type = String()
    inherit_cache = True
    name = "month_key"

    def __init__(self, day: ColumnElement[date] | InstrumentedAttribute[date]) -> None:
        super().__init__(day)


@compiles(month_key, "sqlite")
def _sqlite_month(element: month_key, compiler: SQLCompiler, **kw: Any) -> str:
    # SQLite stores a DATE as 'YYYY-MM-DD' text.
    return f"substr({compiler.process(element.clauses, **kw)}, 1, 7)"


@compiles(month_key, "postgresql")
def _postgresql_month(element: month_key, compiler: SQLCompiler, **kw: Any) -> str:
    return f"to_char({compiler.process(element.clauses, **kw)}, 'YYYY-MM')"


def month_of_key(key: str) -> date:
    """The first day of the month ``'YYYY-MM'``."""
    return date(int(key[:4]), int(key[5:7]), 1)
