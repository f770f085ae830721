"""The prompt itself: the question, 1-5 large stars, then (a business review, with
``nps.enabled``) the optional 0-10 recommendation question, the aspects offered, own words, a
comment."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QVBoxLayout, QWidget

from feedback_desk.domain.kinds import Polarity, ReviewKind
from feedback_desk.domain.segments import offered_polarities
from feedback_desk.services.prompting.kiosk import AspectOption, Visit
from feedback_desk.services.prompting.recording import Answer, OwnAspect
from feedback_desk.services.review_recording import MAX_COMMENT_CHARS
from feedback_desk.ui import i18n
from feedback_desk.ui.kiosk.aspects import AspectSection
from feedback_desk.ui.kiosk.widgets import (
    ScoreRow,
    StarRow,
    TouchButton,
    plain_label,
    reveal,
    touch_scroll_area,
)
from feedback_desk.ui.retranslating import Retranslating

# Excel first: a happy client sees what they liked before anything else.
POLARITY_ORDER = (Polarity.EXCEL, Polarity.TO_IMPROVE)


class QuestionScreen(Retranslating, QWidget):
    """Asks the prompt shown to the client; emits what they chose."""

    submitted = Signal(object)  # Answer
    ignored = Signal()
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._visit: Visit | None = None
        self._options: list[AspectOption] = []
        self._asked_at: datetime | None = None
        self._tz: ZoneInfo | None = None
        self.sections: list[AspectSection] = []
        self._ticked_ids: set[int] = set()
        self._own_words: dict[Polarity, list[str]] = {}

        self.greeting = plain_label("title")
        self.question = plain_label("question")
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.greeting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stars = StarRow()
        self.stars.rated.connect(self._rated)
        self.rating_hint = plain_label("hint")
        self.rating_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # The 0-10 question, after the stars of a business review (optional for the client).
        self.recommend_question = plain_label("heading")
        self.recommend_question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.recommend = ScoreRow()
        self.recommend_hint = plain_label("hint")
        self.recommend_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.recommend.setAccessibleName(self.recommend_question.text())
        self._recommend_box = QWidget()
        recommend_box = QVBoxLayout(self._recommend_box)
        recommend_box.setContentsMargins(0, 0, 0, 0)
        for widget in (self.recommend_question, self.recommend, self.recommend_hint):
            recommend_box.addWidget(widget)
        self._asks_recommend = False
        self._studio = ""
        self._sections_box = QVBoxLayout()
        self.comment = QPlainTextEdit()
        self.comment.setMinimumHeight(140)
        self.comment.textChanged.connect(self._comment_changed)
        self.comment_count = plain_label("hint")
        self.comment_count.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.error = plain_label("error")
        self.error.hide()
        self._details = QWidget()
        details = QVBoxLayout(self._details)
        details.setContentsMargins(0, 0, 0, 0)
        details.addWidget(self._recommend_box)
        details.addLayout(self._sections_box)
        details.addWidget(self.comment)
        details.addWidget(self.comment_count)
        self._details.hide()

        self.send_button = TouchButton("primary")
        self.send_button.clicked.connect(self._send)
        self.ignore_button = TouchButton()
        self.ignore_button.clicked.connect(self.ignored)
        self.cancel_button = TouchButton("quiet")
        self.cancel_button.clicked.connect(self.cancelled)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.ignore_button)
        buttons.addWidget(self.send_button)

        content = QWidget()
        content.setObjectName("scrollContent")
        column = QVBoxLayout(content)
        column.setContentsMargins(40, 16, 40, 16)
        column.setSpacing(16)
        column.addWidget(self.greeting)
        column.addWidget(self.question)
        column.addWidget(self.stars)
        column.addWidget(self.rating_hint)
        column.addWidget(self._details)
        column.addStretch(1)
        self.scroll = touch_scroll_area(content)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.setContentsMargins(12, 8, 12, 12)
        self.retranslate()

    # --- Loading a visit ----------------------------------------------------------------------

    def load(
        self,
        visit: Visit,
        options: Sequence[AspectOption],
        *,
        asked_at: datetime,
        tz: ZoneInfo,
        recommend_of: str | None = None,
    ) -> None:
        """*recommend_of*: the studio's name when the 0-10 question is asked (``nps.enabled``);
        it is asked of business reviews only."""
        self._visit = visit
        self._asks_recommend = recommend_of is not None and visit.kind is ReviewKind.BUSINESS
        self._studio = recommend_of or ""
        self._recommend_box.setVisible(self._asks_recommend)
        self.recommend.set_score(None)
        self._options = list(options)
        self._asked_at = asked_at
        self._tz = tz
        self.stars.set_stars(0)
        self._ticked_ids = set()
        self._own_words = {}
        self.comment.clear()
        self._clear_sections()
        self._details.hide()
        self.set_busy(False)
        self.show_error(None)
        self.retranslate()

    def _clear_sections(self) -> None:
        for section in self.sections:
            section.deleteLater()
        self.sections = []

    # --- Translation --------------------------------------------------------------------------

    def retranslate(self) -> None:
        visit = self._visit
        self.greeting.setText(i18n.fill(self.tr("Hello %1!"), visit.first_name) if visit else "")
        self.question.setText(self.question_text())
        self.rating_hint.setText(
            self.tr("Tap the stars: 1 is poor, 5 is excellent.") if self.stars.stars == 0 else ""
        )
        self.stars.set_accessible_names(
            [self.tr("1 star")] + [i18n.fill(self.tr("%1 stars"), str(n)) for n in range(2, 6)]
        )
        self.recommend_question.setText(
            i18n.fill(
                self.tr("How likely are you to recommend %1 to a friend or family member?"),
                self._studio,
            )
        )
        self.recommend.setAccessibleName(self.recommend_question.text())
        self.recommend_hint.setText(self.tr("0 is not at all likely, 10 is extremely likely."))
        self.comment.setPlaceholderText(self.tr("A comment? (optional)"))
        self._comment_changed()
        self.send_button.setText(self.tr("Send"))
        self.ignore_button.setText(self.tr("Ignore for now"))
        self.cancel_button.setText(self.tr("Not you? Start over"))

    def question_text(self) -> str:
        """The question in the language shown: the class and coach on a day, or the studio's."""
        visit = self._visit
        if visit is None:
            return ""
        if visit.kind is ReviewKind.BUSINESS or visit.session is None:
            return visit.question_fr if i18n.current_language() == "fr" else visit.question_en
        assert self._asked_at is not None
        assert self._tz is not None
        session = visit.session
        day = session.starts_at.astimezone(self._tz).date()
        days_ago = (self._asked_at.astimezone(self._tz).date() - day).days
        weekday = i18n.locale().dayName(day.isoweekday(), QLocale.FormatType.LongFormat)
        if days_ago <= 0:
            text = self.tr("How was %1 with %2 today?")
        elif days_ago == 1:
            text = self.tr("How was %1 with %2 yesterday?")
        elif days_ago >= 7:
            text = self.tr("How was %1 with %2 last %3?")
        else:
            text = self.tr("How was %1 with %2 on %3?")
        return i18n.fill(text, session.class_name, session.coach_first_name, weekday)

    # --- The client's choices -----------------------------------------------------------------

    def _remember_ticks(self) -> None:
        """Keep what was ticked in the lists on screen, for when the stars bring them back."""
        for section in self.sections:
            checked = set(section.checked_ids())
            self._ticked_ids -= set(section.toggles) - checked
            self._ticked_ids |= checked
            self._own_words[section.polarity] = section.own_labels()

    def _rated(self, stars: int) -> None:
        self._remember_ticks()
        kept_ids = self._ticked_ids
        kept_own = self._own_words
        self._clear_sections()
        offered = offered_polarities(stars)
        for polarity in POLARITY_ORDER:
            if polarity not in offered:
                continue
            section = AspectSection(
                polarity,
                [o for o in self._options if o.polarity is polarity],
                checked_ids=kept_ids,
                own_labels=kept_own.get(polarity, []),
            )
            section.editor_opened.connect(lambda field: reveal(self.scroll, field))
            self._sections_box.addWidget(section)
            self.sections.append(section)
        self._details.show()
        self.show_error(None)
        self.retranslate()
        if self.sections:  # what the stars opened: its first list, from its heading
            reveal(self.scroll, self.sections[0].heading)

    def _comment_changed(self) -> None:
        text = self.comment.toPlainText()
        if len(text) > MAX_COMMENT_CHARS:
            self.comment.setPlainText(text[:MAX_COMMENT_CHARS])
            cursor = self.comment.textCursor()
            cursor.movePosition(cursor.MoveOperation.End)
            self.comment.setTextCursor(cursor)
            return
        self.comment_count.setText(f"{len(text)} / {MAX_COMMENT_CHARS}")

    def answer(self) -> Answer:
        comment = self.comment.toPlainText().strip()
        return Answer(
            stars=self.stars.stars,
            aspect_ids=[i for s in self.sections for i in s.checked_ids()],
            own_aspects=[
                OwnAspect(s.polarity, label) for s in self.sections for label in s.own_labels()
            ],
            comment=comment or None,
            recommend=self.recommend.score if self._asks_recommend else None,
        )

    def _send(self) -> None:
        if self.stars.stars:
            self.submitted.emit(self.answer())
        else:  # a disabled button would say nothing to a finger that taps it
            self.show_error(self.tr("Touch a star first."))

    def set_busy(self, busy: bool) -> None:
        for button in (self.send_button, self.ignore_button, self.cancel_button):
            button.setEnabled(not busy)

    def show_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
