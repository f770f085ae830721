"""File → Export… in the window: the dialog, then the workbook written on a worker thread in
the studio's language."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate

from feedback_desk.clock import ManualClock
from feedback_desk.services.settings import set_setting
from feedback_desk.store.database import Store
from tests.reports.export_words import ENGLISH, FRENCH, sheets_and_headers
from tests.reports.ui_fixtures import fill_studio

WAIT_MS = 10_000


@pytest.mark.parametrize(
    ("language", "words"),
    [("fr", FRENCH), ("en", ENGLISH)],
)
def test_file_export_writes_the_workbook_of_the_chosen_period_in_the_studio_language(
    qtbot,
    studio: Store,
    store_path: Path,
    clock: ManualClock,
    tmp_path: Path,
    language: str,
    words: dict[str, list[str]],
) -> None:  # type: ignore[no-untyped-def]
    from feedback_desk.ui.main_window import MainWindow

    fill_studio(studio)
    with studio.write() as session:
        set_setting(session, "studio.language", language, at=clock.now(), actor="test")
    window = MainWindow(studio, clock, remember_state=False)
    qtbot.addWidget(window)
    dialog = window.open_export_dialog()
    assert dialog.path.text().endswith("feedback-2025-06-01-2026-05-20.xlsx")
    dialog.first.setDate(QDate(2026, 5, 1))
    out = tmp_path / "may.xlsx"
    dialog.path.setText(str(out))
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(out.exists, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=WAIT_MS)
    assert list(sheets_and_headers(out).items()) == list(words.items())
    _, by_date, comments = load_workbook(out).worksheets
    assert by_date.max_row == 21  # 1 to 20 May
    assert [row[1].value for row in comments.iter_rows(min_row=2)] == ["R-bad"]
    window.close()


def test_the_export_dialog_refuses_a_backwards_period_or_a_missing_folder(
    qtbot, studio: Store, clock: ManualClock, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from feedback_desk.ui.dialogs.export_dialog import ExportDialog

    dialog = ExportDialog(clock.now().date(), tmp_path)
    qtbot.addWidget(dialog)
    requested: list[object] = []
    dialog.export_requested.connect(lambda *args: requested.append(args))
    dialog.first.setDate(QDate(2026, 6, 1))
    dialog.last.setDate(QDate(2026, 5, 1))
    dialog.path.setText(str(tmp_path / "missing" / "x.xlsx"))
    dialog.buttons.accepted.emit()
    assert requested == []
    assert "starts after it ends" in dialog.problem.text()
    assert "does not exist" in dialog.problem.text()
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    assert dialog.path.text().endswith(".csv")
