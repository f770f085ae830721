"""The last screen of a visit: thanks, and a word on what happens next."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from feedback_desk.ui import i18n
from feedback_desk.ui.kiosk.widgets import TouchButton, plain_label
from feedback_desk.ui.retranslating import Retranslating


class Ending(StrEnum):
    ANSWERED = "answered"
    IGNORED = "ignored"
    NOTHING_DUE = "nothing_due"
    FAILED = "failed"
    # The testimonial journey: the client recommended the studio, or said why not.
    RECOMMENDED = "recommended"
    DECLINED = "declined"


class ThanksScreen(Retranslating, QWidget):
    done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._first_name = ""
        self._ending = Ending.ANSWERED
        self.title = plain_label("title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = plain_label()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.done_button = TouchButton("primary")
        self.done_button.clicked.connect(self.done)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(80, 60, 80, 60)
        layout.setSpacing(32)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)
        self.retranslate()

    @property
    def ending(self) -> Ending:
        return self._ending

    def show_ending(self, first_name: str, ending: Ending) -> None:
        self._first_name = first_name
        self._ending = ending
        self.retranslate()

    def retranslate(self) -> None:
        if self._ending is Ending.FAILED:
            self.title.setText(self.tr("Sorry!"))
        elif self._first_name:
            self.title.setText(i18n.fill(self.tr("Thank you, %1!"), self._first_name))
        else:
            self.title.setText(self.tr("Thank you!"))
        messages = {
            Ending.ANSWERED: self.tr("Your opinion helps us make every class better."),
            Ending.IGNORED: self.tr("No problem. Maybe next time!"),
            Ending.NOTHING_DUE: self.tr("There is nothing to rate for now. See you soon!"),
            Ending.FAILED: self.tr(
                "Something went wrong and your answer was not saved. Please tell the front desk."
            ),
            Ending.RECOMMENDED: self.tr(
                "Your recommendation means a lot to us. You can withdraw your consent at any time."
            ),
            Ending.DECLINED: self.tr("Thank you for telling us. Your answer helps us do better."),
        }
        self.message.setText(messages[self._ending])
        self.done_button.setText(self.tr("Done"))
