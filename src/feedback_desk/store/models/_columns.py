"""Column helpers shared by the model modules."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Enum


def enum_column(enum: type[StrEnum]) -> Enum:
    """A StrEnum stored as its value in a plain string column (no native enum, no CHECK).

    The application validates values; keeping the column a plain string lets a later version add a
    value without a table rebuild on SQLite.
    """
    return Enum(
        enum,
        native_enum=False,
        create_constraint=False,
        length=20,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )
