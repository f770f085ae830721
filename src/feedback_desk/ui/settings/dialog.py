"""The Settings dialog: the pages of the registry, checked together and saved together."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from feedback_desk.services.audit import default_actor
from feedback_desk.services.progress import Progress
from feedback_desk.services.settings import Settings, load_settings, set_setting
from feedback_desk.ui.context import WindowContext, describe_error
from feedback_desk.ui.settings.page import ERROR_STYLE, SettingsPage
from feedback_desk.ui.settings.registry import page_specs


class SettingsDialog(QDialog):
    saved = Signal(list)  # the keys that changed

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.context = context
        self.tasks = context.tasks_for(self)
        self.pages: dict[str, SettingsPage] = {}
        self.page_list = QListWidget()
        self.page_list.setMaximumWidth(180)
        self.stack = QStackedWidget()
        for spec in page_specs():
            page = spec.create(context)
            page.setObjectName(f"page:{spec.key}")
            self.pages[spec.key] = page
            scroller = QScrollArea()
            scroller.setWidgetResizable(True)
            scroller.setWidget(page)
            self.stack.addWidget(scroller)
            self.page_list.addItem(spec.title())
        self.page_list.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.page_list.setCurrentRow(0)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addWidget(self.page_list)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(760, 560)
        self._show_settings(context.settings)
        self.tasks.query(self.tr("the settings"), load_settings, self._show_settings)

    def page(self, key: str) -> SettingsPage:
        return self.pages[key]

    def show_page(self, key: str) -> None:
        """Open on *key*'s page (e.g. the Google tab's "Connect…" opens Settings → Google)."""
        keys = list(self.pages)
        if key in keys:
            self.page_list.setCurrentRow(keys.index(key))

    def _show_settings(self, settings: Settings) -> None:
        if not isValid(self):
            return  # closed (and deleted) before the settings arrived
        for page in self.pages.values():
            page.load(settings)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    def save(self) -> None:
        """Check every page; save everything in one transaction, or nothing at all."""
        problems_found = False
        for index, page in enumerate(self.pages.values()):
            problems = page.problems()
            page.show_problems(problems)
            if problems and not problems_found:
                self.page_list.setCurrentRow(index)
                problems_found = True
        if problems_found:
            self._say(self.tr("Some values need fixing; nothing was saved."), error=True)
            return
        changes: dict[str, str] = {}
        for page in self.pages.values():
            changes.update(page.changes())
        store, clock, pages = self.context.store, self.context.clock, list(self.pages.values())
        actor = default_actor()

        def work(_progress: Progress) -> list[str]:
            with store.write() as session:
                at = clock.now()
                for key, value in changes.items():
                    set_setting(session, key, value, at=at, actor=actor)
                for page in pages:
                    page.write(session, at=at, actor=actor)
            for page in pages:
                page.after_save(store, clock)
            return list(changes)

        self.buttons.setEnabled(False)
        self._say(self.tr("Saving…"))
        self.tasks.run(work, name="settings", on_done=self._saved, on_error=self._failed)

    def _saved(self, keys: list[str]) -> None:
        self.buttons.setEnabled(True)
        self.saved.emit(keys)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self._say(self.tr("Could not save: {why}").format(why=describe_error(exc)), error=True)
