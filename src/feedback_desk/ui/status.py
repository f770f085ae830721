"""The main window's status bar: messages, a permanent area other features add widgets to
(outbox counts, Google sync time…), and the progress of long tasks with a Cancel button.

A message is given as *how to say it* (:data:`Said`: a function of the interface language, e.g.
``lambda: self.tr("Settings saved.")``, or one that describes an exception when called), so that
a message still shown when the interface language changes is said again in the new one, for the
time it had left. A plain string is shown as it is (text that is data, or already said)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDeadlineTimer, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QStatusBar,
    QToolButton,
    QWidget,
)

from feedback_desk.ui.retranslating import Retranslating
from feedback_desk.workers.tasks import Task

MESSAGE_MS = 6000
ERROR_MS = 15000

Said = str | Callable[[], str]


def said_now(text: Said) -> str:
    """*text* in the interface language of the moment."""
    return text() if callable(text) else text


class StatusArea(Retranslating, QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task_label = QLabel()
        self.task_label.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(180)
        self.progress.setTextVisible(False)
        self.cancel_button = QToolButton()
        self.cancel_button.clicked.connect(self._cancel)
        self.permanent = QWidget()
        self.permanent_layout = QHBoxLayout(self.permanent)
        self.permanent_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.task_label, self.progress, self.cancel_button):
            self.addPermanentWidget(widget)
            widget.setVisible(False)
        self.addPermanentWidget(self.permanent)
        self._tracked: list[tuple[Task, Said]] = []
        self._task_words = ""  # the current task's last progress words
        self._cancelling = False
        # The message shown, as how to say it, and when it goes.
        self._said: tuple[Callable[[], str], QDeadlineTimer] | None = None
        self.messageChanged.connect(self._message_changed)
        self.retranslate()

    def retranslate(self) -> None:
        """The Cancel button's texts, the message still shown and the task's label in the new
        language (the task's own progress words are said by the task)."""
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop this task"))
        self._say_task()
        if self._said is not None:
            said, deadline = self._said
            left = deadline.remainingTime()
            if left > 0:
                self._show(said, left)

    # Messages -----------------------------------------------------------------------------
    def show_message(self, text: Said, timeout_ms: int = MESSAGE_MS) -> None:
        self._show(text, timeout_ms)

    def show_error(self, text: Said) -> None:
        self._show(text, ERROR_MS)

    def _show(self, text: Said, timeout_ms: int) -> None:
        said = text if callable(text) else (lambda: text)
        self._said = None
        self.showMessage(said_now(said), timeout_ms)
        self._said = (said, QDeadlineTimer(timeout_ms))

    def _message_changed(self, text: str) -> None:
        if not text:
            self._said = None  # timed out, or cleared

    # Permanent widgets --------------------------------------------------------------------
    def add_permanent(self, widget: QWidget) -> None:
        """Add *widget* to the right-hand area (kept across messages)."""
        self.permanent_layout.addWidget(widget)
        widget.show()  # a child added to a shown widget stays hidden until told

    # Tasks --------------------------------------------------------------------------------
    def track(self, task: Task, label: Said, *, cancellable: bool = True) -> None:
        """Show *task*'s progress until it ends; Cancel asks it to stop."""
        self._tracked.append((task, label))
        task.setProperty("cancellable", cancellable)
        task.progressed.connect(
            lambda done, total, message: self._progressed(task, done, total, message)
        )
        task.ended.connect(lambda: self._finished(task))
        self._show_current()

    @property
    def busy(self) -> bool:
        return bool(self._tracked)

    def _current(self) -> tuple[Task, Said] | None:
        return self._tracked[-1] if self._tracked else None

    def _show_current(self) -> None:
        current = self._current()
        visible = current is not None
        for widget in (self.task_label, self.progress):
            widget.setVisible(visible)
        if current is None:
            self.cancel_button.setVisible(False)
            return
        task, _label = current
        self._task_words = ""
        self._cancelling = False
        self._say_task()
        self.progress.setRange(0, 0)
        self.cancel_button.setVisible(bool(task.property("cancellable")))

    def _progressed(self, task: Task, done: int, total: int, message: str) -> None:
        current = self._current()
        if current is None or current[0] is not task:
            return
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        if message:
            self._task_words = message
            self._say_task()

    def _finished(self, task: Task) -> None:
        self._tracked = [(t, label) for t, label in self._tracked if t is not task]
        self._show_current()

    def _cancel(self) -> None:
        current = self._current()
        if current is not None:
            current[0].cancel()
            self._cancelling = True
            self._say_task()

    def _say_task(self) -> None:
        current = self._current()
        if current is None:
            return
        if self._cancelling:
            self.task_label.setText(self.tr("Cancelling…"))
            return
        label = said_now(current[1])
        self.task_label.setText(f"{label} {self._task_words}" if self._task_words else label)
