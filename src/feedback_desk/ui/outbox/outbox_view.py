"""The Outbox view: every message, newest first, loaded a page at a time on the window's workers;
staff retry failed messages, cancel waiting ones, and resolve uncertain ones (it arrived / send it
again), and open one (double-click) to read it. A reload keeps the rows shown until the new first
page arrives; a page that answers after a newer reload (another filter, another change) is
dropped. An empty list says so in words; while email is not set up, a banner says that messages
wait here and offers Settings → Email."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from feedback_desk.domain.kinds import OutboxState
from feedback_desk.services.email.config import smtp_configured
from feedback_desk.services.outbox.staff import OutboxRow, page
from feedback_desk.ui.context import WindowContext, describe_error
from feedback_desk.ui.formatting import format_instant
from feedback_desk.ui.outbox.names import kind_name, state_name
from feedback_desk.ui.retranslating import (
    KeptText,
    Retranslating,
    retranslate_model,
    set_item_texts,
)

PAGE_SIZE = 200
Index = QModelIndex | QPersistentModelIndex
CREATED, KIND, TO, SUBJECT, STATE, ATTEMPTS, WHEN, ERROR = range(8)


class OutboxModel(QAbstractTableModel):
    """Rows fetched lazily (keyset pages of 200, each read on a worker) as the view scrolls."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("OutboxModel", "Queued"),
        QT_TRANSLATE_NOOP("OutboxModel", "Kind"),
        QT_TRANSLATE_NOOP("OutboxModel", "To"),
        QT_TRANSLATE_NOOP("OutboxModel", "Subject"),
        QT_TRANSLATE_NOOP("OutboxModel", "State"),
        QT_TRANSLATE_NOOP("OutboxModel", "Attempts"),
        QT_TRANSLATE_NOOP("OutboxModel", "Sent or next try"),
        QT_TRANSLATE_NOOP("OutboxModel", "Last error"),
    )
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
            return QCoreApplication.translate("OutboxModel", self.COLUMNS[section])
        return None

    def _when(self, value: Any) -> str:
        """In the studio's time, the month named in the interface language."""
        return "" if value is None else format_instant(value, self._context.tz)

    def _values(self, row: OutboxRow) -> tuple[str, ...]:
        waiting = row.state is OutboxState.QUEUED
        return (
            self._when(row.created_at),
            kind_name(row.kind),
            row.recipients,
            row.subject,
            state_name(row.state),
            str(row.attempts),
            self._when(row.next_attempt_at) if waiting else self._when(row.sent_at),
            (row.last_error or "").splitlines()[0] if row.last_error else "",
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._values(row)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            # The whole value, whatever the column's width elides.
            if index.column() == ERROR:
                return row.last_error or None
            return self._values(row)[index.column()] or None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == ATTEMPTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class OutboxView(Retranslating, QWidget):
    """The table, a state filter, and staff's actions on the selected message."""

    changed = Signal()  # staff changed a message: the status bar should refresh its counts
    setup_requested = Signal()  # "Set up email…": the window opens Settings → Email
    # A filter's name, its states, and what an empty list of it says.
    FILTERS: tuple[tuple[str, tuple[OutboxState, ...], str], ...] = (
        (
            QT_TRANSLATE_NOOP("OutboxView", "All messages"),
            (),
            QT_TRANSLATE_NOOP("OutboxView", "The outbox is empty."),
        ),
        (
            QT_TRANSLATE_NOOP("OutboxView", "Needs attention (failed, uncertain)"),
            (OutboxState.FAILED, OutboxState.UNCERTAIN),
            QT_TRANSLATE_NOOP("OutboxView", "Nothing needs attention."),
        ),
        (
            QT_TRANSLATE_NOOP("OutboxView", "Waiting to be sent"),
            (OutboxState.QUEUED, OutboxState.SENDING),
            QT_TRANSLATE_NOOP("OutboxView", "Nothing is waiting to be sent."),
        ),
        (
            QT_TRANSLATE_NOOP("OutboxView", "Sent"),
            (OutboxState.SENT,),
            QT_TRANSLATE_NOOP("OutboxView", "No message has been sent yet."),
        ),
        (
            QT_TRANSLATE_NOOP("OutboxView", "Cancelled"),
            (OutboxState.CANCELLED,),
            QT_TRANSLATE_NOOP("OutboxView", "No message was cancelled."),
        ),
    )

    def __init__(
        self,
        context: WindowContext,
        parent: QWidget | None = None,
        *,
        actor: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._clock = context.clock
        self._actor = actor
        self._tasks = context.tasks_for(self)
        self._select_when_loaded: int | None = None  # a message just changed by staff
        self.message_dialog: QDialog | None = None
        self.model = OutboxModel(context, self)
        self.model.loaded.connect(self._page_shown)
        self.model.load_failed.connect(self._load_failed)

        self.setup_banner = QFrame(self)
        self.setup_banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.setup_label = QLabel(self.setup_banner)
        self.setup_label.setWordWrap(True)
        self.setup_button = QPushButton(self.setup_banner)
        self.setup_button.clicked.connect(self.setup_requested)
        banner = QHBoxLayout(self.setup_banner)
        banner.addWidget(self.setup_label, 1)
        banner.addWidget(self.setup_button)

        self.filter = QComboBox(self)
        for _label, _states, _empty in self.FILTERS:
            self.filter.addItem("")
        self.filter.currentIndexChanged.connect(self._filter_changed)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)  # the tooltip has it all
        self.table.verticalHeader().setVisible(False)
        self._size_columns()
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda index: self.open_message(index.row()))
        self.model.modelReset.connect(self._update_buttons)
        self.empty_label = QLabel(self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.list_stack = QStackedWidget(self)
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty_label)

        self.retry_button = QPushButton(self)
        self.cancel_button = QPushButton(self)
        self.sent_button = QPushButton(self)
        self.requeue_button = QPushButton(self)
        self.refresh_button = QPushButton(self)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status_said = KeptText(self.status)

        from feedback_desk.services.outbox import staff

        self.retry_button.clicked.connect(lambda: self._act(staff.retry))
        self.cancel_button.clicked.connect(lambda: self._act(staff.cancel))
        self.sent_button.clicked.connect(lambda: self._act(staff.resolve_as_sent))
        self.requeue_button.clicked.connect(lambda: self._act(staff.resolve_by_requeueing))
        self.refresh_button.clicked.connect(self.reload)

        top = QHBoxLayout()
        self.show_label = QLabel(self)
        top.addWidget(self.show_label)
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
        layout.addWidget(self.setup_banner)
        layout.addLayout(top)
        layout.addWidget(self.list_stack, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        context.settings_changed.connect(self._show_setup)
        self.retranslate()
        self._show_setup()
        self.reload()

    def retranslate(self) -> None:
        """Every text again in the language shown, the messages' from the rows shown."""
        self.setup_label.setText(self.tr("Email is not set up: messages wait in the outbox."))
        self.setup_button.setText(self.tr("Set up email…"))
        self.show_label.setText(self.tr("Show:"))
        set_item_texts(
            self.filter,
            [QCoreApplication.translate("OutboxView", label) for label, _, _ in self.FILTERS],
        )
        self.retry_button.setText(self.tr("Retry"))
        self.cancel_button.setText(self.tr("Cancel message"))
        self.sent_button.setText(self.tr("It arrived: mark sent"))
        self.requeue_button.setText(self.tr("It did not arrive: send again"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.status_said.again()
        retranslate_model(self.model)
        self._show_empty()

    def _size_columns(self) -> None:
        """Dates, kinds, states and counts as wide as their text; the subject takes the rest;
        addresses and errors a readable width, elided (their tooltip shows them whole)."""
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        metrics = self.table.fontMetrics()
        for column in (CREATED, KIND, STATE, ATTEMPTS, WHEN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SUBJECT, QHeaderView.ResizeMode.Stretch)
        for column, sample in ((TO, "first.last@example.com"), (ERROR, "x" * 22)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, metrics.horizontalAdvance(sample))

    def _show_setup(self) -> None:
        """The banner while no mail server or no sender is set."""
        self.setup_banner.setVisible(not smtp_configured(self._context.settings))

    def _show_empty(self) -> None:
        empty = self.model.rowCount() == 0 and not self.model.loading
        text = self.FILTERS[self.filter.currentIndex()][2]
        self.empty_label.setText(QCoreApplication.translate("OutboxView", text))
        self.list_stack.setCurrentWidget(self.empty_label if empty else self.table)

    def open_message(self, row: int) -> QDialog:
        """The message at *row*, read-only, in its own window."""
        from feedback_desk.ui.outbox.message_dialog import MessageDialog

        dialog = MessageDialog(self._context, self.model.row_at(row).id, self)
        self.message_dialog = dialog
        dialog.open()
        return dialog

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
            error = row.last_error  # the server's words, in its language
            self.status_said.say(lambda: error)
        elif row is None:
            self.status_said.clear()

    def _page_shown(self) -> None:
        self._show_empty()
        if self._select_when_loaded is not None:
            self.select_message(self._select_when_loaded)
            self._select_when_loaded = None

    def _load_failed(self, error: BaseException) -> None:
        self.status_said.say(
            lambda: self.tr("The outbox could not be read: {why}").format(why=describe_error(error))
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
        self.status_said.say(lambda: describe_error(error))
        self.reload()
