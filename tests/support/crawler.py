"""A user who clicks everything: every tab, every menu entry, every dialog it opens, the first row
of every list, the buttons a user would press and the dialogs those open.

What it finds wrong is collected in :attr:`Crawler.problems`: error dialogs (a critical message
box: the window's "something went wrong") and failures of background work (logged by the task
runner). Python exceptions raised in Qt slots and Qt warnings fail the test through pytest-qt.

Dialogs that run their own event loop (a file chooser, a yes/no question) block the click that
opened them; a timer answers them the way a cautious user would (Cancel / No).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QWidget,
)
from shiboken6 import isValid

# What a crawl must not press: it leaves the app (a browser sign-in waits minutes for Google).
LEAVES_THE_APP = ("Sign in with Google", "Se connecter avec Google")
# Buttons that only close a dialog: the crawl closes it itself once done.
CLOSING_ROLES = {
    QDialogButtonBox.ButtonRole.RejectRole,
    QDialogButtonBox.ButtonRole.DestructiveRole,
    QDialogButtonBox.ButtonRole.NoRole,
}
MAX_DEPTH = 3
SEARCH_TEXT = "ma"  # in many demo names (Marc, Mathieu, Émma, Thomas…)
SEARCH_DEBOUNCE_MS = 300
IDLE_MS = 20_000


class _FailureLog(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record.getMessage())


@dataclass
class Crawler:
    qtbot: Any
    is_idle: Callable[[], bool]
    seen: list[str] = field(default_factory=list)  # dialogs and tabs visited
    problems: list[str] = field(default_factory=list)
    answered: list[str] = field(default_factory=list)  # blocking dialogs answered by the timer

    def __post_init__(self) -> None:
        self._acting = 0
        self._watch = QTimer()
        self._watch.setInterval(30)
        self._watch.timeout.connect(self._answer_blocking_dialog)
        self._failures = _FailureLog()

    # -- set-up ---------------------------------------------------------------------------

    def __enter__(self) -> Crawler:
        logging.getLogger("feedback_desk").addHandler(self._failures)
        self._watch.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._watch.stop()
        logging.getLogger("feedback_desk").removeHandler(self._failures)
        self.problems.extend(f"logged failure: {text}" for text in self._failures.records)

    # -- primitives -----------------------------------------------------------------------

    def wait_idle(self) -> None:
        self.qtbot.waitUntil(self.is_idle, timeout=IDLE_MS)
        self.qtbot.wait(1)

    def act(self, what: str, action: Callable[[], object]) -> list[QWidget]:
        """Do *action* as a user would and return the windows it opened."""
        before = set(map(id, _visible_top_levels()))
        self._acting += 1
        try:
            action()
        finally:
            self._acting -= 1
        self.wait_idle()
        opened = [w for w in _visible_top_levels() if id(w) not in before]
        for window in opened:
            self._check(window, what)
        return opened

    def _answer_blocking_dialog(self) -> None:
        """A dialog with its own event loop, opened while we are still inside a click."""
        if not self._acting:
            return
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QFileDialog):
            self.answered.append(f"file chooser: {modal.windowTitle()}")
            modal.reject()
        elif isinstance(modal, QMessageBox) and _runs_own_loop(modal):
            self._check(modal, "question")
            self.answered.append(f"question: {modal.text()}")
            modal.reject()

    def _check(self, window: QWidget, what: str) -> None:
        if isinstance(window, QMessageBox) and window.icon() == QMessageBox.Icon.Critical:
            self.problems.append(f"error dialog after {what}: {window.text()}")

    # -- exploring ------------------------------------------------------------------------

    def explore(self, window: QWidget, what: str, depth: int = 0) -> None:
        """Look at everything in *window*, press its buttons, follow what they open, close it."""
        if not isValid(window):
            return
        self.seen.append(f"{type(window).__name__}: {window.windowTitle() or what}")
        if depth < MAX_DEPTH:
            self._visit_tabs(window, what, depth)
            self._visit_pages(window, what, depth)
            self._search(window)
            self._select_first_rows(window, what, depth)
            self._press_buttons(window, what, depth)
        self.close(window)

    def explore_in_place(self, widget: QWidget, what: str) -> None:
        """A part of a window (a tab): its lists and buttons, without closing it."""
        self._visit_tabs(widget, what, 0)
        self._select_first_rows(widget, what, 0)
        self._press_buttons(widget, what, 0)

    def close(self, window: QWidget) -> None:
        if not isValid(window) or not window.isVisible():
            return
        if isinstance(window, QDialog):
            window.reject()
        else:
            window.close()
        self.wait_idle()

    def _visit_tabs(self, window: QWidget, what: str, depth: int) -> None:
        for tabs in _children(window, QTabWidget):
            for index in range(tabs.count()):
                if isValid(tabs) and tabs.isVisible():
                    tabs.setCurrentIndex(index)
                    self.seen.append(f"tab {tabs.tabText(index)} of {what}")
                    self.wait_idle()

    def _search(self, window: QWidget) -> None:
        """A user types in a search field ("Part of a name…") before picking a result."""
        for line in _children(window, QLineEdit):
            empty = line.isVisible() and line.isEnabled() and not line.text()
            if empty and line.placeholderText() and not line.isReadOnly():
                line.setText(SEARCH_TEXT)
                self.qtbot.wait(SEARCH_DEBOUNCE_MS)  # the field waits for typing to pause
                self.wait_idle()

    def _visit_pages(self, window: QWidget, what: str, depth: int) -> None:
        """Each page of a paged dialog (Settings), with its lists and buttons."""
        for stack in _children(window, QStackedWidget):
            if isinstance(stack.parent(), QTabWidget) or not stack.isVisible():
                continue  # a tab widget's own pages: visited as tabs
            for index in range(stack.count()):
                if not (isValid(window) and window.isVisible() and isValid(stack)):
                    return
                stack.setCurrentIndex(index)
                self.wait_idle()
                page = stack.currentWidget()
                inner = page.widget() if isinstance(page, QScrollArea) else page
                name = inner.objectName() or type(inner).__name__
                self.seen.append(f"page {name} of {what}")
                self._select_first_rows(page, f"{what} / {name}", depth)
                self._press_buttons(page, f"{what} / {name}", depth)

    def _select_first_rows(self, window: QWidget, what: str, depth: int) -> None:
        for view in _children(window, QAbstractItemView):
            if not (isValid(view) and view.isVisible()) or view.model() is None:
                continue
            model = view.model()
            if model.rowCount() == 0:
                continue
            index = model.index(0, 0)
            selection = view.selectionModel()
            if selection is not None:
                selection.select(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                view.setCurrentIndex(index)
            opened = self.act(
                f"{what}: opening the first row", lambda v=view, i=index: _activate(v, i)
            )
            for dialog in opened:
                self.explore(dialog, f"{what} → first row", depth + 1)

    def _press_buttons(self, window: QWidget, what: str, depth: int) -> None:
        """Every button, the one that accepts the dialog (OK, Save, Send) last."""
        buttons = [b for b in _children(window, QAbstractButton) if _pressable(window.window(), b)]
        buttons.sort(key=_accepts)
        for button in buttons:
            if not _pressable(window.window(), button):
                continue
            label = button.text().replace("&", "")
            opened = self.act(f"{what} → {label}", button.click)
            for dialog in opened:
                self.explore(dialog, f"{what} → {label}", depth + 1)
            if not isValid(window) or not window.isVisible():
                return  # the button closed it (Save, Send…)

    def trigger_menus(self, bar_owner: Any, skip: Callable[[QAction], bool]) -> None:
        """Every entry of every menu (submenus included), each followed to what it opens."""
        for action in _menu_actions(bar_owner.menuBar()):
            if skip(action):
                continue
            label = action.text().replace("&", "")
            opened = self.act(f"menu {label}", action.trigger)
            for window in opened:
                self.explore(window, f"menu {label}")


def _visible_top_levels() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and not isinstance(w, QMenu)]


def _runs_own_loop(box: QMessageBox) -> bool:
    # A box shown with open() is a window like any other (the crawler explores it); one run with
    # exec() (the static question()) is modal to the application.
    return box.windowModality().name == "ApplicationModal"


def _children(window: QWidget, kind: type) -> Iterator[Any]:
    yield from (child for child in window.findChildren(kind) if isValid(child))


def _activate(view: QAbstractItemView, index: Any) -> None:
    """Enter on the row; a view that opens rows on double-click only gets one."""
    before = len(_visible_top_levels())
    view.activated.emit(index)
    if len(_visible_top_levels()) == before:
        view.doubleClicked.emit(index)


def _menu_actions(menu_bar: Any) -> Iterator[QAction]:
    for action in menu_bar.actions():
        menu = action.menu()
        if menu is not None:
            yield from _menu_entries(menu)


def _menu_entries(menu: QMenu) -> Iterator[QAction]:
    menu.aboutToShow.emit()  # menus filled on demand (Open recent) fill themselves
    for action in menu.actions():
        if action.isSeparator():
            continue
        submenu = action.menu()
        if submenu is not None:
            yield from _menu_entries(submenu)
        elif action.isEnabled() and action.isVisible():
            yield action


def _accepts(button: QAbstractButton) -> bool:
    box = button.parent()
    return isinstance(box, QDialogButtonBox) and box.buttonRole(button) in (
        QDialogButtonBox.ButtonRole.AcceptRole,
        QDialogButtonBox.ButtonRole.YesRole,
        QDialogButtonBox.ButtonRole.ApplyRole,
    )


def _pressable(window: QWidget, button: QAbstractButton) -> bool:
    if not (isValid(button) and button.isVisible() and button.isEnabled()):
        return False
    if button.window() is not window:
        return False
    label = button.text().replace("&", "")
    if not label or any(label.startswith(words) for words in LEAVES_THE_APP):
        return False
    box = button.parent()
    if isinstance(box, QDialogButtonBox) and box.buttonRole(button) in CLOSING_ROLES:
        return False
    return not button.isCheckable() or button.isChecked() is False
