"""Which of the window's strings have no French: a translator installed *behind* the real ones.

Qt asks the translators from the last installed to the first; one installed before the French
catalogue is asked only when the catalogue has no translation for a string, so it sees exactly the
strings a French user would read in English (a missing or unfinished entry, or a `tr()` lupdate
cannot find). Qt's own classes are left to Qt's catalogue.

PySide's `self.tr()` asks the context of each class of the object's MRO in turn until one
gives a translation different from its source, so misses are checked against the catalogue itself
(see `report`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QObject, QTranslator

QT_OWN_CONTEXT = re.compile(r"^Q[A-Z]")


class UntranslatedRecorder(QTranslator):
    def __init__(self) -> None:
        super().__init__()
        self.missing: set[tuple[str, str]] = set()

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if source.strip() and not QT_OWN_CONTEXT.match(context):
            self.missing.add((context, source))
        return None  # let Qt fall back to the source text

    def isEmpty(self) -> bool:
        return False

    def __enter__(self) -> UntranslatedRecorder:
        app = QCoreApplication.instance()
        assert app is not None
        app.installTranslator(self)
        return self

    def __exit__(self, *_exc: object) -> None:
        app = QCoreApplication.instance()
        assert app is not None
        app.removeTranslator(self)

    def report(self, catalogue: QTranslator) -> list[str]:
        """The strings shown in English, as "Context: 'source'".

        A string missed in a class's context but found in the *catalogue* under a class related
        to it (a base or a subclass: PySide walks the MRO, and finds a translation identical to
        its source only after asking the base classes) is not reported."""
        classes = _our_classes_by_name()
        untranslated = set()
        for context, source in self.missing:
            related = _related_names(classes.get(context), classes.values()) | {context}
            if not any(catalogue.translate(name, source) for name in related):
                untranslated.add((context, source))
        return [f"{context}: {source!r}" for context, source in sorted(untranslated)]


def _our_classes_by_name() -> dict[str, type]:
    found: dict[str, type] = {}
    pending: list[type] = [QObject]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        # Our classes and our mixins in their MRO (PySide asks each class's context in turn).
        for ancestor in cls.__mro__:
            if ancestor.__module__.startswith("feedback_desk."):
                found[ancestor.__name__] = ancestor
    return found


def _related_names(cls: type | None, ours: Iterable[type]) -> set[str]:
    if cls is None:
        return set()
    bases = {c.__name__ for c in cls.__mro__}
    return bases | {other.__name__ for other in ours if issubclass(other, cls)}
