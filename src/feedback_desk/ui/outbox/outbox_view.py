"""The Outbox view: every message, newest first, loaded a page at a time; staff retry failed
messages, cancel waiting ones, and resolve uncertain ones (it arrived / send it again)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QCloseEvent
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

from feedback_desk.clock import Clock
from feedback_desk.domain.kinds import OutboxState
from feedback_desk.domain.localtime import to_local
from feedback_desk.services.outbox.staff import OutboxRow, page
from feedback_desk.store.database import Store
from feedback_desk.workers.tasks import TaskRunner

PAGE_SIZE = 200
Index = QModelIndex | QPersistentModelIndex


class OutboxModel(QAbstractTableModel):
    """Rows fetched lazily (keyset pages of 200) as the view scrolls."""

    COLUMNS = ("Created", "Kind", "To", "Subject", "State", "Attempts", "Next attempt", "Error")

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._rows: list[OutboxRow] = []
        self._states: tuple[OutboxState, ...] = ()
        self._exhausted = False
        self._tz = None

    def set_states(self, states: tuple[OutboxState, ...]) -> None:
        self._states = states
        self.reload()

    def reload(self) -> None:
        from feedback_desk.services.settings import load_settings

        with self._store.read() as session:
            self._tz = load_settings(session).timezone
        self.beginResetModel()
        self._rows = []
        self._exhausted = False
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def row_at(self, row: int) -> OutboxRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or self._exhausted:
            return
        before = self._rows[-1].id if self._rows else None
        with self._store.read() as session:
            more = page(session, states=self._states, before_id=before, limit=PAGE_SIZE)
        if len(more) < PAGE_SIZE:
            self._exhausted = True
        if more:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.COLUMNS[section])
        return None

    def _when(self, value: Any) -> str:
        if value is None or self._tz is None:
            return ""
        return to_local(value, self._tz).strftime("%Y-%m-%d %H:%M")

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
        store: Store,
        clock: Clock,
        parent: QWidget | None = None,
        *,
        actor: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._clock = clock
        self._actor = actor
        self._runner = TaskRunner(self)
        self.model = OutboxModel(store, self)

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

    def closeEvent(self, event: QCloseEvent) -> None:
        self._runner.shutdown()
        super().closeEvent(event)

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

    def _act(self, action: Callable[..., Any]) -> None:
        row = self.selected()
        if row is None:
            return
        message_id = row.id

        def work(_progress: object) -> None:
            from feedback_desk.services.audit import default_actor

            with self._store.write() as session:
                action(
                    session, message_id, at=self._clock.now(), actor=self._actor or default_actor()
                )

        self._runner.run(
            work,
            name="outbox-action",
            on_done=lambda _r: self._acted(message_id),
            on_error=self._failed,
        )

    def _acted(self, message_id: int) -> None:
        self.reload()
        self.select_message(message_id)
        self.changed.emit()

    def _failed(self, error: BaseException) -> None:
        self.status.setText(str(error))
        self.reload()
