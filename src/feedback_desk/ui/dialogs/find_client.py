"""Clients → Find client…: any client by part of their name or member id (accents and case
ignored), their email consent at a glance, and staff's "mark as unsubscribed" (or the undo, when
the client asks for the studio's emails again). Opens the client card."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from feedback_desk.services.client_search import ClientMatch
from feedback_desk.services.consent import ConsentState
from feedback_desk.services.progress import Progress
from feedback_desk.ui.context import WindowContext
from feedback_desk.ui.formatting import count_text, format_instant

CLIENT_ROLE = Qt.ItemDataRole.UserRole
SEARCH_LIMIT = 30

Confirm = Callable[[QWidget, str], bool]


def ask(parent: QWidget, question: str) -> bool:
    title = QCoreApplication.translate("FindClientDialog", "Email consent")
    answer = QMessageBox.question(parent, title, question)
    return answer == QMessageBox.StandardButton.Yes


class FindClientDialog(QDialog):
    def __init__(
        self,
        context: WindowContext,
        parent: QWidget | None = None,
        *,
        search_delay_ms: int = 250,
        confirm: Confirm = ask,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Find client"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(560, 480)
        self.context = context
        self.tasks = context.tasks_for(self)
        self.confirm = confirm
        self.chosen: ConsentState | None = None
        self._generation = 0

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Part of a name or a member id"))
        self.search.setClearButtonEnabled(True)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(search_delay_ms)
        self._debounce.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.results = QListWidget(self)
        self.results.currentItemChanged.connect(self._chosen_changed)
        self.details = QLabel(self)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.card_button = QPushButton(self.tr("Open client card…"), self)
        self.card_button.clicked.connect(self.open_card)
        self.unsubscribe_button = QPushButton(self.tr("Mark as unsubscribed"), self)
        self.unsubscribe_button.setToolTip(
            self.tr("The client asked for no more invitations, thank-yous or outreach emails")
        )
        self.unsubscribe_button.clicked.connect(self.unsubscribe)
        self.resubscribe_button = QPushButton(self.tr("Subscribe again"), self)
        self.resubscribe_button.setToolTip(
            self.tr("The client asked to receive the studio's emails again")
        )
        self.resubscribe_button.clicked.connect(self.resubscribe)
        actions = QHBoxLayout()
        actions.addWidget(self.card_button)
        actions.addStretch(1)
        actions.addWidget(self.unsubscribe_button)
        actions.addWidget(self.resubscribe_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.details)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._show_state(None)

    # Searching ----------------------------------------------------------------------------
    def run_search(self) -> None:
        from feedback_desk.services.client_search import search_clients

        self._debounce.stop()
        self._generation += 1
        generation, text = self._generation, self.search.text()
        store = self.context.store

        def work(_progress: Progress) -> list[ClientMatch]:
            with store.read() as session:
                return search_clients(session, text, limit=SEARCH_LIMIT)

        self.tasks.run(
            work,
            name="find-client",
            on_done=lambda found: self._show_results(generation, found),
        )

    def _show_results(self, generation: int, found: list[ClientMatch]) -> None:
        if generation != self._generation:
            return  # an older search answered late
        self.results.clear()
        for match in found:
            item = QListWidgetItem(f"{match.full_name} ({match.external_id})")
            item.setData(CLIENT_ROLE, match.external_id)
            self.results.addItem(item)
        if not found and self.search.text().strip():
            item = QListWidgetItem(self.tr("No client matches."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(item)

    @property
    def shown_clients(self) -> list[str]:
        items = (self.results.item(row) for row in range(self.results.count()))
        return [item.text() for item in items if item.data(CLIENT_ROLE)]

    def choose(self, external_id: str) -> None:
        for row in range(self.results.count()):
            if self.results.item(row).data(CLIENT_ROLE) == external_id:
                self.results.setCurrentRow(row)
                return
        raise LookupError(external_id)

    # The chosen client --------------------------------------------------------------------
    def _chosen_changed(self, item: QListWidgetItem | None, _previous: object) -> None:
        external_id = item.data(CLIENT_ROLE) if item is not None else None
        if not isinstance(external_id, str):
            self._show_state(None)
            return
        self._read_state(external_id)

    def _read_state(self, external_id: str) -> None:
        from feedback_desk.services.consent import consent_state

        store = self.context.store

        def work(_progress: Progress) -> ConsentState:
            with store.read() as session:
                return consent_state(session, external_id)

        self.tasks.run(work, name="client-consent", on_done=self._show_state)

    def _show_state(self, state: ConsentState | None) -> None:
        self.chosen = state
        self.card_button.setEnabled(state is not None)
        self.unsubscribe_button.setEnabled(state is not None and state.unsubscribed_at is None)
        self.resubscribe_button.setEnabled(state is not None and state.unsubscribed_at is not None)
        if state is None:
            self.details.setText("")
            return
        lines = [f"{state.full_name} ({state.external_id})"]
        lines.append(state.email or self.tr("No email address"))
        if state.unsubscribed_at is not None:
            when = format_instant(state.unsubscribed_at, self.context.tz, QLocale())
            lines.append(self.tr("Unsubscribed on {when}: no commercial email.").format(when=when))
        elif state.email_consent:
            lines.append(self.tr("Agreed to receive the studio's emails."))
        else:
            lines.append(self.tr("Did not agree to receive the studio's emails."))
        self.details.setText("\n".join(lines))

    # Actions ------------------------------------------------------------------------------
    def unsubscribe(self) -> None:
        state = self.chosen
        if state is None or state.unsubscribed_at is not None:
            return
        question = self.tr(
            "Mark {client} as unsubscribed? They get no more invitations, thank-yous or "
            "outreach emails, and those waiting in the outbox are cancelled."
        ).format(client=state.full_name)
        if not self.confirm(self, question):
            return
        from feedback_desk.services.audit import default_actor
        from feedback_desk.services.consent import unsubscribe

        store, clock, actor = self.context.store, self.context.clock, default_actor()
        external_id = state.external_id

        def work(_progress: Progress) -> int:
            with store.write() as session:
                return unsubscribe(session, external_id, at=clock.now(), actor=actor).cancelled

        self.tasks.run(
            work,
            name="unsubscribe",
            on_done=lambda cancelled: self._changed(
                external_id,
                count_text(
                    cancelled,
                    self.tr("{client} is unsubscribed; {n} waiting email cancelled."),
                    self.tr("{client} is unsubscribed; {n} waiting emails cancelled."),
                    client=state.full_name,
                ),
            ),
            on_error=self._failed,
        )

    def resubscribe(self) -> None:
        state = self.chosen
        if state is None or state.unsubscribed_at is None:
            return
        from feedback_desk.services.audit import default_actor
        from feedback_desk.services.consent import resubscribe

        store, clock, actor = self.context.store, self.context.clock, default_actor()
        external_id = state.external_id

        def work(_progress: Progress) -> None:
            with store.write() as session:
                resubscribe(session, external_id, at=clock.now(), actor=actor)

        self.tasks.run(
            work,
            name="resubscribe",
            on_done=lambda _none: self._changed(
                external_id,
                self.tr("{client} receives the studio's emails again.").format(
                    client=state.full_name
                ),
            ),
            on_error=self._failed,
        )

    def _changed(self, external_id: str, message: str) -> None:
        self.message.setText(message)
        self._read_state(external_id)

    def _failed(self, exc: BaseException) -> None:
        from feedback_desk.ui.context import describe_error

        self.message.setText(describe_error(exc))

    def open_card(self) -> None:
        """The client card, through the window's opener (so that edits made from it refresh
        every tab)."""
        if self.chosen is None:
            return
        from feedback_desk.ui.dialogs.opener import opener_for

        opener_for(self.context).open_client(self.chosen.client_id)
