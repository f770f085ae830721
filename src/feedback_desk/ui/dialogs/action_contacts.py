"""An action's contacts with the client (docs/rules.md#contacts-and-follow-ups): the log, a form
to add one, and "Send follow-up…" to tell the client what changed.

    dialog = ActionContactsDialog(context, action_id, parent=window)
    dialog.follow_up_queued.connect(outbox_worker.send_now)
    dialog.open()
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDateTime,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from feedback_desk.domain.kinds import ContactChannel
from feedback_desk.domain.localtime import local_to_utc, to_local
from feedback_desk.services.loop import ContactEntry
from feedback_desk.ui import i18n
from feedback_desk.ui.context import WindowContext, describe_error
from feedback_desk.ui.formatting import format_day, format_instant, stars_text

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from feedback_desk.ui.dialogs.compose_email import ComposeEmailDialog

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class _Loaded:
    tz: ZoneInfo
    # The review's client name and id, stars, day and comment; None when the action is gone.
    review: tuple[str, str, int, date, str | None] | None
    has_email: bool
    rows: list[ContactEntry]


CHANNEL_LABELS = {
    ContactChannel.PHONE: QT_TRANSLATE_NOOP("ContactChannels", "Phone"),
    ContactChannel.EMAIL: QT_TRANSLATE_NOOP("ContactChannels", "Email"),
    ContactChannel.IN_PERSON: QT_TRANSLATE_NOOP("ContactChannels", "In person"),
    ContactChannel.SMS: QT_TRANSLATE_NOOP("ContactChannels", "Text message"),
    ContactChannel.OTHER: QT_TRANSLATE_NOOP("ContactChannels", "Other"),
}


class ContactsModel(QAbstractTableModel):
    COLUMNS = (
        QT_TRANSLATE_NOOP("ContactsModel", "When"),
        QT_TRANSLATE_NOOP("ContactsModel", "Channel"),
        QT_TRANSLATE_NOOP("ContactsModel", "Note"),
        QT_TRANSLATE_NOOP("ContactsModel", "Staff"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ContactEntry] = []
        self._tz: Any = None

    def set_rows(self, rows: list[ContactEntry], tz: Any) -> None:
        self.beginResetModel()
        self._rows, self._tz = rows, tz
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        row = self._rows[index.row()]
        when = format_instant(row.contacted_at, self._tz) if self._tz else ""
        values = (
            when,
            QCoreApplication.translate("ContactChannels", CHANNEL_LABELS[row.channel]),
            row.note or "",
            row.staff,
        )
        return values[index.column()]


class ActionContactsDialog(QDialog):
    follow_up_queued = Signal(int)  # the outbox message's id
    contact_added = Signal()

    loaded = Signal()  # the contacts are shown (after opening and after each change)

    def __init__(
        self,
        context: WindowContext,
        action_id: int,
        parent: QWidget | None = None,
        *,
        actor: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._tasks = context.tasks_for(self)
        self._action_id = action_id
        self._actor = actor
        self._tz: ZoneInfo | None = None
        self.setWindowTitle(self.tr("Contacts with the client"))
        self.resize(680, 520)

        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.model = ContactsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        self.when_edit = QDateTimeEdit(self)
        self.when_edit.setCalendarPopup(True)
        self.when_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.channel_combo = QComboBox(self)
        for channel, label in CHANNEL_LABELS.items():
            self.channel_combo.addItem(
                QCoreApplication.translate("ContactChannels", label), channel.value
            )
        self.note_edit = QLineEdit(self)
        self.note_edit.setPlaceholderText(self.tr("What was said, what was agreed"))
        self.add_button = QPushButton(self.tr("Add contact"), self)
        self.add_button.clicked.connect(self.add_contact)
        self.follow_up_button = QPushButton(self.tr("Send follow-up…"), self)
        self.follow_up_button.clicked.connect(self.open_follow_up)
        self.follow_up_button.setEnabled(False)
        self.add_button.setEnabled(False)
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)

        form_box = QGroupBox(self.tr("New contact"), self)
        form = QFormLayout(form_box)
        form.addRow(self.tr("When:"), self.when_edit)
        form.addRow(self.tr("Channel:"), self.channel_combo)
        form.addRow(self.tr("Note:"), self.note_edit)
        form.addRow(self.add_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, Qt.Orientation.Horizontal)
        close.rejected.connect(self.reject)
        close.addButton(self.follow_up_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(form_box)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.reload()

    def reload(self) -> None:
        """Read the action and its contacts on a worker."""
        action_id = self._action_id

        def read(session: Session) -> _Loaded:
            from feedback_desk.services.loop import contacts
            from feedback_desk.services.settings import load_settings
            from feedback_desk.store.models import Action

            tz = load_settings(session).timezone
            action = session.get(Action, action_id)
            if action is None:
                return _Loaded(tz, None, False, contacts(session, action_id))
            review, client = action.review, action.review.client
            about = (client.full_name, client.external_id, review.stars, review.local_day)
            return _Loaded(
                tz, (*about, review.comment), bool(client.email), contacts(session, action_id)
            )

        self._tasks.query(self.tr("the contacts"), read, self._show)

    def _show(self, loaded: _Loaded) -> None:
        self._tz = loaded.tz
        if loaded.review is not None:
            name, client, stars, day, comment = loaded.review
            self.summary.setText(
                i18n.fill(
                    self.tr("%1 (%2): %3 on %4.%5"),
                    name,
                    client,
                    stars_text(stars),
                    format_day(day),
                    f" “{comment}”" if comment else "",
                )
            )
        self.follow_up_button.setEnabled(loaded.has_email)
        self.model.set_rows(loaded.rows, loaded.tz)
        now = to_local(self._context.clock.now(), loaded.tz).replace(tzinfo=None)
        self.when_edit.setMaximumDateTime(QDateTime(now))
        self.when_edit.setDateTime(QDateTime(now))
        self.add_button.setEnabled(True)
        self.loaded.emit()

    def add_contact(self) -> None:
        from feedback_desk.services.audit import default_actor
        from feedback_desk.services.loop import add_contact

        if self._tz is None:
            return  # the form is off until the action has loaded
        when = local_to_utc(self.when_edit.dateTime().toPython(), self._tz)  # type: ignore[arg-type]
        channel = ContactChannel(self.channel_combo.currentData())
        note = self.note_edit.text()
        clock, action_id, staff = self._context.clock, self._action_id, self._actor

        def change(session: Session) -> None:
            add_contact(
                session,
                action_id,
                contacted_at=min(when, clock.now()),
                channel=channel,
                note=note,
                staff=staff or default_actor(),
                at=clock.now(),
            )

        self.add_button.setEnabled(False)
        self._tasks.write(self.tr("the contact"), change, self._added, self._refused)

    def _added(self, _result: object) -> None:
        self.note_edit.clear()
        self.message.setText(self.tr("Contact added."))
        self.add_button.setEnabled(True)
        self.reload()
        self.contact_added.emit()

    def _refused(self, error: BaseException) -> None:
        self.message.setText(describe_error(error))
        self.add_button.setEnabled(True)

    def open_follow_up(self) -> ComposeEmailDialog:
        from feedback_desk.ui.dialogs.compose_email import ComposeEmailDialog

        dialog = ComposeEmailDialog.for_follow_up(self._context, self._action_id, self)
        dialog.queued.connect(self._follow_up_queued)
        dialog.open()
        return dialog

    def _follow_up_queued(self, message_id: int) -> None:
        self.reload()
        self.message.setText(self.tr("Follow-up queued; it is logged as an email contact."))
        self.follow_up_queued.emit(message_id)
