"""Settings → Kiosk: the staff PIN that guards leaving kiosk mode, how long the kiosk waits for a
touch, and what it asks clients (class and business reviews, how often, the business question,
the 0-10 question after the business stars, which staff entry, email requests and the client pages
ask too).

The PIN is typed twice and never shown back: the page only says whether one is set. Save stores it
hashed (``kiosk.pin``, as ``feedback-desk config kiosk.pin`` does); Remove PIN clears it when the
dialog saves.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from feedback_desk.domain.settings_schema import PIN_MAX_DIGITS
from feedback_desk.services.settings import Settings
from feedback_desk.ui.context import WindowContext
from feedback_desk.ui.settings.page import SchemaFormPage, plain_label, set_row_label

PIN_KEY = "kiosk.pin"
# Not a setting: the PIN typed a second time, checked against the first.
PIN_AGAIN = "kiosk.pin_again"


class KioskSettingsPage(SchemaFormPage):
    GROUPS = (
        (
            QT_TRANSLATE_NOOP("KioskSettingsPage", "What the kiosk asks"),
            (
                "reviews.enabled",
                "reviews.class_enabled",
                "reviews.business_enabled",
                "reviews.business_every_months",
                "reviews.business_question_fr",
                "reviews.business_question_en",
                "nps.enabled",
            ),
        ),
        (QT_TRANSLATE_NOOP("KioskSettingsPage", "Kiosk screen"), ("kiosk.idle_seconds",)),
    )

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._pin_stored = False
        self._remove_pin = False
        digits = QRegularExpressionValidator(QRegularExpression(rf"\d{{0,{PIN_MAX_DIGITS}}}"), self)
        self.pin = QLineEdit(self)
        self.pin_again = QLineEdit(self)
        for field in (self.pin, self.pin_again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setMaxLength(PIN_MAX_DIGITS)
            field.setValidator(digits)
            field.textEdited.connect(self._typed)
        self.pin_state = plain_label(self)
        self.remove_pin_button = QPushButton(self)
        self.remove_pin_button.clicked.connect(self.remove_pin)
        state_row = QHBoxLayout()
        state_row.addWidget(self.pin_state, 1)
        state_row.addWidget(self.remove_pin_button)
        self.pin_box = QGroupBox(self)
        self.pin_form = QFormLayout(self.pin_box)
        self.pin_form.addRow(state_row)
        self.pin_form.addRow(" ", self.field(PIN_KEY, self.pin))
        self.pin_form.addRow(" ", self.field(PIN_AGAIN, self.pin_again))
        self.question_hint = plain_label(self)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, self.pin_box)
        layout.insertWidget(2, self.question_hint)  # under "What the kiosk asks"
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.pin.setAccessibleName(self.tr("New staff PIN"))
        self.pin_again.setAccessibleName(self.tr("New staff PIN, again"))
        self.remove_pin_button.setText(self.tr("Remove PIN"))
        self.pin_box.setTitle(self.tr("Staff PIN"))
        set_row_label(self.pin_form, self.field_box(PIN_KEY), self.tr("New PIN (4 to 12 digits):"))
        set_row_label(self.pin_form, self.field_box(PIN_AGAIN), self.tr("New PIN again:"))
        self.question_hint.setText(
            self.tr("In the questions, {studio} is replaced by the studio's name.")
        )
        self._show_pin_state()

    def label(self, key: str) -> str:
        labels = {
            "reviews.enabled": self.tr("Collect reviews"),
            "reviews.class_enabled": self.tr("Ask for class reviews"),
            "reviews.business_enabled": self.tr("Ask for business reviews"),
            "reviews.business_every_months": self.tr("Months between business reviews"),
            "reviews.business_question_fr": self.tr("Business question (French)"),
            "reviews.business_question_en": self.tr("Business question (English)"),
            "nps.enabled": self.tr("Also ask the 0-10 question (would you recommend…)"),
            "kiosk.idle_seconds": self.tr("Back to the welcome screen after (seconds)"),
        }
        return labels.get(key, key)

    def load(self, settings: Settings) -> None:
        super().load(settings)
        self._pin_stored = bool(settings.raw(PIN_KEY))
        self._remove_pin = False
        self.pin.clear()
        self.pin_again.clear()
        self._show_pin_state()

    @property
    def pin_stored(self) -> bool:
        return self._pin_stored

    def _show_pin_state(self) -> None:
        if self._remove_pin:
            text = self.tr("The PIN is removed when you save: anyone can then leave kiosk mode.")
        elif self._pin_stored:
            text = self.tr("PIN set. Type a new one below to change it.")
        else:
            text = self.tr("No PIN: anyone can leave kiosk mode.")
        self.pin_state.setText(text)
        self.remove_pin_button.setEnabled(self._pin_stored and not self._remove_pin)

    def _typed(self, _text: str) -> None:
        if self._remove_pin and self.pin.text():
            self._remove_pin = False  # a new PIN replaces the removal
            self._show_pin_state()

    def remove_pin(self) -> None:
        self._remove_pin = True
        self.pin.clear()
        self.pin_again.clear()
        self._show_pin_state()

    def changes(self) -> dict[str, str]:
        found = super().changes()
        if self.pin.text():
            found[PIN_KEY] = self.pin.text()
        elif self._remove_pin:
            found[PIN_KEY] = ""
        return found

    def problems(self) -> dict[str, str]:
        found = super().problems()
        if (self.pin.text() or self.pin_again.text()) and self.pin.text() != self.pin_again.text():
            found[PIN_AGAIN] = self.tr("The two PINs are not the same: type the new PIN twice.")
        return found
