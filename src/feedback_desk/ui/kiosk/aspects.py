"""One list of aspects on the kiosk ("What did you like?" or "What could we improve?").

The buttons stand in three columns, or fewer when the longest label would not fit its column (a
long French label on a 1280-pixel tablet); a client's own words take a row each: no label is ever
cut."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from feedback_desk.domain.kinds import Polarity
from feedback_desk.services.aspects import MAX_LABEL_CHARS
from feedback_desk.services.prompting.kiosk import AspectOption
from feedback_desk.ui import i18n
from feedback_desk.ui.kiosk.style import MIN_TOUCH_PX
from feedback_desk.ui.kiosk.widgets import TouchButton, button_text, plain_label
from feedback_desk.ui.retranslating import Retranslating

COLUMNS = 3


class AspectSection(Retranslating, QWidget):
    """Big checkable buttons for the offered aspects, plus "add your own" words."""

    editor_opened = Signal(QWidget)  # the own-words field, for the screen to scroll to

    def __init__(
        self,
        polarity: Polarity,
        options: Sequence[AspectOption],
        *,
        checked_ids: set[int],
        own_labels: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.polarity = polarity
        self._options = list(options)
        self.heading = plain_label()
        self.heading.setProperty("role", "question")
        self.toggles: dict[int, TouchButton] = {}
        self.own_toggles: dict[TouchButton, str] = {}
        self._columns = COLUMNS
        self._grid = QGridLayout()
        self._grid.setSpacing(12)
        for option in self._options:
            toggle = self._toggle()
            toggle.setChecked(option.id in checked_ids)
            self.toggles[option.id] = toggle
        for label in own_labels:
            self._add_own_toggle(label)
        self._place_all()
        self.add_button = TouchButton("quiet")
        self.add_button.clicked.connect(self._open_editor)
        self.own_field = QLineEdit()
        self.own_field.setMaxLength(MAX_LABEL_CHARS)
        self.own_field.setMinimumHeight(MIN_TOUCH_PX)
        self.own_field.returnPressed.connect(self.add_own)
        self.own_confirm = TouchButton()
        self.own_confirm.clicked.connect(self.add_own)
        editor = QHBoxLayout()
        editor.addWidget(self.own_field, 1)
        editor.addWidget(self.own_confirm)
        self._editor = QWidget()
        self._editor.setLayout(editor)
        self._editor.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)
        layout.addWidget(self.heading)
        layout.addLayout(self._grid)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self._editor)
        self.retranslate()

    def _toggle(self) -> TouchButton:
        toggle = TouchButton()
        toggle.setCheckable(True)
        # The column count keeps every label whole (see _reflow), so the grid may narrow them.
        toggle.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        return toggle

    def _place_all(self) -> None:
        """The offered aspects in the grid's cells, then each of the client's own on a row."""
        buttons = [*self.toggles.values(), *self.own_toggles]
        for button in buttons:
            self._grid.removeWidget(button)
        columns = self._columns
        for index, toggle in enumerate(self.toggles.values()):
            self._grid.addWidget(toggle, index // columns, index % columns)
        first_free = -(-len(self.toggles) // columns)  # rows the offered ones fill
        for offset, own in enumerate(self.own_toggles):
            self._grid.addWidget(own, first_free + offset, 0, 1, columns)

    def _columns_for(self, width: int) -> int:
        widest = max((b.sizeHint().width() for b in self.toggles.values()), default=0)
        spacing = self._grid.horizontalSpacing()
        for columns in range(COLUMNS, 1, -1):
            if columns * widest + (columns - 1) * spacing <= width:
                return columns
        return 1

    def _reflow(self) -> None:
        """As many columns as the widest label allows in the width the section has."""
        columns = self._columns_for(self.contentsRect().width())
        if columns != self._columns:
            self._columns = columns
            self._place_all()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reflow()

    def _add_own_toggle(self, label: str) -> None:
        toggle = self._toggle()
        toggle.setText(button_text(label))
        toggle.setChecked(True)
        self.own_toggles[toggle] = label
        self._place_all()

    def retranslate(self) -> None:
        language = i18n.current_language()
        if self.polarity is Polarity.EXCEL:
            self.heading.setText(self.tr("What did you like?"))
        else:
            self.heading.setText(self.tr("What could we improve?"))
        for option in self._options:
            self.toggles[option.id].setText(button_text(option.label(language)))
        self.add_button.setText(self.tr("+ Add your own"))
        self.own_field.setPlaceholderText(self.tr("In your own words"))
        self.own_confirm.setText(self.tr("Add"))
        self._reflow()  # labels in another language have other widths

    def _open_editor(self) -> None:
        self._editor.show()
        self.own_field.setFocus()
        self.editor_opened.emit(self._editor)

    def add_own(self) -> None:
        """Add the typed words as a ticked aspect (an existing one of this list when it matches)."""
        words = " ".join(self.own_field.text().split())
        self.own_field.clear()
        self._editor.hide()
        if not words:
            return
        folded = words.casefold()
        for option in self._options:
            if folded in (option.label_fr.casefold(), option.label_en.casefold()):
                self.toggles[option.id].setChecked(True)
                return
        for toggle, label in self.own_toggles.items():
            if label.casefold() == folded:
                toggle.setChecked(True)
                return
        self._add_own_toggle(words)

    def checked_ids(self) -> list[int]:
        return [aspect_id for aspect_id, t in self.toggles.items() if t.isChecked()]

    def own_labels(self) -> list[str]:
        return [label for toggle, label in self.own_toggles.items() if toggle.isChecked()]
