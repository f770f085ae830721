"""File → Import…: the preview comes first, problems block the import, a good file imports."""

from __future__ import annotations

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
        shown = ImportDialog(context)
        qtbot.addWidget(shown)
        shown.show()
        yield shown


def choose(qtbot, dialog: ImportDialog, path: Path) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        dialog.set_file(path)


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
    assert model.headerData(3, Qt.Orientation.Horizontal) == "email"
    assert model.headerData(1, Qt.Orientation.Vertical) == "3"  # the file's line number
    assert cell(dialog, 1, 0) == "C2"
    assert dialog.problems_model.stringList() == [
        "clients.csv:3: last_name is empty; it is required",
        'clients.csv:3: email: "bob@" is not an email address',
    ]
    assert "2 problem(s)" in dialog.problems_label.text()
    assert not dialog.import_button.isEnabled()
    assert snapshot(studio, skip=()) == before

    # Corrected in the spreadsheet, checked again: now it can be imported.
    path.write_text("id;first_name;last_name;email\nC1;Ann;Lee;ann@example.com\nC2;Bob;Roy;\n")
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        qtbot.mouseClick(dialog.recheck_button, Qt.MouseButton.LeftButton)
    assert dialog.problems_model.stringList() == []
    assert dialog.import_button.isEnabled()


def test_a_good_file_is_previewed_then_imported(
    qtbot,
    dialog: ImportDialog,
    studio: Store,
    write_csv: WriteCsv,  # type: ignore[no-untyped-def]
) -> None:
    path = write_csv("members-export.csv", "id,first_name,last_name\nC1,Élodie,Gagné\nC2,Ann,Lee\n")
    choose(qtbot, dialog, path)

    assert dialog.import_button.isEnabled()
    assert dialog.problems_model.stringList() == []
    assert "2 to create, 0 to update, 0 unchanged" in dialog.summary_label.text()
    assert "comma" in dialog.summary_label.text()
    with studio.read() as session:
        assert session.scalars(select(Client)).all() == []

    with qtbot.waitSignal(dialog.imported, timeout=10_000) as imported:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    assert imported.args[0].summaries() == ["members-export.csv: 2 created, 0 updated, 0 unchanged"]
    assert "members-export.csv: 2 created, 0 updated, 0 unchanged" in dialog.result_label.text()
    assert not dialog.import_button.isEnabled()  # the same file again would change nothing
    with studio.read() as session:
        assert sorted(c.full_name for c in session.scalars(select(Client))) == [
            "Ann Lee",
            "Élodie Gagné",
        ]


def test_the_kind_follows_the_file_name_and_changing_it_previews_again(
    qtbot,
    dialog: ImportDialog,
    write_csv: WriteCsv,  # type: ignore[no-untyped-def]
) -> None:
    path = write_csv(
        "sessions.csv", "id,class_name,coach_id,starts_at\nS1,Spin,E1,2026-05-01T18:00\n"
    )
    choose(qtbot, dialog, path)
    assert dialog.kind is ImportKind.SESSIONS
    assert dialog.problems_model.stringList() == [
        'sessions.csv:2: coach_id: unknown coach "E1" (no coach with this id in the store or in '
        "this import)"
    ]
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        dialog.set_kind(ImportKind.COACHES)
    assert dialog.problems_model.stringList() == [
        'sessions.csv:1: missing required column "first_name"',
        'sessions.csv:1: missing required column "last_name"',
    ]
    assert "first_name*" in dialog.columns_label.text()


def test_the_choose_button_opens_a_file_picker(
    qtbot,
    dialog: ImportDialog,
    write_csv: WriteCsv,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    path = write_csv("coaches.csv", "id,first_name,last_name\nE1,Julie,Roy\n")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *args, **kw: (str(path), ""))
    )
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
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
    [problem] = dialog.problems_model.stringList()
    assert "Excel workbook" in problem
    assert "cannot be read as a CSV file" in dialog.summary_label.text()
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
            'id,first_name,last_name\nC1,"<b>Ann</b> <img src=x> and a very long name",Lee\n',
        ),
    )
    model = dialog.preview_model
    tip = model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole)
    assert "<b>" not in tip
    assert "&lt;b&gt;Ann&lt;/b&gt;" in tip
