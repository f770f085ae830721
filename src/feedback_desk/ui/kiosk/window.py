"""The kiosk window: welcome → the client's prompt in their language → thanks → welcome.

Every database step runs on a worker (TaskRunner) and comes back as a queued callback; a result
that arrives after the kiosk moved on (a timeout, "start over") is dropped by its generation
number. A prompt is stored as shown the moment it appears, so a client who walks away leaves it
abandoned without anything to clean up.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QHBoxLayout, QLayout, QStackedWidget, QVBoxLayout, QWidget

from feedback_desk.clock import Clock
from feedback_desk.domain.kinds import ReviewKind
from feedback_desk.domain.pin import check_pin
from feedback_desk.services.prompting import kiosk as steps
from feedback_desk.services.prompting.recording import Answer
from feedback_desk.services.settings import Settings, load_settings
from feedback_desk.store.database import Store
from feedback_desk.ui import i18n
from feedback_desk.ui.kiosk.idle import IdleWatch, TimerIdleWatch
from feedback_desk.ui.kiosk.pin import PinDialog
from feedback_desk.ui.kiosk.question import QuestionScreen
from feedback_desk.ui.kiosk.style import STYLE_SHEET
from feedback_desk.ui.kiosk.thanks import Ending, ThanksScreen
from feedback_desk.ui.kiosk.welcome import WelcomeScreen
from feedback_desk.ui.kiosk.widgets import TouchButton
from feedback_desk.workers.tasks import TaskRunner

log = logging.getLogger(__name__)

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


class KioskWindow(QWidget):
    """Full-screen by its caller (``showFullScreen``); leaving needs the staff PIN."""

    # Staff left kiosk mode (or the application is quitting): the kiosk has closed.
    closed = Signal()

    def __init__(
        self,
        store: Store,
        clock: Clock,
        *,
        idle: IdleWatch | None = None,
        search_delay_ms: int = 250,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kiosk")
        self.setStyleSheet(STYLE_SHEET)
        self._store = store
        self._clock = clock
        settings = self._settings()
        self._studio_language = settings.language
        self._tz = settings.timezone
        self._previous_language = i18n.current_language()
        self._generation = 0
        self._may_close = False
        self._visit: steps.Visit | None = None
        self.pin_dialog: PinDialog | None = None
        self.runner = TaskRunner(self)
        self.idle = (
            idle if idle is not None else TimerIdleWatch(settings.integer("kiosk.idle_seconds"))
        )
        if self.idle.parent() is None:
            self.idle.setParent(self)
        self.idle.expired.connect(self.go_idle)

        self.welcome = WelcomeScreen(search_delay_ms=search_delay_ms)
        self.question = QuestionScreen()
        self.thanks = ThanksScreen()
        self.stack = QStackedWidget()
        for screen in (self.welcome, self.question, self.thanks):
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
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.retranslate()
        self.go_idle()

    def _settings(self) -> Settings:
        with self._store.read() as session:
            return load_settings(session)

    # --- Translation --------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

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

    def _run(self, name: str, work: Any, on_done: Any) -> None:
        """Run *work* on a worker; *on_done* only if the kiosk has not moved on meanwhile."""
        generation = self._generation

        def done(result: object) -> None:
            if generation == self._generation:
                on_done(result)

        def failed(error: BaseException) -> None:
            log.error("kiosk step %s failed: %s", name, error, exc_info=error)
            if generation == self._generation:
                self._failed()

        self.runner.run(lambda _progress: work(), name=name, on_done=done, on_error=failed)

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

        def work() -> tuple[steps.Visit, list[steps.AspectOption]]:
            visit = steps.start_visit(store, clock, client_id)
            # Both lists at once (what 4 stars offers); the screen filters by the stars tapped.
            options = steps.aspect_options(store, visit.kind, 4) if visit.kind else []
            return visit, options

        self._run("kiosk-visit", work, self._show_visit)

    def _show_visit(self, result: tuple[steps.Visit, list[steps.AspectOption]]) -> None:
        visit, options = result
        self._visit = visit
        i18n.install_language(visit.language)
        self.welcome.setEnabled(True)
        if visit.prompt_id is None:
            self.thanks.show_ending(visit.first_name, Ending.NOTHING_DUE)
            self._show(self.thanks)
            return
        self.question.load(visit, options, asked_at=self._clock.now(), tz=self._tz)
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
        self.thanks.show_ending(self._visit.first_name if self._visit else "", ending)
        self._show(self.thanks)

    def _failed(self) -> None:
        self.welcome.setEnabled(True)
        self._end(Ending.FAILED)

    @property
    def visit_kind(self) -> ReviewKind | None:
        return self._visit.kind if self._visit else None

    # --- Leaving kiosk mode ---------------------------------------------------------------------

    def request_exit(self) -> None:
        """Ask for the staff PIN (or, with none set, say so and allow leaving)."""
        if self.pin_dialog is not None:
            return
        stored = self._settings().raw("kiosk.pin")
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

        self.runner.run(lambda _p: check_pin(pin, stored), name="kiosk-pin", on_done=checked)

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
        self.runner.shutdown()
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
