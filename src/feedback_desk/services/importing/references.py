"""Every id a row refers to must exist: in the store, or defined by a file of the same import."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from feedback_desk.services.importing.columns import ImportKind
from feedback_desk.services.importing.lookups import ids_by_external_id
from feedback_desk.services.importing.parsing import ParsedFile
from feedback_desk.services.importing.problems import Problem, quoted
from feedback_desk.store.models import ClassSession, Client, Coach

_TARGETS = (ImportKind.CLIENTS, ImportKind.COACHES, ImportKind.SESSIONS)
_NOUNS = {ImportKind.CLIENTS: "client", ImportKind.COACHES: "coach", ImportKind.SESSIONS: "session"}


def check_references(db: Session, files: Sequence[ParsedFile]) -> list[Problem]:
    defined: dict[ImportKind, set[str]] = {kind: set() for kind in _TARGETS}
    for parsed in files:
        if parsed.kind in defined:
            defined[parsed.kind] |= parsed.defined_ids
    wanted: dict[ImportKind, set[str]] = {kind: set() for kind in _TARGETS}
    for parsed in files:
        for ref in parsed.references:
            if ref.id not in defined[ref.kind]:
                wanted[ref.kind].add(ref.id)
    known = {
        ImportKind.CLIENTS: set(ids_by_external_id(db, Client, wanted[ImportKind.CLIENTS])),
        ImportKind.COACHES: set(ids_by_external_id(db, Coach, wanted[ImportKind.COACHES])),
        ImportKind.SESSIONS: set(ids_by_external_id(db, ClassSession, wanted[ImportKind.SESSIONS])),
    }
    problems = []
    for parsed in files:
        for ref in parsed.references:
            if ref.id in defined[ref.kind] or ref.id in known[ref.kind]:
                continue
            noun = _NOUNS[ref.kind]
            problems.append(
                Problem(
                    parsed.source,
                    ref.line,
                    f"{ref.column}: unknown {noun} {quoted(ref.id)} "
                    f"(no {noun} with this id in the store or in this import)",
                )
            )
    return problems
