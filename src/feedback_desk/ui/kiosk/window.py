"""The kiosk window: welcome → the client's prompt in their language → thanks → welcome.

It runs on a window context (the main window's, or one of its own for ``feedback-desk kiosk``)
whose settings are loaded. Every database step runs on the context's workers and comes back as a
callback on the GUI thread; a result that arrives after the kiosk moved on (a timeout, "start
over") is dropped by its generation number, and one that arrives after the kiosk closed is
dropped by the context. A prompt is stored as shown the moment it appears, so a client who walks
away leaves it abandoned without anything to clean up. The staff PIN is read from the store when
staff ask to leave (a manager may have set it since the kiosk opened).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QHBoxLayout, QLayout, QStackedWidget, QVBoxLayout, QWidget

from feedback_desk.domain.kinds import ReviewKind
from feedback_desk.domain.pin import check_pin
from feedback_desk.domain.testimonials import Place
from feedback_desk.services.prompting import kiosk as steps
from feedback_desk.services.prompting.recording import Answer
from feedback_desk.services.settings import load_settings
from feedback_desk.services.testimonials import journey as testimonial_steps
from feedback_desk.services.testimonials.answering import Acceptance, Refusal
from feedback_desk.services.testimonials.journey import Journey
from feedback_desk.ui import i18n
from feedback_desk.ui.context import WindowContext
from feedback_desk.ui.kiosk.idle import IdleWatch, TimerIdleWatch
from feedback_desk.ui.kiosk.pin import PinDialog
from feedback_desk.ui.kiosk.question import QuestionScreen
from feedback_desk.ui.kiosk.style import STYLE_SHEET
from feedback_desk.ui.kiosk.testimonial import TestimonialScreen
from feedback_desk.ui.kiosk.thanks import Ending, ThanksScreen
from feedback_desk.ui.kiosk.welcome import WelcomeScreen
from feedback_desk.ui.kiosk.widgets import TouchButton
from feedback_desk.ui.retranslating import Retranslating

T = TypeVar("T")

ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.KeyPress,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.Wheel,
        QEvent.Type.InputMethod,
    }
)


class KioskWindow(Retranslating, QWidget):
    """Full-screen by its caller (``showFullScreen``); leaving needs the staff PIN."""

    # Staff left kiosk mode (or the application is quitting): the kiosk has closed.
    closed = Signal()

    def __init__(
        self,
        context: WindowContext,
        *,
        idle: IdleWatch | None = None,
        search_delay_ms: int = 250,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kiosk")
        self.setStyleSheet(STYLE_SHEET)
        self._store = context.store
        self._clock = context.clock
        self._tasks = context.tasks_for(self)
        settings = context.settings
        self._studio_language = settings.language
        # Asked after the business stars when on (its question names the studio).
        self._recommend_of = settings.studio_name if settings.flag("nps.enabled") else None
        self._tz = settings.timezone
        self._previous_language = i18n.current_language()
        self._generation = 0
        self._may_close = False
        self._visit: steps.Visit | None = None
        # The client's open invitation to recommend the studio, offered after the prompt.
        self._offer: Journey | None = None
        self.pin_dialog: PinDialog | None = None
        self._pin_asked = False  # the stored PIN is being read for the PIN pad
        self.idle = (
            idle if idle is not None else TimerIdleWatch(settings.integer("kiosk.idle_seconds"))
        )
        if self.idle.parent() is None:
            self.idle.setParent(self)
        self.idle.expired.connect(self.go_idle)

        self.welcome = WelcomeScreen(search_delay_ms=search_delay_ms)
        self.question = QuestionScreen()
        self.thanks = ThanksScreen()
        self.testimonial = TestimonialScreen()
        self.stack = QStackedWidget()
        for screen in (self.welcome, self.question, self.thanks, self.testimonial):
            self.stack.addWidget(screen)
        self.staff_button = TouchButton("quiet")
        self.staff_button.clicked.connect(self.request_exit)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.staff_button)
        layout = QVBoxLayout(self)
        # Full screen: the content never sizes the window (and the screen's size is the limit).
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)

        self.welcome.search_requested.connect(self._search)
        self.welcome.client_chosen.connect(self._choose)
        self.question.submitted.connect(self._submit)
        self.question.ignored.connect(self._ignore)
        self.question.cancelled.connect(self.go_idle)
        self.thanks.done.connect(self.go_idle)
        self.testimonial.accepted.connect(self._recommend)
        self.testimonial.refused.connect(self._decline)
        self.testimonial.later.connect(lambda: self._thank(Ending.IGNORED))
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.retranslate()
        self.go_idle()

    # --- Translation --------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Feedback Desk: tell us how it went"))
        self.staff_button.setText(self.tr("Staff"))

    # --- Idle -----------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY_EVENTS and isinstance(watched, QWidget):
            window = watched.window()
            if window is self or window is self.pin_dialog:
                self.idle.restart()
        return False

    def go_idle(self) -> None:
        """Back to the welcome screen in the studio's language; a prompt shown stays abandoned."""
        self._generation += 1
        self._visit = None
        self._offer = None
        if self.pin_dialog is not None:
            self.pin_dialog.reject()
        i18n.install_language(self._studio_language)
        self.welcome.reset()
        self.welcome.setEnabled(True)
        self.stack.setCurrentWidget(self.welcome)
        self.idle.stop()

    def _show(self, screen: QWidget) -> None:
        self.stack.setCurrentWidget(screen)
        self.idle.restart()

    def _run(self, name: str, work: Callable[[], T], on_done: Callable[[T], None]) -> None:
        """Run *work* on a worker; *on_done* only if the kiosk has not moved on meanwhile. A
        failure (its traceback is in the log) ends the visit with an apology."""
        generation = self._generation

        def done(result: T) -> None:
            if generation == self._generation:
                on_done(result)

        def failed(_error: BaseException) -> None:
            if generation == self._generation:
                self._failed()

        self._tasks.run(lambda _progress: work(), name=name, on_done=done, on_error=failed)

    # --- A visit --------------------------------------------------------------------------------

    def _search(self, text: str) -> None:
        store = self._store
        self._run(
            "kiosk-search",
            lambda: steps.find_clients(store, text),
            lambda matches: self.welcome.show_results(text, matches),
        )

    def _choose(self, client_id: int) -> None:
        self._generation += 1
        self.welcome.setEnabled(False)
        store, clock = self._store, self._clock

        def work() -> tuple[steps.Visit, list[steps.AspectOption], Journey | None]:
            visit = steps.start_visit(store, clock, client_id)
            # Both lists at once (what 4 stars offers); the screen filters by the stars tapped.
            options = steps.aspect_options(store, visit.kind, 4) if visit.kind else []
            return visit, options, testimonial_steps.for_client(store, clock, client_id)

        self._run("kiosk-visit", work, self._show_visit)

    def _show_visit(
        self, result: tuple[steps.Visit, list[steps.AspectOption], Journey | None]
    ) -> None:
        visit, options, offer = result
        self._visit = visit
        self._offer = offer
        i18n.install_language(visit.language)
        self.welcome.setEnabled(True)
        if visit.prompt_id is None:
            self._end(Ending.NOTHING_DUE)
            return
        self.question.load(
            visit, options, asked_at=self._clock.now(), tz=self._tz, recommend_of=self._recommend_of
        )
        self._show(self.question)

    def _submit(self, answer: Answer) -> None:
        visit = self._visit
        if visit is None or visit.prompt_id is None:
            return
        prompt_id = visit.prompt_id
        store, clock = self._store, self._clock
        self.question.set_busy(True)
        self._run(
            "kiosk-answer",
            lambda: steps.submit(store, clock, prompt_id, answer),
            lambda _review_id: self._end(Ending.ANSWERED),
        )

    def _ignore(self) -> None:
        visit = self._visit
        if visit is None or visit.prompt_id is None:
            return
        prompt_id = visit.prompt_id
        store, clock = self._store, self._clock
        self.question.set_busy(True)
        self._run(
            "kiosk-ignore",
            lambda: steps.ignore(store, clock, prompt_id),
            lambda _none: self._end(Ending.IGNORED),
        )

    def _end(self, ending: Ending) -> None:
        """The prompt is done with: the open invitation to recommend the studio comes next."""
        offer = self._offer
        if offer is not None and ending is not Ending.FAILED:
            self._offer = None
            self.testimonial.load(offer)
            self._show(self.testimonial)
            return
        self._thank(ending)

    def _thank(self, ending: Ending) -> None:
        self.thanks.show_ending(self._visit.first_name if self._visit else "", ending)
        self._show(self.thanks)

    # --- The testimonial journey ----------------------------------------------------------------

    def _recommend(self, acceptance: Acceptance) -> None:
        self._answer_testimonial(testimonial_steps.accept, acceptance, Ending.RECOMMENDED)

    def _decline(self, refusal: Refusal) -> None:
        self._answer_testimonial(testimonial_steps.refuse, refusal, Ending.DECLINED)

    def _answer_testimonial(
        self, record: Callable[..., object], answer: Acceptance | Refusal, ending: Ending
    ) -> None:
        testimonial_id = self.testimonial.testimonial_id
        store, clock = self._store, self._clock
        self._run(
            "kiosk-testimonial",
            lambda: record(store, clock, testimonial_id, answer, place=Place.KIOSK),
            lambda _answered: self._thank(ending),
        )

    def _failed(self) -> None:
        self.welcome.setEnabled(True)
        self._thank(Ending.FAILED)

    @property
    def visit_kind(self) -> ReviewKind | None:
        return self._visit.kind if self._visit else None

    # --- Leaving kiosk mode ---------------------------------------------------------------------

    def request_exit(self) -> None:
        """Ask for the staff PIN (or, with none set, say so and allow leaving), once the stored
        PIN has been read."""
        if self.pin_dialog is not None or self._pin_asked:
            return
        self._pin_asked = True
        store = self._store

        def read_pin(_progress: object) -> str:
            with store.read() as session:
                return load_settings(session).raw("kiosk.pin")

        self._tasks.run(
            read_pin,
            name="kiosk-pin-setting",
            on_done=self._open_pin_pad,
            on_error=self._pin_unreadable,
        )
        self.idle.restart()

    def _pin_unreadable(self, _error: BaseException) -> None:
        """The store could not be read (the traceback is in the log): staff may try again."""
        self._pin_asked = False
        self._failed()

    def _open_pin_pad(self, stored: str) -> None:
        self._pin_asked = False
        if self._may_close:
            return
        dialog = PinDialog(pin_configured=bool(stored), parent=self)
        dialog.pin_entered.connect(lambda pin: self._check_pin(pin, stored))
        dialog.leave_without_pin.connect(self._leave)
        dialog.finished.connect(self._pin_dialog_closed)
        self.pin_dialog = dialog
        dialog.open()
        self.idle.restart()

    def _check_pin(self, pin: str, stored: str) -> None:
        def checked(ok: object) -> None:
            if ok:
                self._leave()
            elif self.pin_dialog is not None:
                self.pin_dialog.wrong_pin()

        self._tasks.run(
            lambda _p: check_pin(pin, stored), name=self.tr("the staff PIN"), on_done=checked
        )

    def _pin_dialog_closed(self) -> None:
        if self.pin_dialog is not None:
            self.pin_dialog.deleteLater()
        self.pin_dialog = None

    def _leave(self) -> None:
        self._may_close = True
        if self.pin_dialog is not None:
            self.pin_dialog.accept()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_close:
            event.ignore()
            self.request_exit()
            return
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.idle.stop()
        i18n.install_language(self._previous_language)
        event.accept()
        super().closeEvent(event)
        # Before Qt counts the windows left open: the main window can show itself again.
        self.closed.emit()

    def shutdown(self) -> None:
        """Close without the PIN: the application itself is quitting."""
        self._may_close = True
        self.close()

    def keyPressEvent(self, event: Any) -> None:
        # Escape does not leave kiosk mode (only the Staff button with the PIN does).
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)
