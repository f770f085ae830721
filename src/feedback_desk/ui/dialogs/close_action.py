"""Closing an action to take: an outcome and a note; or every action older than a day."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from feedback_desk.domain.kinds import ActionOutcome
from feedback_desk.ui.formatting import DAY_FORMAT, outcome_name


class CloseActionDialog(QDialog):
    """Outcome and note for one action (or, with *before*, for every older one)."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        before: date | None = None,
        default_outcome: ActionOutcome = ActionOutcome.CONTACTED,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Close older actions") if before is not None else self.tr("Close the action")
        )
        form = QFormLayout(self)
        self.before: QDateEdit | None = None
        if before is not None:
            self.before = QDateEdit(QDate(before.year, before.month, before.day))
            self.before.setCalendarPopup(True)
            self.before.setDisplayFormat(DAY_FORMAT)
            form.addRow(self.tr("Close every open action of a review dated before:"), self.before)
        self.outcome = QComboBox()
        for outcome in ActionOutcome:
            self.outcome.addItem(outcome_name(outcome.value), outcome.value)
        self.outcome.setCurrentIndex(self.outcome.findData(default_outcome.value))
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(80)
        self.note.setPlaceholderText(self.tr("What was done (optional)"))
        form.addRow(self.tr("Outcome:"), self.outcome)
        form.addRow(self.tr("Note:"), self.note)
        if before is not None:
            hint = QLabel(self.tr("For imported history: the actions keep this outcome and note."))
            hint.setWordWrap(True)
            form.addRow(hint)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    @property
    def chosen_outcome(self) -> ActionOutcome:
        return ActionOutcome(self.outcome.currentData())

    @property
    def note_text(self) -> str | None:
        return self.note.toPlainText().strip() or None

    @property
    def before_day(self) -> date | None:
        if self.before is None:
            return None
        chosen = self.before.date()
        return date(chosen.year(), chosen.month(), chosen.day())
