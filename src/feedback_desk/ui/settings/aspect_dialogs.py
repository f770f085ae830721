"""The small dialogs of Settings → Aspects: rename (both languages) and merge into another."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from feedback_desk.services.aspects import MAX_LABEL_CHARS, AspectRow
from feedback_desk.ui import i18n
from feedback_desk.ui.retranslating import Retranslating


class RenameAspectDialog(Retranslating, QDialog):
    def __init__(self, aspect: AspectRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.aspect = aspect
        self.french = QLineEdit(aspect.label_fr)
        self.english = QLineEdit(aspect.label_en)
        for field in (self.french, self.english):
            field.setMaxLength(MAX_LABEL_CHARS)
            field.textChanged.connect(self._validate)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self.form.addRow("", self.french)
        self.form.addRow("", self.english)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.retranslate()
        self._validate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Rename aspect"))
        for row, text in enumerate((self.tr("French label:"), self.tr("English label:"))):
            item = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if item is not None and isinstance(item.widget(), QLabel):
                item.widget().setText(text)  # type: ignore[union-attr]

    def _validate(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.french.text().strip() and self.english.text().strip()))

    def labels(self) -> tuple[str, str]:
        return self.french.text(), self.english.text()


class MergeAspectDialog(Retranslating, QDialog):
    """Pick the aspect that survives; the votes move to it."""

    def __init__(
        self, aspect: AspectRow, candidates: Sequence[AspectRow], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.aspect = aspect
        self.explanation = QLabel()
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.explanation.setWordWrap(True)
        self.target = QComboBox()
        language = i18n.current_language()
        for candidate in candidates:
            label = candidate.label_fr if language == "fr" else candidate.label_en
            self.target.addItem(
                i18n.fill(self.tr("%1 (votes: %2)"), label, str(candidate.votes)), candidate.id
            )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(candidates))
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.target)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Merge aspect"))
        label = self.aspect.label_fr if i18n.current_language() == "fr" else self.aspect.label_en
        self.explanation.setText(
            i18n.fill(
                self.tr(
                    "Merge “%1” into the aspect below. Its %2 votes move there, and “%1” "
                    "is hidden for good."
                ),
                label,
                str(self.aspect.votes),
            )
        )

    def survivor_id(self) -> int | None:
        value = self.target.currentData()
        return int(value) if value is not None else None

    def choose(self, aspect_id: int) -> None:
        self.target.setCurrentIndex(self.target.findData(aspect_id))
