"""The kiosk window's testimonial journey (seed 000): offered once the client's prompt is
answered or ignored (or when nothing was due), in the client's language. Yes → qualities →
the two texts → what will be shown and a consent for each part → Send; No → a reason → Send;
"Not now" leaves the invitation open. No photo at the kiosk: a photo is added on the client's
own page."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QScrollArea,
    QScroller,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from feedback_desk.services.testimonials.answering import Acceptance, Refusal
from feedback_desk.services.testimonials.journey import Journey
from feedback_desk.ui.kiosk.testimonial_steps import (
    DetailsStep,
    OfferStep,
    QualitiesStep,
    RefusalStep,
    TextsStep,
)
from feedback_desk.ui.kiosk.widgets import TouchButton


class TestimonialScreen(QWidget):
    """Emits the client's answer; the kiosk window records it."""

    __test__ = False  # not a test class, whatever pytest thinks of the name

    accepted = Signal(object)  # Acceptance
    refused = Signal(object)  # Refusal
    later = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journey: Journey | None = None
        self.offer = OfferStep()
        self.qualities = QualitiesStep()
        self.texts = TextsStep()
        self.details = DetailsStep()
        self.refusal = RefusalStep()
        self.steps = QStackedWidget()
        for step in (self.offer, self.qualities, self.texts, self.details, self.refusal):
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(step)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.viewport().setAutoFillBackground(False)
            step.setObjectName("scrollContent")
            QScroller.grabGesture(scroll.viewport(), QScroller.ScrollerGestureType.TouchGesture)
            self.steps.addWidget(scroll)

        self.later_button = TouchButton("quiet")
        self.back_button = TouchButton("quiet")
        self.no_button = TouchButton()
        self.yes_button = TouchButton("primary")
        self.next_button = TouchButton("primary")
        self.send_button = TouchButton("primary")
        self.later_button.clicked.connect(self.later)
        self.back_button.clicked.connect(self._back)
        self.no_button.clicked.connect(lambda: self._go(self.refusal))
        self.yes_button.clicked.connect(lambda: self._go(self.qualities))
        self.next_button.clicked.connect(self._next)
        self.send_button.clicked.connect(self._send)
        buttons = QHBoxLayout()
        buttons.addWidget(self.later_button)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        for button in (self.no_button, self.yes_button, self.next_button, self.send_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 20)
        layout.addWidget(self.steps, 1)
        layout.addLayout(buttons)

    @property
    def testimonial_id(self) -> int:
        assert self._journey is not None
        return self._journey.testimonial_id

    def current(self) -> QWidget:
        scroll = self.steps.currentWidget()
        assert isinstance(scroll, QScrollArea)
        step = scroll.widget()
        assert step is not None
        return step

    def load(self, journey: Journey) -> None:
        """Start the journey of *journey* (in the language installed for the client)."""
        self._journey = journey
        self.offer.show_journey(journey)
        self.qualities.show_journey(journey)
        self.texts.show_journey(journey)
        self.refusal.show_journey(journey)
        self.details.reset()
        self.later_button.setText(self.tr("Not now"))
        self.back_button.setText(self.tr("Back"))
        self.no_button.setText(self.tr("No"))
        self.yes_button.setText(self.tr("Yes"))
        self.next_button.setText(self.tr("Next"))
        self.send_button.setText(self.tr("Send"))
        self.set_busy(False)
        self._go(self.offer)

    def _go(self, step: QWidget) -> None:
        for index in range(self.steps.count()):
            scroll = self.steps.widget(index)
            if isinstance(scroll, QScrollArea) and scroll.widget() is step:
                self.steps.setCurrentIndex(index)
        at_offer = step is self.offer
        self.later_button.setVisible(at_offer)
        self.yes_button.setVisible(at_offer)
        self.no_button.setVisible(at_offer)
        self.back_button.setVisible(not at_offer)
        self.next_button.setVisible(step in (self.qualities, self.texts))
        self.send_button.setVisible(step in (self.details, self.refusal))

    def _back(self) -> None:
        step = self.current()
        previous = {
            self.qualities: self.offer,
            self.texts: self.qualities,
            self.details: self.texts,
        }
        self._go(previous.get(step, self.offer))

    def _texts(self) -> tuple[str, str]:
        return self.texts.text_1.toPlainText(), self.texts.text_2.toPlainText()

    def _next(self) -> None:
        step = self.current()
        if step is self.qualities:
            ids, own = self.qualities.chosen()
            if not ids and not own:
                self.qualities.show_error(True)
                return
            self.qualities.show_error(False)
            self._go(self.texts)
        elif step is self.texts and self._journey is not None:
            self.details.show_journey(self._journey, self._texts())
            self._go(self.details)

    def acceptance(self) -> Acceptance:
        ids, own = self.qualities.chosen()
        text_1, text_2 = self._texts()
        return Acceptance(
            quality_ids=ids,
            own_qualities=own,
            text_1=text_1,
            text_2=text_2,
            job_title=self.details.job_title_text(),
            full_name=self.details.full_name.isChecked(),
            consents=self.details.consents(),
        )

    def _send(self) -> None:
        if self.current() is self.details:
            self.set_busy(True)
            self.accepted.emit(self.acceptance())
            return
        reason = self.refusal.reason()
        if reason is None:
            self.refusal.error.show()
            return
        self.set_busy(True)
        self.refused.emit(Refusal(reason, self.refusal.more.toPlainText()))

    def set_busy(self, busy: bool) -> None:
        for button in (self.send_button, self.back_button):
            button.setEnabled(not busy)
