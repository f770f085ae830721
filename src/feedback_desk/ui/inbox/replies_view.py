"""Clients → Replies to read…: the clients' emails read from the inbox that staff have not
handled yet (or every one), newest first, read on a worker; the chosen one in full beside the
list, as plain text, to answer, mark handled or follow to its client, review or action.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QItemSelection, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from feedback_desk.services.inbox.listing import InboundEntry
from feedback_desk.ui.context import describe_error
from feedback_desk.ui.formatting import format_instant
from feedback_desk.ui.inbox.message_panel import InboundPanel, about_name
from feedback_desk.ui.models.rows_model import ROW_KEY_ROLE, Row, RowsModel
from feedback_desk.ui.retranslating import KeptText, Retranslating, retranslate_model

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from feedback_desk.ui.dialogs.opener import DialogOpener

# The newest this many; the count above the list says how many wait in all.
LIST_LIMIT = 500


@dataclass(frozen=True)
class _Loaded:
    tz: ZoneInfo
    entries: list[InboundEntry]
    unhandled: int


class RepliesView(Retranslating, QWidget):
    loaded = Signal()  # the list shows the store's current replies
    check_requested = Signal()  # "Check the mailbox now"
    handled_changed = Signal()  # a reply was handled or answered: the status count changes

    def __init__(self, opener: DialogOpener, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.opener = opener
        self.context = opener.context
        self.tasks = self.context.tasks_for(self)
        self.entries: dict[int, InboundEntry] = {}
        self._tz = self.context.tz
        self._generation = 0
        self._loaded: _Loaded | None = None

        self.count_label = QLabel()
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.show_handled = QCheckBox()
        self.show_handled.toggled.connect(self.reload)
        self.check_button = QPushButton()
        self.check_button.clicked.connect(self.check_requested)
        top = QHBoxLayout()
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(self.show_handled)
        top.addWidget(self.check_button)

        self.model = RowsModel(
            lambda: [
                self.tr("Received"),
                self.tr("Client"),
                self.tr("Answers"),
                self.tr("Subject"),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.panel = InboundPanel(opener)
        self.panel.changed.connect(self._changed)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.said = KeptText(self.message)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        opener.actions_changed.connect(self.reload)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        """Every text again in the language shown, the list's from the list shown."""
        self.show_handled.setText(self.tr("Show handled replies too"))
        self.check_button.setText(self.tr("Check the mailbox now"))
        self.said.again()
        retranslate_model(self.model)
        if self._loaded is not None:
            self._say_list(self._loaded)

    @property
    def busy(self) -> bool:
        return self.tasks.busy or self.panel.tasks.busy

    def reload(self, *_args: object) -> None:
        """Read the list again; the email shown stays chosen when it is still listed."""
        self._generation += 1
        generation = self._generation
        everything = self.show_handled.isChecked()

        def read(session: Session) -> _Loaded:
            from feedback_desk.services.inbox.listing import count_unhandled, list_inbound
            from feedback_desk.services.settings import load_settings

            return _Loaded(
                load_settings(session).timezone,
                list_inbound(session, include_handled=everything, limit=LIST_LIMIT),
                count_unhandled(session),
            )

        self.tasks.query(
            self.tr("the replies to read"),
            read,
            lambda loaded: self._show(generation, loaded),
            self._failed,
        )

    def _failed(self, error: BaseException) -> None:
        self.said.say(
            lambda: self.tr("Could not read the replies: {why}").format(why=describe_error(error))
        )

    def _show(self, generation: int, loaded: _Loaded) -> None:
        if generation != self._generation:
            return
        self._tz = loaded.tz
        self._loaded = loaded
        self.entries = {entry.id: entry for entry in loaded.entries}
        if not self._say_list(loaded) and loaded.entries:
            self.table.selectRow(0)
        elif not loaded.entries:
            self.panel.show_entry(None, self._tz)
        self.table.resizeColumnsToContents()
        self.loaded.emit()

    def _say_list(self, loaded: _Loaded) -> bool:
        """The list's rows and count in the language shown; whether the email shown before is
        still listed (then chosen again)."""
        chosen = self.panel.entry.id if self.panel.entry is not None else None
        self.model.set_rows([self._row(entry) for entry in loaded.entries])
        self.count_label.setText(self._count_text(loaded.unhandled))
        rows = [entry.id for entry in loaded.entries]
        if chosen in rows:
            self.table.selectRow(rows.index(chosen))
            return True
        return False

    def _count_text(self, unhandled: int) -> str:
        if unhandled == 0:
            return self.tr("No reply to read.")
        if unhandled == 1:
            return self.tr("1 reply to read")
        return self.tr("{n} replies to read").format(n=QLocale().toString(unhandled))

    def _row(self, entry: InboundEntry) -> Row:
        received = format_instant(entry.received_at, self._tz)
        if entry.handled:
            received = self.tr("{when} (handled)").format(when=received)
        client = entry.client_name or entry.from_address
        return Row(
            [received, client, about_name(entry.about), entry.subject],
            key=entry.id,
            tooltip=f"{entry.subject}\n\n{entry.text[:1000]}",
        )

    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        entry = self.entries.get(indexes[0].data(ROW_KEY_ROLE)) if indexes else None
        if entry is not None:
            self.panel.show_entry(entry, self._tz)

    def _changed(self) -> None:
        self.handled_changed.emit()
        self.reload()
