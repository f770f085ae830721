"""The staff PIN pad that guards leaving kiosk mode."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from feedback_desk.domain.settings_schema import PIN_MAX_DIGITS
from feedback_desk.ui.kiosk.style import MIN_TOUCH_PX, STYLE_SHEET
from feedback_desk.ui.kiosk.widgets import TouchButton, plain_label
from feedback_desk.ui.retranslating import Retranslating

MAX_PIN_DIGITS = PIN_MAX_DIGITS
PIN_PAD_WIDTH = 680


class PinDialog(Retranslating, QDialog):
    """A numeric keypad; emits ``pin_entered`` for the window to check (off the GUI thread).

    With no PIN configured it says so and offers to leave anyway.
    """

    pin_entered = Signal(str)
    leave_without_pin = Signal()

    def __init__(self, *, pin_configured: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kiosk")
        self.setStyleSheet(STYLE_SHEET)
        self.setModal(True)
        self.setMinimumWidth(PIN_PAD_WIDTH)
        self.pin_configured = pin_configured
        self.title = plain_label("heading")
        self.message = plain_label("hint")
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setMaxLength(MAX_PIN_DIGITS)
        self.field.setMinimumHeight(MIN_TOUCH_PX)
        self.field.returnPressed.connect(self._enter)
        self.keys: dict[str, TouchButton] = {}
        keypad = QGridLayout()
        for index, key in enumerate("123456789"):
            keypad.addWidget(self._key(key), index // 3, index % 3)
        self.erase_button = TouchButton()
        self.erase_button.setText("⌫")
        self.erase_button.clicked.connect(self.field.backspace)
        keypad.addWidget(self.erase_button, 3, 0)
        keypad.addWidget(self._key("0"), 3, 1)
        self.ok_button = TouchButton("primary")
        self.ok_button.clicked.connect(self._enter)
        keypad.addWidget(self.ok_button, 3, 2)
        self.leave_button = TouchButton("primary")
        self.leave_button.clicked.connect(self.leave_without_pin)
        self.cancel_button = TouchButton()
        self.cancel_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.leave_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.setSpacing(16)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        self._pad = QWidget()
        pad = QVBoxLayout(self._pad)
        pad.setContentsMargins(0, 0, 0, 0)
        pad.addWidget(self.field)
        pad.addLayout(keypad)
        layout.addWidget(self._pad)
        layout.addLayout(bottom)
        self._pad.setVisible(pin_configured)
        self.leave_button.setVisible(not pin_configured)
        self.retranslate()

    def _key(self, digit: str) -> TouchButton:
        button = TouchButton()
        button.setText(digit)
        button.clicked.connect(lambda _c=False, d=digit: self.field.insert(d))
        self.keys[digit] = button
        return button

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Leave kiosk mode"))
        self.title.setText(self.tr("Staff only"))
        if self.pin_configured:
            self.message.setText(self.tr("Enter the staff PIN."))
        else:
            self.message.setText(
                self.tr(
                    "No staff PIN is set, so anyone can leave kiosk mode. "
                    "Set one in Settings → Kiosk."
                )
            )
        self.ok_button.setText(self.tr("OK"))
        self.leave_button.setText(self.tr("Leave kiosk mode"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.erase_button.setAccessibleName(self.tr("Erase"))

    def _enter(self) -> None:
        pin = self.field.text()
        if pin:
            self.set_busy(True)
            self.pin_entered.emit(pin)

    def set_busy(self, busy: bool) -> None:
        self._pad.setEnabled(not busy)

    def wrong_pin(self) -> None:
        self.set_busy(False)
        self.field.clear()
        self.message.setText(self.tr("Wrong PIN. Try again."))
