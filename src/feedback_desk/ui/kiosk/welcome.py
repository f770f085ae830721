"""The idle screen: a client finds themself by part of their name or their member id.

On a small tablet (1280×720) the matches may not all fit under the search field: the screen
scrolls, and scrolls the matches into view when they arrive."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QVBoxLayout, QWidget

from feedback_desk.services.client_search import MIN_QUERY_CHARS, ClientMatch
from feedback_desk.ui.kiosk.style import MIN_TOUCH_PX
from feedback_desk.ui.kiosk.widgets import (
    TouchButton,
    button_text,
    plain_label,
    reveal,
    touch_scroll_area,
)
from feedback_desk.ui.retranslating import Retranslating

RESULT_COLUMNS = 2


class WelcomeScreen(Retranslating, QWidget):
    """Search as you type (debounced); results show first name and last initial only."""

    search_requested = Signal(str)
    client_chosen = Signal(int)

    def __init__(self, *, search_delay_ms: int = 250, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = plain_label("title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = plain_label()
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.search_field = QLineEdit()
        self.search_field.setMinimumHeight(MIN_TOUCH_PX + 16)
        self.search_field.setMaxLength(80)
        self.search_field.setClearButtonEnabled(True)
        self.search_field.textChanged.connect(self._text_changed)
        self.status = plain_label("hint")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._results = QWidget()
        self._grid = QGridLayout(self._results)
        self._grid.setSpacing(16)
        self.result_buttons: list[TouchButton] = []
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(search_delay_ms)
        self._debounce.timeout.connect(self._emit_search)
        self._shown_for = ""

        content = QWidget()
        content.setObjectName("scrollContent")
        column = QVBoxLayout(content)
        column.setContentsMargins(60, 16, 60, 16)
        column.setSpacing(16)
        column.addStretch(1)
        column.addWidget(self.title)
        column.addWidget(self.hint)
        column.addWidget(self.search_field)
        column.addWidget(self.status)
        column.addWidget(self._results)
        column.addStretch(2)
        self.scroll = touch_scroll_area(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Your opinion counts!"))
        self.hint.setText(self.tr("Type your name or your member number to give your opinion."))
        self.search_field.setPlaceholderText(self.tr("Your name or member number"))
        self._update_status()

    def reset(self) -> None:
        self._debounce.stop()
        self.search_field.blockSignals(True)
        self.search_field.clear()
        self.search_field.blockSignals(False)
        self.show_results("", [])
        self.search_field.setFocus()

    @property
    def shown_for(self) -> str:
        """The search the results on screen answer (empty when none)."""
        return self._shown_for

    def query(self) -> str:
        return self.search_field.text().strip()

    def _text_changed(self) -> None:
        self._debounce.start()

    def _emit_search(self) -> None:
        text = self.query()
        if len(text.replace(" ", "")) < MIN_QUERY_CHARS:
            self.show_results(text, [])
            return
        self.search_requested.emit(text)

    def show_results(self, text: str, matches: Sequence[ClientMatch]) -> None:
        """Show the matches for *text*, unless the client has typed on since."""
        if text != self.query():
            return
        for button in self.result_buttons:
            button.deleteLater()
        self.result_buttons = []
        for index, match in enumerate(matches):
            button = TouchButton("", self._results)
            button.setText(button_text(match.short_name))
            button.setMinimumHeight(MIN_TOUCH_PX + 16)
            button.clicked.connect(
                lambda _c=False, client_id=match.id: self.client_chosen.emit(client_id)
            )
            self._grid.addWidget(button, index // RESULT_COLUMNS, index % RESULT_COLUMNS)
            button.show()
            self.result_buttons.append(button)
        self._shown_for = text
        self._update_status()
        if self.result_buttons:
            reveal(self.scroll, self.result_buttons[0], self.result_buttons[-1])

    def _update_status(self) -> None:
        searched = len(self._shown_for.replace(" ", "")) >= MIN_QUERY_CHARS
        if searched and not self.result_buttons:
            self.status.setText(
                self.tr("Nobody found. Check the spelling, or ask at the front desk.")
            )
        elif self.result_buttons:
            self.status.setText(self.tr("Tap your name."))
        else:
            self.status.setText("")
