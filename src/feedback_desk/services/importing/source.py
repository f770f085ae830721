"""One file to import, with the mapping that says how to read it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from feedback_desk.services.importing.columns import ImportKind
from feedback_desk.services.importing.mapping import Mapping


@dataclass(frozen=True)
class ImportSource:
    """*name* is how messages call the file (as typed on the command line); *mapping* is already
    resolved (a preset it names merged in, see presets.resolve)."""

    kind: ImportKind
    path: Path
    name: str | None = None
    mapping: Mapping = field(default_factory=Mapping)

    @property
    def source(self) -> str:
        return self.name if self.name is not None else str(self.path)
