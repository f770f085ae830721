"""The audit of a language switch: the demo window opened in English, every tab visited, the
worklist and a review's details open beside it; the manager switches to French in Settings →
General → Apply. Then no visible text of any open window is still an English sentence the
French catalogue translates otherwise, and nothing shown asked for a string it lacks."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from feedback_desk.ui import i18n
from feedback_desk.ui.dialogs.opener import opener_for
from feedback_desk.ui.main_window import MainWindow
from feedback_desk.ui.window_features.clients import ClientsFeature
from feedback_desk.ui.worklist.model import ReviewIdRole
from tests.support.untranslated import UntranslatedRecorder
from tests.ui_window.test_language_switch import _french_catalogue, choose_language

# Shown as they are in either language: a language's own name, and a setting's default value
# (a placeholder, as stored: a window opened in French shows it too).
SAME_IN_BOTH = {"English", "My studio"}
CATALOGUE = Path(__file__).parents[2] / "resources" / "translations" / "feedback_desk_fr.ts"


def english_with_other_french() -> set[str]:
    """The catalogue's English sources whose French translation differs in every context (so
    a window showing one of them has not followed the switch)."""
    differs, kept = set(), set()
    for message in ET.parse(CATALOGUE).getroot().iter("message"):
        source, translation = message.findtext("source"), message.find("translation")
        if not source or translation is None or translation.get("type") is not None:
            continue  # unfinished or vanished: not a French sentence
        (differs if translation.text and translation.text != source else kept).add(source)
    return differs - kept - SAME_IN_BOTH


def visible_texts(*, cells: bool = False) -> Iterator[tuple[str, str]]:
    """(where, text) for every visible window: its title, its widgets' texts, and the headers
    of its tables (and, with *cells*, their first rows' cells)."""
    for window in QApplication.topLevelWidgets():
        if not window.isVisible():
            continue
        for widget in [window, *window.findChildren(QWidget)]:
            if not widget.isVisible():
                continue
            where = type(widget.window()).__name__
            if widget.isWindow():
                yield where, widget.windowTitle()
            for text in own_texts(widget):
                yield f"{where}/{type(widget).__name__}", text
            if isinstance(widget, QTableView | QTreeView) and widget.model() is not None:
                model = widget.model()
                for column in range(model.columnCount()):
                    header = model.headerData(column, Qt.Orientation.Horizontal)
                    if isinstance(header, str):
                        yield f"{where}/{type(widget).__name__} header", header
                    if cells:
                        for row in range(min(model.rowCount(), 50)):
                            cell = model.index(row, column).data()
                            if isinstance(cell, str):
                                yield f"{where}/{type(widget).__name__} cell", cell


def own_texts(widget: QWidget) -> list[str]:
    """What *widget* itself says (its children are walked on their own)."""
    texts = [widget.toolTip(), widget.accessibleName()]
    if isinstance(widget, QLabel | QAbstractButton):
        texts.append(widget.text())
    elif isinstance(widget, QGroupBox):
        texts.append(widget.title())
    elif isinstance(widget, QLineEdit):
        texts.append(widget.placeholderText())
    elif isinstance(widget, QComboBox) and not widget.isEditable():
        texts += [widget.itemText(i) for i in range(widget.count())]
    elif isinstance(widget, QTabWidget):
        texts += [widget.tabText(i) for i in range(widget.count())]
    return [text for text in texts if text]


def test_nothing_shown_stays_english_after_switching_to_french(
    qtbot, open_window, demo_path: Path
) -> None:  # type: ignore[no-untyped-def]
    i18n.install_language("en")
    recorder = UntranslatedRecorder()
    try:
        window: MainWindow = open_window(demo_path)
        window.show()
        for spec in window.tab_specs:
            window.show_tab(spec.key)
            qtbot.waitUntil(window.is_idle, timeout=20_000)
        worklist = window.feature(ClientsFeature).show_worklist()
        qtbot.waitUntil(lambda: not worklist.busy, timeout=20_000)  # type: ignore[attr-defined]
        review_id = worklist.model.index(0, 0).data(ReviewIdRole)  # type: ignore[attr-defined]
        assert isinstance(review_id, int)
        details = opener_for(window.context).open_review(review_id)
        with qtbot.waitSignal(details.loaded, timeout=20_000):  # type: ignore[attr-defined]
            pass
        english = english_with_other_french()
        assert "Actions to take" in english  # the worklist's title: the check can see it

        switch_to_french_and_audit(
            qtbot,
            window,
            recorder,
            english,
            lambda: not worklist.busy,  # type: ignore[attr-defined]
        )
    finally:
        recorder.__exit__()
        i18n.install_language("en")


def switch_to_french_and_audit(
    qtbot: QtBot,
    window: MainWindow,
    recorder: UntranslatedRecorder,
    english: set[str],
    settled: Callable[[], bool] = lambda: True,
    *,
    cells: bool = False,
) -> None:
    """Apply French in Settings, wait until every open window has said its texts again (and
    *settled*), then fail on any English left shown or any string the catalogue lacks."""
    recorder.__enter__()  # behind the French catalogue the Apply installs
    choose_language(qtbot, window, "fr", apply=True)
    qtbot.waitUntil(lambda: window.file_menu.title() == "&Fichier", timeout=5_000)
    qtbot.waitUntil(window.is_idle, timeout=20_000)
    qtbot.waitUntil(settled, timeout=20_000)
    still_english = sorted(
        {f"{where}: {text!r}" for where, text in visible_texts(cells=cells) if text in english}
    )
    recorder.__exit__()
    missing = recorder.report(_french_catalogue())
    assert still_english == [], "\n".join(still_english)
    assert missing == [], "\n".join(missing)
