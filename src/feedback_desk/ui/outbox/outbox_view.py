"""The Outbox view: every message, newest first, loaded a page at a time on the window's workers;
staff retry failed messages, cancel waiting ones, and resolve uncertain ones (it arrived / send it
again). A reload keeps the rows shown until the new first page arrives; a page that answers after
a newer reload (another filter, another change) is dropped."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from feedback_desk.domain.kinds import OutboxState
from feedback_desk.domain.localtime import to_local
from feedback_desk.services.outbox.staff import OutboxRow, page
from feedback_desk.ui.context import WindowContext, describe_error

PAGE_SIZE = 200
Index = QModelIndex | QPersistentModelIndex


class OutboxModel(QAbstractTableModel):
    """Rows fetched lazily (keyset pages of 200, each read on a worker) as the view scrolls."""

    COLUMNS = ("Created", "Kind", "To", "Subject", "State", "Attempts", "Next attempt", "Error")
    loaded = Signal()  # a page (the first of a reload, or a further one) is shown
    load_failed = Signal(object)  # the exception of a page that could not be read

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._tasks = context.tasks_for(self)
        self._rows: list[OutboxRow] = []
        self._states: tuple[OutboxState, ...] = ()
        self._exhausted = True  # until the first page says otherwise
        self._generation = 0  # of reloads: a page read for an older one is dropped
        self._reloading = False
        self._fetching = False

    @property
    def loading(self) -> bool:
        """A page is being read."""
        return self._reloading or self._fetching

    def set_states(self, states: tuple[OutboxState, ...]) -> None:
        self._states = states
        self.reload()

    def reload(self) -> None:
        """Read the first page again (the rows shown stay until it arrives)."""
        self._generation += 1
        self._reloading = True
        self._fetching = False
        self._read_page(self._generation, before=None)

    def _read_page(self, generation: int, before: int | None) -> None:
        states = self._states
        self._tasks.query(
            self.tr("the outbox"),
            lambda session: page(session, states=states, before_id=before, limit=PAGE_SIZE),
            lambda rows: self._page_read(generation, before, rows),
            lambda exc: self._page_failed(generation, exc),
        )

    def _page_read(self, generation: int, before: int | None, rows: list[OutboxRow]) -> None:
        if generation != self._generation:
            return
        self._exhausted = len(rows) < PAGE_SIZE
        if before is None:
            self._reloading = False
            self.beginResetModel()
            self._rows = list(rows)
            self.endResetModel()
        else:
            self._fetching = False
            if rows:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
                self._rows.extend(rows)
                self.endInsertRows()
        self.loaded.emit()

    def _page_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._reloading = self._fetching = False
        self._exhausted = True  # no retry loop from the view; Refresh tries again
        self.load_failed.emit(exc)

    def row_at(self, row: int) -> OutboxRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent: Index) -> bool:
        return (
            not parent.isValid() and not self._exhausted and not self.loading and bool(self._rows)
        )

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        self._read_page(self._generation, before=self._rows[-1].id)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.COLUMNS[section])
        return None

    def _when(self, value: Any) -> str:
        if value is None:
            return ""
        return to_local(value, self._context.tz).strftime("%Y-%m-%d %H:%M")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            waiting = row.state is OutboxState.QUEUED
            values = (
                self._when(row.created_at),
                row.kind.value,
                row.recipients,
                row.subject,
                row.state.value,
                str(row.attempts),
                self._when(row.next_attempt_at) if waiting else self._when(row.sent_at),
                (row.last_error or "").splitlines()[0] if row.last_error else "",
            )
            return values[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and row.last_error:
            return row.last_error
        return None


class OutboxView(QWidget):
    """The table, a state filter, and staff's actions on the selected message."""

    changed = Signal()  # staff changed a message: the status bar should refresh its counts
    FILTERS: tuple[tuple[str, tuple[OutboxState, ...]], ...] = (
        ("All messages", ()),
        ("Needs attention (failed, uncertain)", (OutboxState.FAILED, OutboxState.UNCERTAIN)),
        ("Waiting to be sent", (OutboxState.QUEUED, OutboxState.SENDING)),
        ("Sent", (OutboxState.SENT,)),
        ("Cancelled", (OutboxState.CANCELLED,)),
    )

    def __init__(
        self,
        context: WindowContext,
        parent: QWidget | None = None,
        *,
        actor: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = context.clock
        self._actor = actor
        self._tasks = context.tasks_for(self)
        self._select_when_loaded: int | None = None  # a message just changed by staff
        self.model = OutboxModel(context, self)
        self.model.loaded.connect(self._page_shown)
        self.model.load_failed.connect(self._load_failed)

        self.filter = QComboBox(self)
        for label, _states in self.FILTERS:
            self.filter.addItem(self.tr(label))
        self.filter.currentIndexChanged.connect(self._filter_changed)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)

        self.retry_button = QPushButton(self.tr("Retry"), self)
        self.cancel_button = QPushButton(self.tr("Cancel message"), self)
        self.sent_button = QPushButton(self.tr("It arrived: mark sent"), self)
        self.requeue_button = QPushButton(self.tr("It did not arrive: send again"), self)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)

        from feedback_desk.services.outbox import staff

        self.retry_button.clicked.connect(lambda: self._act(staff.retry))
        self.cancel_button.clicked.connect(lambda: self._act(staff.cancel))
        self.sent_button.clicked.connect(lambda: self._act(staff.resolve_as_sent))
        self.requeue_button.clicked.connect(lambda: self._act(staff.resolve_by_requeueing))
        self.refresh_button.clicked.connect(self.reload)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show:"), self))
        top.addWidget(self.filter)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        buttons = QHBoxLayout()
        for button in (
            self.retry_button,
            self.cancel_button,
            self.sent_button,
            self.requeue_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.reload()

    def reload(self) -> None:
        self.model.set_states(self.FILTERS[self.filter.currentIndex()][1])
        self._update_buttons()

    def _filter_changed(self, _index: int) -> None:
        self.reload()

    def selected(self) -> OutboxRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_message(self, message_id: int) -> bool:
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).id == message_id:
                self.table.selectRow(row)
                return True
        return False

    def _update_buttons(self, *_args: object) -> None:
        row = self.selected()
        state = row.state if row is not None else None
        self.retry_button.setEnabled(state is OutboxState.FAILED)
        self.cancel_button.setEnabled(
            state in (OutboxState.QUEUED, OutboxState.FAILED, OutboxState.UNCERTAIN)
        )
        self.sent_button.setEnabled(state is OutboxState.UNCERTAIN)
        self.requeue_button.setEnabled(state is OutboxState.UNCERTAIN)
        if row is not None and row.last_error:
            self.status.setText(row.last_error)
        elif row is None:
            self.status.clear()

    def _page_shown(self) -> None:
        if self._select_when_loaded is not None:
            self.select_message(self._select_when_loaded)
            self._select_when_loaded = None

    def _load_failed(self, error: BaseException) -> None:
        self.status.setText(
            self.tr("The outbox could not be read: {why}").format(why=describe_error(error))
        )

    def _act(self, action: Callable[..., Any]) -> None:
        from feedback_desk.services.audit import default_actor

        row = self.selected()
        if row is None:
            return
        message_id = row.id
        at, actor = self._clock.now(), self._actor or default_actor()
        self._tasks.write(
            self.tr("the message"),
            lambda session: action(session, message_id, at=at, actor=actor),
            lambda _result: self._acted(message_id),
            self._failed,
        )

    def _acted(self, message_id: int) -> None:
        self._select_when_loaded = message_id
        self.reload()
        self.changed.emit()

    def _failed(self, error: BaseException) -> None:
        self.status.setText(describe_error(error))
        self.reload()
