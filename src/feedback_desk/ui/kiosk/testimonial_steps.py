"""The steps of the testimonial journey on the kiosk window (seed 000): the offer, the
qualities, the two texts, what will be shown with a consent for each part, and the reasons of a
No. Each step is a page of ``TestimonialScreen``; client and studio text is plain text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from feedback_desk.domain.kinds import Polarity
from feedback_desk.domain.testimonials import (
    MAX_JOB_TITLE_CHARS,
    MAX_REFUSAL_CHARS,
    MAX_TEXT_CHARS,
    ConsentPart,
    RefusalReason,
    shown,
)
from feedback_desk.services.testimonials.journey import Journey
from feedback_desk.ui import i18n
from feedback_desk.ui.kiosk.aspects import AspectSection
from feedback_desk.ui.kiosk.style import MIN_TOUCH_PX
from feedback_desk.ui.kiosk.widgets import TouchButton, button_text, plain_label


def _column(widget: QWidget) -> QVBoxLayout:
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(60, 30, 60, 30)
    layout.setSpacing(20)
    return layout


def _checkable(role: str = "") -> TouchButton:
    button = TouchButton(role)
    button.setCheckable(True)
    return button


class LimitedText(QPlainTextEdit):
    """A text field that keeps at most *limit* characters and shows how many are typed."""

    def __init__(self, limit: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.limit = limit
        self.setMinimumHeight(120)
        self.count = plain_label("hint")
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.textChanged.connect(self._changed)
        self._changed()

    def _changed(self) -> None:
        text = self.toPlainText()
        if len(text) > self.limit:
            self.setPlainText(text[: self.limit])
            cursor = self.textCursor()
            cursor.movePosition(cursor.MoveOperation.End)
            self.setTextCursor(cursor)
            return
        self.count.setText(f"{len(text)} / {self.limit}")


class OfferStep(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = plain_label("title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = plain_label()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = _column(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def show_journey(self, journey: Journey) -> None:
        self.title.setText(i18n.fill(self.tr("Would you recommend %1?"), journey.studio))
        self.message.setText(
            self.tr(
                "Your words, shown with your agreement, help others choose. "
                "It takes less than 3 minutes."
            )
        )


class QualitiesSection(AspectSection):
    """The studio's qualities as big toggles, plus the client's own words."""

    studio = ""  # set on each section once built (the base class translates while building)

    def retranslate(self) -> None:
        super().retranslate()
        self.heading.setText(i18n.fill(self.tr("What are %1's qualities?"), self.studio))


class QualitiesStep(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section: QualitiesSection | None = None
        self.hint = plain_label("hint")
        self.error = plain_label("error")
        self.error.hide()
        self._layout = _column(self)
        self._layout.addWidget(self.hint)
        self._layout.addWidget(self.error)
        self._layout.addStretch(1)

    def show_journey(self, journey: Journey) -> None:
        if self.section is not None:
            self.section.deleteLater()
        self.section = QualitiesSection(
            Polarity.EXCEL, journey.qualities, checked_ids=set(), own_labels=[]
        )
        self.section.studio = journey.studio
        self.section.retranslate()
        self._layout.insertWidget(0, self.section)
        self.hint.setText(self.tr("Choose at least one."))
        self.show_error(False)

    def show_error(self, shown_: bool) -> None:
        self.error.setText(self.tr("Choose at least one quality."))
        self.error.setVisible(shown_)

    def chosen(self) -> tuple[list[int], list[str]]:
        if self.section is None:
            return [], []
        return self.section.checked_ids(), self.section.own_labels()


class TextsStep(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = plain_label("question")
        self.hint = plain_label("hint")
        self.question_1 = plain_label()
        self.text_1 = LimitedText(MAX_TEXT_CHARS)
        self.question_2 = plain_label()
        self.text_2 = LimitedText(MAX_TEXT_CHARS)
        layout = _column(self)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        for label, field in ((self.question_1, self.text_1), (self.question_2, self.text_2)):
            label.setBuddy(field)
            layout.addWidget(label)
            layout.addWidget(field)
            layout.addWidget(field.count)
        layout.addStretch(1)

    def show_journey(self, journey: Journey) -> None:
        self.title.setText(self.tr("Your testimonial"))
        self.hint.setText(self.tr("Optional: two or three sentences for each question are enough."))
        for label, field, asked in (
            (self.question_1, self.text_1, journey.question_1),
            (self.question_2, self.text_2, journey.question_2),
        ):
            label.setText(asked)
            field.setAccessibleName(asked)
            field.clear()
        self.text_1.setPlaceholderText(
            self.tr(
                "In two or three sentences: where you started, what you came for, what you "
                "worked on together."
            )
        )
        self.text_2.setPlaceholderText(
            self.tr(
                "In two or three sentences: what is different for you now (energy, habits, how "
                "you feel…)."
            )
        )


class DetailsStep(QWidget):
    """What will be shown: a job title, how the name appears, a consent for each part, and the
    preview of exactly what a published testimonial would show (no photo at the kiosk)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journey: Journey | None = None
        self._texts: tuple[str, str] = ("", "")
        self.title = plain_label("question")
        self.hint = plain_label("hint")
        self.job_label = plain_label()
        self.job_title = QLineEdit()
        self.job_title.setMaxLength(MAX_JOB_TITLE_CHARS)
        self.job_title.setMinimumHeight(MIN_TOUCH_PX)
        self.job_label.setBuddy(self.job_title)
        self.name_label = plain_label()
        self.short_name = _checkable()
        self.full_name = _checkable()
        names = QButtonGroup(self)
        names.setExclusive(True)
        names.addButton(self.short_name)
        names.addButton(self.full_name)
        self.consent_label = plain_label()
        self.show_name = _checkable()
        self.show_job_title = _checkable()
        self.preview_label = plain_label("heading")
        self.preview = plain_label()
        self.preview.setObjectName("testimonialPreview")
        layout = _column(self)
        for widget in (self.title, self.hint, self.job_label, self.job_title, self.name_label):
            layout.addWidget(widget)
        grid = QGridLayout()
        grid.addWidget(self.short_name, 0, 0)
        grid.addWidget(self.full_name, 0, 1)
        layout.addLayout(grid)
        layout.addWidget(self.consent_label)
        consents = QGridLayout()
        consents.addWidget(self.show_name, 0, 0)
        consents.addWidget(self.show_job_title, 0, 1)
        layout.addLayout(consents)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.preview)
        layout.addStretch(1)
        for button in (self.short_name, self.full_name, self.show_name, self.show_job_title):
            button.toggled.connect(self.update_preview)
        self.job_title.textChanged.connect(self.update_preview)

    def show_journey(self, journey: Journey, texts: tuple[str, str]) -> None:
        first_time = self._journey is None or self._journey.testimonial_id != journey.testimonial_id
        self._journey = journey
        self._texts = texts
        if first_time:
            self.job_title.clear()
            self.short_name.setChecked(True)
            self.show_name.setChecked(False)  # consent is asked, never assumed
            self.show_job_title.setChecked(False)
        self.title.setText(self.tr("What will be shown"))
        self.hint.setText(
            self.tr(
                "Choose what you agree to show about you. Nothing else is ever shown, and you "
                "can withdraw your consent at any time."
            )
        )
        self.job_label.setText(self.tr("Job title"))
        self.job_title.setAccessibleName(self.tr("Job title"))
        self.job_title.setPlaceholderText(self.tr("Optional"))
        self.name_label.setText(self.tr("Your name appears as"))
        self.short_name.setText(button_text(journey.short_name))
        self.full_name.setText(button_text(journey.full_name))
        self.consent_label.setText(self.tr("Your consent"))
        self.show_name.setText(self.tr("Show my name"))
        self.show_job_title.setText(self.tr("Show my job title"))
        self.preview_label.setText(self.tr("Preview"))
        self.update_preview()

    def reset(self) -> None:
        """A new client: nothing typed or chosen by the last one is kept."""
        self._journey = None

    def consents(self) -> frozenset[ConsentPart]:
        given = {ConsentPart.NAME: self.show_name, ConsentPart.JOB_TITLE: self.show_job_title}
        return frozenset(part for part, button in given.items() if button.isChecked())

    def job_title_text(self) -> str:
        return " ".join(self.job_title.text().split())

    def update_preview(self, *_args: object) -> None:
        journey = self._journey
        if journey is None:
            return
        show = shown(
            self.consents(),
            name=journey.full_name if self.full_name.isChecked() else journey.short_name,
            job_title=self.job_title_text() or None,
            has_photo=False,
        )
        lines = [show.name or i18n.fill(self.tr("Member of %1"), journey.studio)]
        if show.job_title:
            lines.append(show.job_title)
        for asked, text in zip((journey.question_1, journey.question_2), self._texts, strict=True):
            if text.strip():
                lines += ["", asked, text.strip()]
        self.preview.setText("\n".join(lines))


class RefusalStep(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = plain_label("question")
        self.hint = plain_label("hint")
        self.reasons: dict[RefusalReason, TouchButton] = {}
        group = QButtonGroup(self)
        group.setExclusive(True)
        layout = _column(self)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        for reason in RefusalReason:
            button = _checkable()
            group.addButton(button)
            self.reasons[reason] = button
            layout.addWidget(button)
        self.more_label = plain_label()
        self.more = LimitedText(MAX_REFUSAL_CHARS)
        self.more_label.setBuddy(self.more)
        self.error = plain_label("error")
        self.error.hide()
        layout.addWidget(self.more_label)
        layout.addWidget(self.more)
        layout.addWidget(self.more.count)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self._group = group

    def show_journey(self, journey: Journey) -> None:
        self._group.setExclusive(False)
        for button in self.reasons.values():
            button.setChecked(False)
        self._group.setExclusive(True)
        self.more.clear()
        self.error.hide()
        self.title.setText(self.tr("Why not?"))
        self.hint.setText(
            i18n.fill(self.tr("Your answer goes only to the team of %1."), journey.studio)
        )
        texts = {
            RefusalReason.NOT_SATISFIED: self.tr("I am not satisfied enough"),
            RefusalReason.NOT_PUBLIC: self.tr("I don't want to make this recommendation public"),
            RefusalReason.OTHER: self.tr("Another reason"),
        }
        for reason, button in self.reasons.items():
            button.setText(texts[reason])
        self.more_label.setText(self.tr("Tell us more (optional)"))
        self.more.setAccessibleName(self.tr("Tell us more (optional)"))
        self.error.setText(self.tr("Choose a reason."))

    def reason(self) -> RefusalReason | None:
        return next((r for r, b in self.reasons.items() if b.isChecked()), None)
