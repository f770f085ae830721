"""File → Import…: the first rows and the whole file are checked first, problems block the
import, a good file imports, a stopped import writes nothing."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select

from feedback_desk.clock import ManualClock
from feedback_desk.services.importing import ImportKind
from feedback_desk.store.database import Store
from feedback_desk.store.models import Client
from feedback_desk.ui.dialogs.import_dialog import ImportDialog
from tests.importing.conftest import WriteCsv, snapshot
from tests.support.window_context import window_context

# The offscreen platform plugin says so whenever a top-level window is shown: not our warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def dialog(qtbot, studio: Store, clock: ManualClock) -> Iterator[ImportDialog]:  # type: ignore[no-untyped-def]
    with window_context(qtbot, studio, clock) as context:
        shown = ImportDialog(context, reread_delay_ms=0)
        qtbot.addWidget(shown)
        shown.show()
        yield shown
        qtbot.waitUntil(lambda: not shown.busy, timeout=10_000)


def checked(qtbot, dialog: ImportDialog) -> None:  # type: ignore[no-untyped-def]
    """Wait for the whole file's check (or for a first look that found the file unreadable)."""
    qtbot.waitUntil(
        lambda: not dialog.busy and (dialog.check is not None or dialog.inspection is not None),
        timeout=10_000,
    )


def choose(qtbot, dialog: ImportDialog, path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog.set_file(path)
    checked(qtbot, dialog)


def cell(dialog: ImportDialog, row: int, column: int) -> str:
    model = dialog.preview_model
    return str(model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole))


def test_a_bad_file_shows_its_rows_and_problems_and_cannot_be_imported(
    qtbot,
    dialog: ImportDialog,
    studio: Store,
    write_csv: WriteCsv,  # type: ignore[no-untyped-def]
) -> None:
    path = write_csv(
        "clients.csv",
        "id;first_name;last_name;email\nC1;Ann;Lee;ann@example.com\nC2;Bob;;bob@\n",
    )
    before = snapshot(studio, skip=())

    choose(qtbot, dialog, path)

    assert dialog.kind is ImportKind.CLIENTS
    model = dialog.preview_model
    assert (model.rowCount(), model.columnCount()) == (2, 4)
    assert model.headerData(3, Qt.Orientation.Horizontal) == "email\n→ email"
    assert model.headerData(1, Qt.Orientation.Vertical) == "3"  # the file's line number
    assert cell(dialog, 1, 0) == "C2"
    assert dialog.problems_model.stringList() == [
        'Line 3, column "last_name": last_name is empty; it is required',
        'Line 3, column "email": email: "bob@" is not an email address',
    ]
    assert "2 problems:" in dialog.problems_label.text()
    assert model.problem_at(1, 3) == 'email: "bob@" is not an email address'
    assert model.data(model.index(1, 3), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(0, 3), Qt.ItemDataRole.BackgroundRole) is None
    assert not dialog.import_button.isEnabled()
    assert snapshot(studio, skip=()) == before

    # Corrected in the spreadsheet, checked again: now it can be imported.
    path.write_text("id;first_name;last_name;email\nC1;Ann;Lee;ann@example.com\nC2;Bob;Roy;\n")
    qtbot.mouseClick(dialog.recheck_button, Qt.MouseButton.LeftButton)
    checked(qtbot, dialog)
    assert dialog.problems_model.stringList() == []
    assert dialog.import_button.isEnabled()


def test_a_good_file_is_checked_then_imported(
    qtbot,
    dialog: ImportDialog,
    studio: Store,
    write_csv: WriteCsv,  # type: ignore[no-untyped-def]
) -> None:
    path = write_csv("members-export.csv", "id,first_name,last_name\nC1,Élodie,Gagné\nC2,Ann,Lee\n")
    choose(qtbot, dialog, path)

    assert dialog.import_button.isEnabled()
    assert dialog.problems_model.stringList() == []
    assert dialog.problems_label.text() == "No problems found."
    assert dialog.summary_label.text() == (
        "Rows in the file: 2. Importing would create 2, update 0 and leave 0 unchanged."
    )
    assert dialog.layout_box.reading_label.text() == "Read as UTF-8. Values separated by commas."
    with studio.read() as session:
        assert session.scalars(select(Client)).all() == []

    with qtbot.waitSignal(dialog.imported, timeout=10_000) as imported:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    assert imported.args[0].summaries() == ["members-export.csv: 2 created, 0 updated, 0 unchanged"]
    assert dialog.result_label.text() == (
        "Imported members-export.csv: 2 created, 0 updated, 0 unchanged."
    )
    assert not dialog.import_button.isEnabled()  # the same file again would change nothing
    with studio.read() as session:
        assert sorted(c.full_name for c in session.scalars(select(Client))) == [
            "Ann Lee",
            "Élodie Gagné",
        ]


def test_the_kind_follows_the_file_name_and_changing_it_reads_again(
    qtbot,
    dialog: ImportDialog,
    write_csv: WriteCsv,  # type: ignore[no-untyped-def]
) -> None:
    path = write_csv(
        "sessions.csv", "id,class_name,coach_id,starts_at\nS1,Spin,E1,2026-05-01T18:00\n"
    )
    choose(qtbot, dialog, path)
    assert dialog.kind is ImportKind.SESSIONS
    # The first rows look fine; the whole-file check finds the unknown coach.
    assert dialog.inspection is not None
    assert dialog.inspection.issues == ()
    assert dialog.problems_model.stringList() == [
        'Line 2, column "coach_id": coach_id: no coach has the id "E1" (in the store or in this '
        "import)"
    ]
    assert not dialog.import_button.isEnabled()

    dialog.set_kind(ImportKind.COACHES)
    checked(qtbot, dialog)
    assert dialog.problems_model.stringList() == [
        'Line 1: no column gives "first_name", which is required: choose the column that holds it',
        'Line 1: no column gives "last_name", which is required: choose the column that holds it',
    ]
    table = dialog.columns_table
    assert [table.combo(row).currentData() for row in range(table.rowCount())] == [
        "id",
        None,
        None,
        None,
    ]


def test_the_choose_button_opens_a_file_chooser_that_does_not_block(
    qtbot,
    dialog: ImportDialog,
    write_csv: WriteCsv,  # type: ignore[no-untyped-def]
) -> None:
    path = write_csv("coaches.csv", "id,first_name,last_name\nE1,Julie,Roy\n")
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    chooser = dialog.file_dialog
    assert isinstance(chooser, QFileDialog)
    assert chooser.isVisible()
    chooser.selectFile(str(path))
    chooser.accept()
    checked(qtbot, dialog)
    assert dialog.path_edit.text() == str(path)
    assert dialog.kind is ImportKind.COACHES
    assert dialog.import_button.isEnabled()


def test_a_file_that_is_not_csv_is_explained(
    qtbot,
    dialog: ImportDialog,
    write_csv: WriteCsv,  # type: ignore[no-untyped-def]
) -> None:
    choose(qtbot, dialog, write_csv("clients.xlsx", b"PK\x03\x04 a workbook"))
    assert dialog.preview_model.rowCount() == 0
    assert dialog.problems_model.stringList() == [
        "this is not a CSV text file but an Excel workbook (.xlsx) or another zip archive; save "
        'it from the spreadsheet as "CSV UTF-8" and choose that file'
    ]
    assert dialog.layout_box.reading_label.text() == "The file cannot be read as a CSV file."
    assert not dialog.import_button.isEnabled()


def test_client_text_in_tooltips_is_never_rich_text(
    qtbot,
    dialog: ImportDialog,
    write_csv: WriteCsv,  # type: ignore[no-untyped-def]
) -> None:
    choose(
        qtbot,
        dialog,
        write_csv(
            "clients.csv",
            'id,first_name,last_name,email\nC1,"<b>Ann</b> <img src=x> and a very long name",Lee,'
            "<i>x</i>\n",
        ),
    )
    model = dialog.preview_model
    tip = model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole)
    assert "<b>" not in tip
    assert "&lt;b&gt;Ann&lt;/b&gt;" in tip
    problem = model.data(model.index(0, 3), Qt.ItemDataRole.ToolTipRole)
    assert "<i>" not in problem
    assert "&lt;i&gt;x&lt;/i&gt;" in problem


def test_a_stopped_import_writes_nothing(
    qtbot,
    dialog: ImportDialog,
    studio: Store,
    store_path: Path,
    write_csv: WriteCsv,  # type: ignore[no-untyped-def]
) -> None:
    path = write_csv(
        "clients.csv",
        "id,first_name,last_name\n" + "".join(f"C{i},Ann,Lee\n" for i in range(3000)),
    )
    choose(qtbot, dialog, path)
    before = snapshot(studio, skip=())
    # Another program holds the store's write lock: the import cannot finish before Stop.
    other = sqlite3.connect(store_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        assert dialog.cancel_button.isVisible()
        assert not dialog.columns_table.isEnabled()
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    finally:
        other.execute("ROLLBACK")
        other.close()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)

    assert dialog.result_label.text() == "Import stopped; nothing was written."
    assert snapshot(studio, skip=()) == before
    assert dialog.import_button.isEnabled()  # it can be imported after all
