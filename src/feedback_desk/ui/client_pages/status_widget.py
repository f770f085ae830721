"""The client pages in the status bar: their address while served ("Client pages:
http://192.168.1.20:8765"), or that they could not start (the sentence in its tooltip). Hidden
while they are off; a click opens Settings → Client pages."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QToolButton, QWidget

from feedback_desk.ui.client_pages.serving import Serving, State
from feedback_desk.ui.settings.page import ERROR_STYLE


class ClientPagesStatusWidget(QToolButton):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clientPagesStatus")
        self.setAutoRaise(True)
        self._serving = Serving()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.show_serving(self._serving)
        super().changeEvent(event)

    def show_serving(self, serving: Serving) -> None:
        self._serving = serving
        if serving.state is State.SERVING:
            text = self.tr("Client pages: {url}").format(url=serving.url)
        elif serving.state is State.STARTING:
            text = self.tr("Client pages: starting…")
        else:
            text = self.tr("Client pages: not served")
        self.setText(text)
        self.setStyleSheet(ERROR_STYLE if serving.state is State.FAILED else "")
        self.setToolTip(serving.describe())
        self.setVisible(serving.state is not State.OFF)
