"""A copy of the studio's store (a backup, a copy for a test) says so across the top of the
window and never sends email or syncs Google as the studio, until staff confirm that it is the
live store (docs/rules.md#live-store). Which store is live is read on a worker when a store
opens; the outbox and Google features wait for the answer (``context.live``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton

from feedback_desk.services.liveness import Liveness, liveness, make_live
from feedback_desk.ui.context import WindowContext, describe_error
from feedback_desk.ui.window_features import WindowFeature


class LiveStoreFeature(WindowFeature):
    def install(self) -> None:
        self.banner = QFrame()
        self.banner.setObjectName("copyBanner")
        self.banner.setStyleSheet(
            "#copyBanner { background: #FFF3CD; border-bottom: 1px solid #E69F00; }"
        )
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.make_live_button = QPushButton()
        self.make_live_button.clicked.connect(self.ask_make_live)
        layout = QHBoxLayout(self.banner)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.make_live_button)
        self.banner.hide()
        self.window.add_banner(self.banner)
        self.question: QMessageBox | None = None
        self.live_at: str | None = None

    def attach(self, context: WindowContext) -> None:
        self.context = context
        self.banner.hide()
        self.tasks = context.tasks_for(self)
        store = context.store
        self.tasks.run(
            lambda _progress: liveness(store),
            name=self.tr("whether this is the live store"),
            on_done=self._known,
        )

    def _known(self, state: Liveness) -> None:
        self.context.live = state.live
        self.live_at = state.live_at
        self.banner.setVisible(not state.live)
        self.retranslate()
        self.context.live_changed.emit(state.live)

    def retranslate(self) -> None:
        self.make_live_button.setText(self.tr("This is the studio's live store…"))
        if self.live_at is not None and not self.banner.isHidden():
            self.message.setText(
                self.tr(
                    "This store is a copy of the studio's live store ({live_at}): it sends no "
                    "email and does not sync Google."
                ).format(live_at=self.live_at)
            )

    def ask_make_live(self) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("The studio's live store"),
            self.tr(
                "Make this store the studio's live store? From now on it sends the studio's "
                "email and syncs Google, and {live_at} becomes a copy. Do this when the store "
                "was moved or restored from a backup, not for a test copy."
            ).format(live_at=self.live_at or ""),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.window,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._answered)
        self.question = box
        box.open()
        return box

    def _answered(self, result: int) -> None:
        if result != QMessageBox.StandardButton.Yes:
            return
        store = self.context.store
        self.tasks.run(
            lambda _progress: make_live(store),
            name=self.tr("making this the live store"),
            on_done=lambda _before: self._known(Liveness(live=True)),
            on_error=self._failed,
        )

    def _failed(self, error: BaseException) -> None:
        self.window.status.show_error(lambda: describe_error(error))
