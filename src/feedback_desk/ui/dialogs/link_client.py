"""Link a Google review to a client: ranked suggestions with their evidence, and a search over
every client (accents and case ignored). Staff confirm; nothing is ever linked on its own.
Suggestions and searches are read on the window's worker threads; the dialog never waits for the
store, and an answer that comes back after it closed is dropped."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from feedback_desk.domain.google_matching import Suggestion
from feedback_desk.services.google.linking import (
    ClientSuggestion,
    SuggestionFinder,
    find_review,
    search_clients,
)
from feedback_desk.services.google.queries import ReviewRow
from feedback_desk.ui.context import WindowContext, describe_error
from feedback_desk.ui.formatting import stars_text

CLIENT_ROLE = Qt.ItemDataRole.UserRole


def _days(later: datetime, earlier: datetime) -> int:
    return max(0, (later - earlier).days)


def evidence_lines(suggestion: Suggestion, written_at: datetime) -> list[str]:
    """Why this client is suggested, in words staff can check."""
    lines = []
    if suggestion.name_similarity > 0:
        lines.append(
            QCoreApplication.translate("LinkClientDialog", "name {percent}% alike").format(
                percent=round(suggestion.name_similarity * 100)
            )
        )
    if suggestion.invited_at is not None:
        lines.append(
            QCoreApplication.translate(
                "LinkClientDialog", "invited to review {days} days before"
            ).format(days=_days(written_at, suggestion.invited_at))
        )
    if suggestion.attended_sessions and suggestion.last_attended_at is not None:
        lines.append(
            QCoreApplication.translate(
                "LinkClientDialog",
                "attended {count} sessions in the 30 days before (last {days} days before)",
            ).format(
                count=suggestion.attended_sessions,
                days=_days(written_at, suggestion.last_attended_at),
            )
        )
    return lines


class ClientPicker(QWidget):
    """A search box and its results (searched in the background as staff type)."""

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = context.tasks_for(self)
        self._generation = 0
        self.searching = False
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            QCoreApplication.translate("LinkClientDialog", "Search a client by name or id")
        )
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.results)

    def run_search(self) -> None:
        self._debounce.stop()
        self._generation += 1
        generation = self._generation
        text = self.search.text().strip()
        if not text:
            self.searching = False
            self.results.clear()
            return

        def search(session: Session) -> list[tuple[str, str, str | None]]:
            return [(c.external_id, c.full_name, c.email) for c in search_clients(session, text)]

        self.searching = True
        self._tasks.query(
            QCoreApplication.translate("LinkClientDialog", "the clients"),
            search,
            lambda found: self._show_results(generation, found),
            lambda exc: self._search_failed(generation, exc),
        )

    def _show_results(self, generation: int, found: list[tuple[str, str, str | None]]) -> None:
        if generation != self._generation:
            return  # an older search answered late
        self.searching = False
        self.results.clear()
        for external_id, name, email in found:
            label = f"{name} ({external_id})" + (f" · {email}" if email else "")
            item = QListWidgetItem(label)
            item.setData(CLIENT_ROLE, external_id)
            self.results.addItem(item)
        if not found:
            self._notice(QCoreApplication.translate("LinkClientDialog", "No client matches."))

    def _search_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.searching = False
        self.results.clear()
        self._notice(
            QCoreApplication.translate("LinkClientDialog", "The search failed: {error}").format(
                error=describe_error(exc)
            )
        )

    def _notice(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.results.addItem(item)


class LinkClientDialog(QDialog):
    def __init__(
        self,
        context: WindowContext,
        review: ReviewRow,
        tz: ZoneInfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            QCoreApplication.translate("LinkClientDialog", "Link a Google review to a client")
        )
        self._tasks = context.tasks_for(self)
        self._review = review
        self._tz = tz
        self.chosen_client: str | None = None

        stars = stars_text(review.stars) if review.stars else ""
        reviewer = review.reviewer or QCoreApplication.translate("LinkClientDialog", "(anonymous)")
        header = QLabel(f"{reviewer} {stars}\n{review.comment or ''}", self)
        header.setTextFormat(Qt.TextFormat.PlainText)
        header.setWordWrap(True)
        self.suggestions_label = QLabel(
            QCoreApplication.translate("LinkClientDialog", "Looking for likely clients…"), self
        )
        self.suggestions_label.setTextFormat(Qt.TextFormat.PlainText)
        self.suggestions = QListWidget(self)
        self.picker = ClientPicker(context, self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.link_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.link_button.setText(QCoreApplication.translate("LinkClientDialog", "Link"))
        self.link_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.suggestions.currentItemChanged.connect(self._on_suggestion)
        self.picker.results.currentItemChanged.connect(self._on_result)

        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(self.suggestions_label)
        layout.addWidget(self.suggestions)
        layout.addWidget(QLabel(QCoreApplication.translate("LinkClientDialog", "Or search:"), self))
        layout.addWidget(self.picker)
        layout.addWidget(self.buttons)
        self.resize(560, 520)
        self._start_suggestions()

    def _start_suggestions(self) -> None:
        tz, review_id = self._tz, self._review.review_id

        def find(session: Session) -> list[ClientSuggestion]:
            return SuggestionFinder(session, tz).for_review(find_review(session, review_id))

        self._tasks.query(
            QCoreApplication.translate("LinkClientDialog", "the likely clients"),
            find,
            self.show_suggestions,
            self._on_suggestions_failed,
        )

    def show_suggestions(self, found: list[ClientSuggestion]) -> None:
        self.suggestions.clear()
        if not found:
            self.suggestions_label.setText(
                QCoreApplication.translate("LinkClientDialog", "No likely client: search below.")
            )
            return
        self.suggestions_label.setText(
            QCoreApplication.translate("LinkClientDialog", "Likely clients, best first:")
        )
        for item in found:
            evidence = " · ".join(evidence_lines(item.suggestion, self._review.created_at))
            row = QListWidgetItem(f"{item.client_name} ({item.client_external_id})\n{evidence}")
            row.setData(CLIENT_ROLE, item.client_external_id)
            self.suggestions.addItem(row)

    def _on_suggestions_failed(self, exc: BaseException) -> None:
        self.suggestions_label.setText(
            QCoreApplication.translate(
                "LinkClientDialog", "Suggestions could not be computed: {error}"
            ).format(error=describe_error(exc))
        )

    def _choose(self, item: QListWidgetItem | None) -> None:
        client = item.data(CLIENT_ROLE) if item is not None else None
        self.chosen_client = client if isinstance(client, str) else None
        self.link_button.setEnabled(self.chosen_client is not None)

    def _on_suggestion(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is not None:
            self.picker.results.setCurrentItem(None)
        self._choose(item)

    def _on_result(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is not None:
            self.suggestions.setCurrentItem(None)
        self._choose(item)


class PickClientDialog(QDialog):
    """Choose any client (for "Mark a client as reviewed on Google…")."""

    def __init__(
        self,
        context: WindowContext,
        title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.chosen_client: str | None = None
        self.picker = ClientPicker(context, self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.picker.results.currentItemChanged.connect(self._on_result)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker)
        layout.addWidget(self.buttons)

    def _on_result(self, item: QListWidgetItem | None, _previous: object) -> None:
        client = item.data(CLIENT_ROLE) if item is not None else None
        self.chosen_client = client if isinstance(client, str) else None
        self.ok_button.setEnabled(self.chosen_client is not None)
