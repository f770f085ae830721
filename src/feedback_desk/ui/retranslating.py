"""Widgets that say their texts in ``retranslate()``: once built, and again whenever the
interface language changes (Qt sends every widget ``QEvent.LanguageChange``; see ``ui/i18n.py``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QTabBar,
    QTabWidget,
    QToolButton,
    QWidget,
)


class Retranslating:
    """Mix in before the Qt widget class: ``class Banner(Retranslating, QWidget)``."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]


class KeptText:
    """What a label says, kept as *how to say it* (a function of the language shown), so that
    the owner's ``retranslate`` says it again in the new language: a message that outlives the
    moment it was given ("Saved.", a server's refusal kept as the exception)."""

    def __init__(self, label: QLabel) -> None:
        self.label = label
        self._text: Callable[[], str] = str

    def say(self, text: Callable[[], str]) -> None:
        self._text = text
        self.label.setText(text())

    def clear(self) -> None:
        self.say(str)

    def again(self) -> None:
        self.label.setText(self._text())


# Qt names a tab bar's scroll buttons for screen readers once, when it makes them, and never
# again (qtabbar.cpp, in the QTabBar context of Qt's own catalogue).
_TAB_SCROLLERS = {"ScrollLeftButton": "Scroll Left", "ScrollRightButton": "Scroll Right"}


def retranslate_tab_scrollers(tabs: QTabWidget | QTabBar) -> None:
    """Name *tabs*' scroll buttons in the interface language, as Qt did in the first one."""
    bar = tabs.tabBar() if isinstance(tabs, QTabWidget) else tabs
    for name, text in _TAB_SCROLLERS.items():
        button = bar.findChild(QToolButton, name)
        if button is not None:
            button.setAccessibleName(QCoreApplication.translate("QTabBar", text))


def retranslate_model(model: QAbstractItemModel) -> None:
    """Have the views of *model* ask again for its headers and cells, which it says in the
    interface language of the moment (names of kinds, outcomes, states, dates…)."""
    columns, rows = model.columnCount(), model.rowCount()
    if columns:
        model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
    if columns and rows:
        model.dataChanged.emit(model.index(0, 0), model.index(rows - 1, columns - 1))


def set_item_texts(box: QComboBox, texts: list[str]) -> None:
    """Say *box*'s first entries again (its choices stay, and the one chosen)."""
    for index, text in enumerate(texts):
        box.setItemText(index, text)


def form_row(form: QFormLayout, field: QWidget) -> QLabel:
    """A row of *form* for *field*, its label said later (``label.setText`` in retranslate)."""
    label = QLabel()
    form.addRow(label, field)
    return label
