"""One client's email read from the inbox, in its own dialog: what an action opened by a reply
(it has no review) opens from the Actions lists and the client card."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from feedback_desk.ui.context import describe_error
from feedback_desk.ui.inbox.message_panel import InboundPanel
from feedback_desk.ui.retranslating import Retranslating

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from sqlalchemy.orm import Session

    from feedback_desk.services.inbox.listing import InboundEntry
    from feedback_desk.ui.dialogs.opener import DialogOpener


class InboundMessageDialog(Retranslating, QDialog):
    loaded = Signal()  # the email is shown (after opening and after each change)

    def __init__(
        self, opener: DialogOpener, inbound_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.inbound_id = inbound_id
        self.tasks = opener.context.tasks_for(self)
        self._found = True
        self.resize(720, 520)
        self.panel = InboundPanel(opener, self)
        self.panel.changed.connect(self.reload)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addWidget(buttons)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        self.setWindowTitle(
            self.tr("Client's email") if self._found else self.tr("Email not found")
        )

    def reload(self) -> None:
        inbound_id = self.inbound_id

        def read(session: Session) -> tuple[ZoneInfo, InboundEntry | None]:
            from feedback_desk.services.inbox.listing import list_inbound
            from feedback_desk.services.settings import load_settings

            found = list_inbound(session, include_handled=True, inbound_id=inbound_id)
            return load_settings(session).timezone, found[0] if found else None

        self.tasks.query(self.tr("the email"), read, self._show, self._failed)

    def _show(self, loaded: tuple[ZoneInfo, InboundEntry | None]) -> None:
        tz, entry = loaded
        self._found = entry is not None
        self.retranslate()
        self.panel.show_entry(entry, tz)
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self.panel.said.say(lambda: describe_error(error))
        self.loaded.emit()
