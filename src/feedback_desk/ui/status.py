"""The main window's status bar: messages, a permanent area other features add widgets to
(outbox counts, Google sync time…), and the progress of long tasks with a Cancel button."""

from __future__ import annotations

from PySide6.QtCore import Qt
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
        self._tracked: list[tuple[Task, str]] = []
        self.retranslate()

    def retranslate(self) -> None:
        """The Cancel button's texts (a task's label and a message keep the language they were
        given in: they are gone in seconds)."""
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop this task"))

    # Messages -----------------------------------------------------------------------------
    def show_message(self, text: str, timeout_ms: int = MESSAGE_MS) -> None:
        self.showMessage(text, timeout_ms)

    def show_error(self, text: str) -> None:
        self.showMessage(text, ERROR_MS)

    # Permanent widgets --------------------------------------------------------------------
    def add_permanent(self, widget: QWidget) -> None:
        """Add *widget* to the right-hand area (kept across messages)."""
        self.permanent_layout.addWidget(widget)
        widget.show()  # a child added to a shown widget stays hidden until told

    # Tasks --------------------------------------------------------------------------------
    def track(self, task: Task, label: str, *, cancellable: bool = True) -> None:
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

    def _current(self) -> tuple[Task, str] | None:
        return self._tracked[-1] if self._tracked else None

    def _show_current(self) -> None:
        current = self._current()
        visible = current is not None
        for widget in (self.task_label, self.progress):
            widget.setVisible(visible)
        if current is None:
            self.cancel_button.setVisible(False)
            return
        task, label = current
        self.task_label.setText(label)
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
            self.task_label.setText(f"{current[1]} {message}")

    def _finished(self, task: Task) -> None:
        self._tracked = [(t, label) for t, label in self._tracked if t is not task]
        self._show_current()

    def _cancel(self) -> None:
        current = self._current()
        if current is not None:
            current[0].cancel()
            self.task_label.setText(self.tr("Cancelling…"))
