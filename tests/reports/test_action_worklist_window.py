"""The worklist window (pytest-qt, offscreen, a real SQLite store): filters, search, order, opening
a review, bulk closing with its count and its undo, and the Overview's "See all"."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from sqlalchemy import select

from feedback_desk.domain.kinds import ActionOutcome
from feedback_desk.store.database import Store
from feedback_desk.store.models import Action, AuditEntry, Review
from feedback_desk.ui.dialogs.opener import DialogOpener
from feedback_desk.ui.dialogs.review_details import ReviewDetailsDialog
from feedback_desk.ui.tabs.overview import OverviewTab
from feedback_desk.ui.worklist.dialog import ActionWorklistDialog
from feedback_desk.ui.worklist.model import ActionsTableModel, Column
from tests.reports.worklist_studio import fill_worklist_studio

WAIT_MS = 10_000


def shown(qtbot, opener: DialogOpener) -> ActionWorklistDialog:  # type: ignore[no-untyped-def]
    worklist = opener.open_worklist()
    assert isinstance(worklist, ActionWorklistDialog)
    settled(qtbot, worklist)
    return worklist


def settled(qtbot, worklist: ActionWorklistDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not worklist.busy and worklist.model.count is not None, timeout=WAIT_MS)


def column(worklist: ActionWorklistDialog, which: Column) -> list[str]:
    model = worklist.model
    return [model.index(row, which).data() for row in range(model.rowCount())]


def reviews(worklist: ActionWorklistDialog) -> list[str]:
    return [worklist.model.row(row).review for row in range(worklist.model.rowCount())]


def select_rows(worklist: ActionWorklistDialog, *rows: int) -> None:
    selection = worklist.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows:
        selection.select(worklist.model.index(row, 0), flags)


def action_states(studio: Store) -> dict[str, tuple[ActionOutcome | None, str | None]]:
    with studio.read() as session:
        rows = session.execute(
            select(Review.external_id, Action.outcome, Action.note).join(
                Action, Action.review_id == Review.id
            )
        )
        return {ref: (outcome, note) for ref, outcome, note in rows}


def test_the_worklist_lists_every_open_action_as_plain_text(
    qtbot, studio: Store, opener: DialogOpener
) -> None:  # type: ignore[no-untyped-def]
    fill_worklist_studio(studio)
    worklist = shown(qtbot, opener)
    assert not worklist.isModal()
    assert worklist.count_label.text() == "4 open actions"
    assert reviews(worklist) == ["R2", "R1", "R3", "R4"]
    assert column(worklist, Column.CLIENT) == ["Ann Lee", "Élodie Gagné", "Bob Roy", "Ann Lee"]
    assert column(worklist, Column.CLASS) == ["", "Spin 45", "Yoga", ""]
    assert column(worklist, Column.CONTACTS) == ["0", "0", "2", "0"]
    assert column(worklist, Column.OUTCOME) == ["Open"] * 4
    assert column(worklist, Column.REVIEWED)[0] == "13 May 2026 12:00"
    assert column(worklist, Column.COMMENT)[2] == "crowded <b>again</b>"
    tooltip = worklist.model.index(2, Column.COMMENT).data(Qt.ItemDataRole.ToolTipRole)
    assert "crowded &lt;b&gt;again&lt;/b&gt;" in tooltip
    assert "<b>" not in tooltip


def test_filters_and_the_client_search_narrow_the_list(
    qtbot, studio: Store, opener: DialogOpener
) -> None:  # type: ignore[no-untyped-def]
    fill_worklist_studio(studio)
    worklist = shown(qtbot, opener)
    filters = worklist.filters
    filters.kind_box.setCurrentIndex(1)  # Class
    settled(qtbot, worklist)
    assert reviews(worklist) == ["R1", "R3"]
    assert worklist.count_label.text() == "2 open actions"
    qtbot.waitUntil(lambda: filters.coach_box.count() == 3, timeout=WAIT_MS)
    filters.coach_box.setCurrentIndex(filters.coach_box.findText("Marc Roy"))
    settled(qtbot, worklist)
    assert reviews(worklist) == ["R3"]
    filters.coach_box.setCurrentIndex(0)
    filters.kind_box.setCurrentIndex(0)
    filters.age_box.setCurrentIndex(4)  # Over 90 days old (today is 20 May 2026)
    settled(qtbot, worklist)
    assert reviews(worklist) == ["R4"]
    filters.age_box.setCurrentIndex(0)

    qtbot.keyClicks(filters.search_edit, "GAGNE")  # accents and case ignored
    qtbot.keyClick(filters.search_edit, Qt.Key.Key_Return)  # at once, without the typing pause
    settled(qtbot, worklist)
    assert reviews(worklist) == ["R1"]
    assert worklist.count_label.text() == "1 open action"
    filters.search_edit.clear()
    qtbot.keyClicks(filters.search_edit, "nobody")
    qtbot.keyClick(filters.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: worklist.stack.currentWidget() is worklist.empty_label, timeout=WAIT_MS)
    assert worklist.empty_label.text() == "No action matches these filters."


def test_closed_actions_show_by_outcome(qtbot, studio: Store, opener: DialogOpener) -> None:  # type: ignore[no-untyped-def]
    from feedback_desk.services.actions import close_action
    from tests.reports.builders import local

    fill_worklist_studio(studio)
    with studio.write() as session:
        at = local(2026, 5, 15, 9)
        close_action(session, "R4", ActionOutcome.RESOLVED, "<i>refund</i>", at=at, actor="mia")
    worklist = shown(qtbot, opener)
    worklist.filters.state_box.setCurrentIndex(3)  # Closed: resolved
    settled(qtbot, worklist)
    assert reviews(worklist) == ["R4"]
    assert worklist.count_label.text() == "1 closed action"
    assert column(worklist, Column.OUTCOME) == ["Resolved"]
    assert column(worklist, Column.CLOSED) == ["15 May 2026 09:00"]
    tooltip = worklist.model.index(0, Column.OUTCOME).data(Qt.ItemDataRole.ToolTipRole)
    assert "Closed by mia" in tooltip
    assert "&lt;i&gt;refund&lt;/i&gt;" in tooltip
    assert not worklist.close_shown_button.isEnabled()  # nothing open to close here
    worklist.filters.state_box.setCurrentIndex(5)  # Open and closed
    settled(qtbot, worklist)
    assert worklist.count_label.text() == "4 actions"


def test_a_header_click_sorts_by_its_column(qtbot, studio: Store, opener: DialogOpener) -> None:  # type: ignore[no-untyped-def]
    fill_worklist_studio(studio)
    worklist = shown(qtbot, opener)
    header = worklist.table.horizontalHeader()

    def click(which: Column) -> None:
        x = header.sectionViewportPosition(which) + header.sectionSize(which) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
        settled(qtbot, worklist)

    click(Column.CLIENT)  # A to Z, accents ignored
    assert column(worklist, Column.CLIENT) == ["Ann Lee", "Ann Lee", "Bob Roy", "Élodie Gagné"]
    click(Column.CLIENT)
    assert column(worklist, Column.CLIENT) == ["Élodie Gagné", "Bob Roy", "Ann Lee", "Ann Lee"]
    click(Column.STARS)  # the unhappiest first
    assert column(worklist, Column.STARS) == ["★☆☆☆☆", "★★☆☆☆", "★★★☆☆", "★★★☆☆"]
    click(Column.CONTACTS)  # the most contacted first
    assert column(worklist, Column.CONTACTS) == ["2", "0", "0", "0"]
    assert header.sortIndicatorSection() == Column.CONTACTS


def test_double_click_or_enter_opens_the_review(qtbot, studio: Store, opener: DialogOpener) -> None:  # type: ignore[no-untyped-def]
    fill_worklist_studio(studio)
    worklist = shown(qtbot, opener)
    table = worklist.table
    cell = table.visualRect(worklist.model.index(1, Column.CLIENT)).center()
    # As a mouse does it: a press (the row becomes current), then the double-click.
    qtbot.mousePress(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    details = [d for d in opener.open_dialogs if isinstance(d, ReviewDetailsDialog)]
    assert len(details) == 1
    qtbot.waitUntil(lambda: details[0].windowTitle() == "Review R1", timeout=WAIT_MS)

    table.setFocus()
    table.setCurrentIndex(worklist.model.index(2, Column.CLIENT))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    details = [d for d in opener.open_dialogs if isinstance(d, ReviewDetailsDialog)]
    assert len(details) == 2
    qtbot.waitUntil(lambda: details[1].windowTitle() == "Review R3", timeout=WAIT_MS)
    assert worklist.isVisible()  # Enter opened the review and left the worklist open
    for dialog in details:
        qtbot.waitUntil(lambda d=dialog: not d.tasks.busy, timeout=WAIT_MS)


def test_closing_the_selection_asks_once_says_how_many_and_undo_reopens_them(
    qtbot, studio: Store, opener: DialogOpener
) -> None:  # type: ignore[no-untyped-def]
    fill_worklist_studio(studio)
    worklist = shown(qtbot, opener)
    assert not worklist.close_selected_button.isEnabled()
    select_rows(worklist, 0, 2)  # R2 and R3
    assert worklist.close_selected_button.isEnabled()
    qtbot.mouseClick(worklist.close_selected_button, Qt.MouseButton.LeftButton)
    confirm = worklist.bulk_dialog
    assert confirm is not None
    assert confirm.question.text() == "Close 2 actions?"
    confirm.outcome.setCurrentIndex(confirm.outcome.findData(ActionOutcome.RESOLVED.value))
    confirm.note.setPlainText("Refunded <both>")
    with qtbot.waitSignal(opener.actions_changed, timeout=WAIT_MS):
        confirm.accept()
    settled(qtbot, worklist)
    assert worklist.message.text() == "2 actions closed."
    assert worklist.undo_button.isVisible()
    assert reviews(worklist) == ["R1", "R4"]
    assert worklist.count_label.text() == "2 open actions"
    states = action_states(studio)
    assert states["R2"] == states["R3"] == (ActionOutcome.RESOLVED, "Refunded <both>")
    assert states["R1"] == (None, None)

    with qtbot.waitSignal(opener.actions_changed, timeout=WAIT_MS):
        qtbot.mouseClick(worklist.undo_button, Qt.MouseButton.LeftButton)
    settled(qtbot, worklist)
    assert worklist.message.text() == "2 actions reopened."
    assert not worklist.undo_button.isVisible()
    assert reviews(worklist) == ["R2", "R1", "R3", "R4"]
    assert set(action_states(studio).values()) == {(None, None)}
    with studio.read() as session:
        entries = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
    trail = [(e.action, e.entity_id) for e in entries if e.action.startswith("action.")]
    assert trail == [
        ("action.closed", "R2"),
        ("action.closed", "R3"),
        ("action.reopened", "R2"),
        ("action.reopened", "R3"),
    ]
    assert json.loads(entries[-1].details)["undo"] is True


def test_pages_load_as_the_table_asks_for_them(qtbot, studio: Store, opener: DialogOpener) -> None:  # type: ignore[no-untyped-def]
    fill_worklist_studio(studio)
    model = ActionsTableModel(opener.context, page_size=3)
    model.reload()
    qtbot.waitUntil(lambda: not model.busy, timeout=WAIT_MS)  # one page; the count of all
    assert (model.rowCount(), model.count) == (3, 4)
    assert model.canFetchMore()
    model.fetchMore()
    qtbot.waitUntil(lambda: not model.busy, timeout=WAIT_MS)
    assert [model.row(r).review for r in range(model.rowCount())] == ["R2", "R1", "R3", "R4"]
    assert not model.canFetchMore()


def test_close_all_shown_asks_for_how_many_and_cancel_changes_nothing(
    qtbot, studio: Store, opener: DialogOpener
) -> None:  # type: ignore[no-untyped-def]
    fill_worklist_studio(studio)
    worklist = shown(qtbot, opener)
    qtbot.mouseClick(worklist.close_shown_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: worklist.bulk_dialog is not None, timeout=WAIT_MS)
    confirm = worklist.bulk_dialog
    assert confirm is not None
    assert confirm.question.text() == "Close 4 actions?"
    confirm.reject()
    assert set(action_states(studio).values()) == {(None, None)}

    worklist.filters.kind_box.setCurrentIndex(2)  # Business
    settled(qtbot, worklist)
    assert worklist.bulk_dialog is None
    qtbot.mouseClick(worklist.close_shown_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: worklist.bulk_dialog is not None, timeout=WAIT_MS)
    confirm = worklist.bulk_dialog
    assert confirm is not None
    assert confirm.question.text() == "Close 2 actions?"
    with qtbot.waitSignal(opener.actions_changed, timeout=WAIT_MS):
        confirm.accept()  # the default outcome: contacted
    settled(qtbot, worklist)
    states = action_states(studio)
    assert (states["R2"], states["R4"]) == ((ActionOutcome.CONTACTED, None),) * 2
    assert states["R1"] == states["R3"] == (None, None)
    assert worklist.stack.currentWidget() is worklist.empty_label


# Bringing the worklist forward asks the (offscreen) platform to raise it, which it cannot.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_the_overview_short_list_sees_all_in_the_worklist(
    qtbot, studio: Store, opener: DialogOpener
) -> None:  # type: ignore[no-untyped-def]
    fill_worklist_studio(studio)
    tab = OverviewTab(opener.parent())
    qtbot.addWidget(tab)
    tab.show()
    with qtbot.waitSignal(tab.refreshed, timeout=WAIT_MS):
        tab.refresh()
    assert tab.see_all.text() == "See all"
    qtbot.mouseClick(tab.see_all, Qt.MouseButton.LeftButton)
    [worklist] = [d for d in opener.open_dialogs if isinstance(d, ActionWorklistDialog)]
    settled(qtbot, worklist)
    assert worklist.count_label.text() == "4 open actions"
    assert opener.open_worklist() is worklist  # one worklist, brought forward

    # A bulk close in the worklist refreshes the Overview.
    select_rows(worklist, 0)
    worklist.close_selected()
    assert worklist.bulk_dialog is not None
    with qtbot.waitSignal(tab.refreshed, timeout=WAIT_MS):
        worklist.bulk_dialog.accept()
    assert tab.headlines["actions"].value.text() == "3"
    settled(qtbot, worklist)
