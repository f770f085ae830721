"""The worklist of actions to take, in its own window beside the main one (never modal).

Filters and a client search above a lazy table of every action (open ones by default); a
double-click or Enter opens the review's details (or the client's email that opened an action
with no review). "Close selected…" and "Close all shown…" ask
once, saying how many, for the outcome and note; right after, "Undo" reopens exactly the actions
that closing closed. Every change is written on the task runner, then announced through the
opener's ``actions_changed`` so that every tab, and this list, reloads.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QLocale, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from feedback_desk.domain.kinds import ActionOutcome
from feedback_desk.services.action_worklist import (
    PAGE_SIZE,
    ActionState,
    close_actions,
    open_action_ids,
    reopen_actions,
)
from feedback_desk.services.audit import default_actor
from feedback_desk.services.review_listing import class_choices, coach_choices
from feedback_desk.ui.context import describe_error
from feedback_desk.ui.dialogs.opener import DialogOpener
from feedback_desk.ui.retranslating import KeptText, Retranslating, retranslate_model
from feedback_desk.ui.worklist.bulk_close import BulkCloseDialog
from feedback_desk.ui.worklist.filters import WorklistFilters
from feedback_desk.ui.worklist.model import (
    ActionsTableModel,
    Column,
    InboundIdRole,
    ReviewIdRole,
)

_COLUMN_WIDTHS = {
    Column.REVIEWED: 135,
    Column.CLIENT: 160,
    Column.KIND: 75,
    Column.CLASS: 120,
    Column.COACH: 140,
    Column.STARS: 90,
    Column.CONTACTS: 70,
    Column.OPENED: 135,
    Column.CLOSED: 135,
    Column.OUTCOME: 95,
}


@dataclass(frozen=True)
class ClosedBatch:
    """What one bulk close closed: what its Undo may reopen."""

    action_ids: tuple[int, ...]
    outcome: ActionOutcome
    closed_at: datetime


class ActionWorklistDialog(Retranslating, QDialog):
    def __init__(
        self, opener: DialogOpener, parent: QWidget | None = None, *, page_size: int = PAGE_SIZE
    ) -> None:
        super().__init__(parent)
        self.opener = opener
        self.context = context = opener.context
        self.tasks = context.tasks_for(self)
        self.batch: ClosedBatch | None = None
        self.bulk_dialog: BulkCloseDialog | None = None
        self._writing = False
        self.setWindowFlags(self.windowFlags() | Qt.WindowType.WindowMinMaxButtonsHint)
        self.resize(1280, 640)

        self.filters = WorklistFilters()
        self.filters.changed.connect(self._apply_filters)
        self.count_label = QLabel()
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        top = QHBoxLayout()
        top.addWidget(self.filters, 1)
        top.addWidget(self.count_label)

        self.model = ActionsTableModel(context, page_size=page_size, parent=self)
        self.table = self._table()
        self.empty_label = QLabel()
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)

        self.close_selected_button = QPushButton()
        self.close_selected_button.clicked.connect(self.close_selected)
        self.close_shown_button = QPushButton()
        self.close_shown_button.clicked.connect(self.close_shown)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.said = KeptText(self.message)
        self.undo_button = QPushButton()
        self.undo_button.clicked.connect(self.undo)
        self.undo_button.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        for widget in (self.close_selected_button, self.close_shown_button, self.message):
            bottom.addWidget(widget)
        bottom.addWidget(self.undo_button)
        bottom.addStretch(1)
        bottom.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bottom)
        # Enter opens the selected review: no button of this window takes it.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

        for signal in (
            self.model.loading_changed,
            self.model.count_changed,
            self.model.modelReset,
            self.model.rowsInserted,
        ):
            signal.connect(self._update_state)
        self.model.load_failed.connect(self._say)
        opener.actions_changed.connect(self.reload)
        opener.review_changed.connect(self.reload)
        # Another store opened: this list belonged to the one that closed.
        context.destroyed.connect(self.close)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        """Every text again in the language shown, those about the list from what it shows."""
        self.setWindowTitle(self.tr("Actions to take"))
        self.close_selected_button.setText(self.tr("Close selected…"))
        self.close_shown_button.setText(self.tr("Close all shown…"))
        self.close_shown_button.setToolTip(
            self.tr("Close every open action the filters show, loaded or not")
        )
        self.undo_button.setText(self.tr("Undo"))
        self.undo_button.setToolTip(self.tr("Reopen the actions just closed"))
        self.said.again()
        retranslate_model(self.model)
        self._update_state()

    def _table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in _COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        header.setSectionResizeMode(Column.COMMENT, QHeaderView.ResizeMode.Stretch)
        # The indicator first, so that enabling sorting does not ask for another order.
        header.setSortIndicator(self.model.sort_column(), Qt.SortOrder.DescendingOrder)
        table.setSortingEnabled(True)
        # Enter, or a double-click (a single click where the desktop opens items that way).
        table.activated.connect(self._open)
        table.selectionModel().selectionChanged.connect(self._update_buttons)
        return table

    # Loading ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the coach and class choices and the actions."""
        self.tasks.query(self.tr("the coaches"), coach_choices, self.filters.fill_coaches)
        self.tasks.query(self.tr("the classes"), class_choices, self.filters.fill_classes)
        self.reload()

    def reload(self, *_args: object) -> None:
        """The actions again with the same filters (ages count from today, which may be new)."""
        self.model.set_filters(self.filters.filters(self.context.today()), force=True)

    def _apply_filters(self) -> None:
        self.model.set_filters(self.filters.filters(self.context.today()))

    @property
    def busy(self) -> bool:
        """Something of this window is being read or written."""
        return self._writing or self.tasks.busy or self.model.busy

    # State --------------------------------------------------------------------------------
    def _update_state(self, *_args: object) -> None:
        self.count_label.setText(self._count_text())
        model = self.model
        empty = model.rowCount() == 0 and not model.loading and model.complete
        if empty:
            self.empty_label.setText(self._empty_text())
        self.stack.setCurrentWidget(self.empty_label if empty else self.table)
        self._update_buttons()

    def _count_text(self) -> str:
        count = self.model.count
        if count is None:
            return self.tr("Loading…")
        n = QLocale().toString(count)
        filters = self.model.filters()
        if filters.outcome is None and filters.state is ActionState.OPEN:
            return (
                self.tr("1 open action") if count == 1 else self.tr("{n} open actions").format(n=n)
            )
        if filters.outcome is None and filters.state is ActionState.ALL:
            return self.tr("1 action") if count == 1 else self.tr("{n} actions").format(n=n)
        return (
            self.tr("1 closed action") if count == 1 else self.tr("{n} closed actions").format(n=n)
        )

    def _empty_text(self) -> str:
        filters = self.model.filters()
        if not filters.narrows and filters.outcome is None and filters.state is ActionState.OPEN:
            return self.tr("Nothing to do: no review of 3 stars or fewer is open.")
        return self.tr("No action matches these filters.")

    def _update_buttons(self, *_args: object) -> None:
        filters = self.model.filters()
        may_show_open = filters.outcome is None and filters.state is not ActionState.CLOSED
        self.close_selected_button.setEnabled(not self._writing and bool(self.selected_open()))
        self.close_shown_button.setEnabled(
            not self._writing and may_show_open and bool(self.model.count)
        )
        self.undo_button.setEnabled(not self._writing)

    def _say(self, text: Callable[[], str]) -> None:
        self.said.say(text)

    # Opening ------------------------------------------------------------------------------
    def _open(self, index: QModelIndex) -> None:
        """A row opens its review, or the client's email that opened it (no review)."""
        review_id = index.data(ReviewIdRole)
        inbound_id = index.data(InboundIdRole)
        if isinstance(review_id, int):
            self.opener.open_review(review_id)
        elif isinstance(inbound_id, int):
            self.opener.open_inbound(inbound_id)

    # Closing in bulk ----------------------------------------------------------------------
    def selected_open(self) -> list[int]:
        """The open actions among the selected rows."""
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return [
            self.model.row(row).action_id for row in sorted(rows) if self.model.row(row).is_open
        ]

    def close_selected(self) -> None:
        self._confirm(self.selected_open())

    def close_shown(self) -> None:
        """Every open action the filters show, including rows not loaded yet."""
        filters = self.model.filters()
        self.tasks.query(
            self.tr("the actions shown"),
            lambda session: open_action_ids(session, filters),
            self._confirm,
            lambda error: self._say(
                lambda: self.tr("Could not read the actions shown: {why}").format(
                    why=describe_error(error)
                )
            ),
        )

    def _confirm(self, action_ids: list[int]) -> None:
        if not action_ids:
            self._say(lambda: self.tr("None of these actions is open."))
            return
        dialog = BulkCloseDialog(len(action_ids), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self._close(action_ids, dialog.chosen_outcome, dialog.note_text)
        )
        dialog.finished.connect(self._forget_question)
        self.bulk_dialog = dialog
        dialog.open()

    def _forget_question(self, _result: int) -> None:
        self.bulk_dialog = None  # it deletes itself once closed

    def _close(self, action_ids: list[int], outcome: ActionOutcome, note: str | None) -> None:
        at, actor = self.context.clock.now(), default_actor()
        self._start_writing(lambda: self.tr("Closing…"))
        self.tasks.write(
            self.tr("closing the actions"),
            lambda session: close_actions(session, action_ids, outcome, note, at=at, actor=actor),
            lambda closed: self._closed(ClosedBatch(tuple(closed), outcome, at)),
            self._failed,
        )

    def _closed(self, batch: ClosedBatch) -> None:
        count = len(batch.action_ids)
        self.batch = batch if count else None
        self.undo_button.setVisible(bool(count))

        def text() -> str:
            if count == 0:
                return self.tr("Nothing closed: these actions were closed meanwhile.")
            if count == 1:
                return self.tr("1 action closed.")
            return self.tr("{n} actions closed.").format(n=QLocale().toString(count))

        self._changed(text)

    def undo(self) -> None:
        """Reopen what the last bulk close closed (those changed since are left alone)."""
        batch = self.batch
        if batch is None or self._writing:
            return
        at, actor = self.context.clock.now(), default_actor()
        self._start_writing(lambda: self.tr("Reopening…"))
        self.tasks.write(
            self.tr("reopening the actions"),
            lambda session: reopen_actions(
                session,
                batch.action_ids,
                closed_at=batch.closed_at,
                outcome=batch.outcome,
                at=at,
                actor=actor,
            ),
            lambda reopened: self._reopened(batch, reopened),
            self._failed,
        )

    def _reopened(self, batch: ClosedBatch, reopened: list[int]) -> None:
        self.batch = None
        self.undo_button.hide()
        count, closed = len(reopened), len(batch.action_ids)

        def text() -> str:
            if count == closed:
                return (
                    self.tr("1 action reopened.")
                    if count == 1
                    else self.tr("{n} actions reopened.").format(n=QLocale().toString(count))
                )
            partly = self.tr("{n} of the {closed} actions reopened; the others changed since.")
            return partly.format(n=QLocale().toString(count), closed=QLocale().toString(closed))

        self._changed(text)

    def _start_writing(self, text: Callable[[], str]) -> None:
        self._writing = True
        self._say(text)
        self._update_buttons()

    def _changed(self, text: Callable[[], str]) -> None:
        self._writing = False
        self._say(text)
        self.opener.status_message.emit(text)
        self._update_buttons()
        self.opener.actions_changed.emit()

    def _failed(self, error: BaseException) -> None:
        self._writing = False

        def text() -> str:
            return self.tr("Not saved: {why}").format(why=describe_error(error))

        self._say(text)
        self.opener.status_message.emit(text)
        self._update_buttons()
