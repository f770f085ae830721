"""Widgets that say their texts in ``retranslate()``: once built, and again whenever the
interface language changes (Qt sends every widget ``QEvent.LanguageChange``; see ``ui/i18n.py``)."""

from __future__ import annotations

from PySide6.QtCore import QEvent


class Retranslating:
    """Mix in before the Qt widget class: ``class Banner(Retranslating, QWidget)``."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]
