"""What the user chose in the mapping step, over the chosen preset's mapping, and the kind a
file's name suggests (no Qt here)."""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Mapping as Pairs
from dataclasses import dataclass, field, replace
from pathlib import Path

from feedback_desk.domain.text import fold
from feedback_desk.services.importing import ColumnGuess, DateDetection, ImportKind, Mapping
from feedback_desk.services.importing.columns import DATE, DATETIME_FIELD, TIME

PROVABLE_ORDERS = ("dmy", "mdy")


@dataclass
class MappingChoices:
    columns: dict[str, str | None] = field(default_factory=dict)  # column → field, None: ignore
    date_order: str | None = None  # chosen here, by the user or as the file proves it
    date_order_by_user: bool = False

    def is_mine(self, header: str) -> bool:
        return header in self.columns

    def choose(
        self, kind: ImportKind, header: str, chosen: str | None, guesses: Iterable[ColumnGuess]
    ) -> None:
        """Send column *header* to *chosen* (None: ignore it); a column that gave that field
        (or one it excludes: a date-time against a date and a time) is then ignored."""
        self.columns[header] = chosen
        if chosen is None:
            return
        taken = {chosen} | _excluded_by(kind, chosen)
        for guess in guesses:
            if guess.header != header and guess.field in taken:
                self.columns[guess.header] = None

    def forget_columns(self) -> None:
        """Another kind or another preset: columns chosen for it mean nothing now."""
        self.columns.clear()

    def reset(self) -> None:
        self.columns.clear()
        self.date_order = None
        self.date_order_by_user = False

    def choose_date_order(self, order: str) -> None:
        self.date_order = order
        self.date_order_by_user = True

    def new_file(self) -> None:
        if not self.date_order_by_user:
            self.date_order = None  # the next file proves its own order, if any

    def mapping(self, base: Mapping) -> Mapping:
        """*base* (the preset's mapping for the kind) with the choices made here over it."""
        return replace(
            base,
            columns={**base.columns, **self.columns},
            date_order=self.date_order or base.date_order,
        )

    def adopt_proven_order(
        self, dates: Pairs[str, DateDetection], current: str, *, formatted: bool
    ) -> bool:
        """Read in the one order the file's dates prove, unless the user chose or a date
        format applies: True when that changes the order *current*."""
        if self.date_order_by_user or formatted:
            return False
        proven = {d.order for d in dates.values() if d.order in PROVABLE_ORDERS}
        if len(proven) != 1:
            return False
        [order] = proven
        if order == current:
            return False
        self.date_order = order
        return True


def _excluded_by(kind: ImportKind, chosen: str) -> set[str]:
    """The fields a column giving *chosen* rules out: a date-time and its date and time."""
    combined = DATETIME_FIELD.get(kind)
    if combined is None:
        return set()
    if chosen == combined:
        return {DATE, TIME}
    return {combined} if chosen in (DATE, TIME) else set()


# How booking systems and studios name their exports, in English and French.
_NAME_HINTS: tuple[tuple[str, ImportKind], ...] = (
    ("client", ImportKind.CLIENTS),
    ("member", ImportKind.CLIENTS),
    ("membre", ImportKind.CLIENTS),
    ("coach", ImportKind.COACHES),
    ("entraineur", ImportKind.COACHES),
    ("employe", ImportKind.COACHES),
    ("session", ImportKind.SESSIONS),
    ("seance", ImportKind.SESSIONS),
    ("visit", ImportKind.VISITS),
    ("attendance", ImportKind.ATTENDANCE),
    ("presence", ImportKind.ATTENDANCE),
    ("booking", ImportKind.ATTENDANCE),
    ("reservation", ImportKind.ATTENDANCE),
    ("review", ImportKind.REVIEWS),
    ("avis", ImportKind.REVIEWS),
    ("evaluation", ImportKind.REVIEWS),
)


def kind_from_name(path: Path) -> ImportKind | None:
    """The kind the start of a file's name says (``Visit History.csv``: visits), if any."""
    stem = fold(path.stem)
    for hint, kind in _NAME_HINTS:
        if stem.startswith(hint):
            return kind
    return None
