"""The manual edit of a review's stars, with a note (docs/rules.md#manual-edit)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from feedback_desk.ui.formatting import stars_text


class EditStarsDialog(QDialog):
    """Asks for the new stars and an optional note; the caller records the edit."""

    def __init__(self, current_stars: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit stars"))
        self.current_stars = current_stars
        self.stars = QSpinBox()
        self.stars.setRange(1, 5)
        self.stars.setValue(current_stars)
        self.stars.setSuffix(" ★")
        self.preview = QLabel()
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("Why the stars change (optional)"))
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(80)
        explanation = QLabel(
            self.tr(
                "The original value, the new one, who and when are kept, and the review shows "
                "“edited manually”. Lowering it to 3 stars or fewer opens an action to take."
            )
        )
        explanation.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Current stars:"), QLabel(stars_text(current_stars)))
        form.addRow(self.tr("New stars:"), self.stars)
        form.addRow("", self.preview)
        form.addRow(self.tr("Note:"), self.note)
        form.addRow(explanation)
        form.addRow(self.buttons)
        self.stars.valueChanged.connect(self._update)
        self._update()

    @property
    def new_stars(self) -> int:
        return self.stars.value()

    @property
    def note_text(self) -> str | None:
        return self.note.toPlainText().strip() or None

    def _update(self) -> None:
        self.preview.setText(stars_text(self.stars.value()))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.stars.value() != self.current_stars)
