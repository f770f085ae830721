"""The Settings dialog: the pages of the registry, checked together and saved together.

Save asks every page for its problems (see page.py for how a page reports them). With any, nothing
is written: each page shows its messages beside its fields, each page with a problem is marked in
the list (a warning icon, red, and an accessible description), and the dialog switches to the
first such page, scrolls to its first bad field and focuses it."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QScrollArea,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from feedback_desk.services.audit import default_actor
from feedback_desk.services.progress import Progress
from feedback_desk.services.settings import Settings, load_settings, set_setting
from feedback_desk.ui.context import WindowContext, describe_error
from feedback_desk.ui.settings.page import (
    ERROR_STYLE,
    SettingsPage,
    ignore_wheel_unless_focused,
)
from feedback_desk.ui.settings.registry import page_specs


class SettingsDialog(QDialog):
    saved = Signal(list)  # the keys that changed

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.context = context
        self.tasks = context.tasks_for(self)
        self.pages: dict[str, SettingsPage] = {}
        self.scrollers: dict[str, QScrollArea] = {}
        self._loaded = context.settings
        self.page_list = QListWidget()
        self.stack = QStackedWidget()
        for spec in page_specs():
            page = spec.create(context)
            page.setObjectName(f"page:{spec.key}")
            ignore_wheel_unless_focused(page)
            self.pages[spec.key] = page
            scroller = QScrollArea()
            scroller.setWidgetResizable(True)
            scroller.setWidget(page)
            self.scrollers[spec.key] = scroller
            self.stack.addWidget(scroller)
            self.page_list.addItem(spec.title())
        # As wide as the longest title (room for the warning icon), no wider: pages need it.
        self.page_list.setIconSize(QSize(16, 16))
        self.page_list.setFixedWidth(
            min(
                self.page_list.sizeHintForColumn(0) + 16 + 4 * self.page_list.frameWidth() + 16,
                200,
            )
        )
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
        self.resize(880, 600)
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
        self._loaded = settings
        for page in self.pages.values():
            page.load(settings)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    def save(self) -> None:
        """Check every page; save everything in one transaction, or nothing at all."""
        changes: dict[str, str] = {}
        for page in self.pages.values():
            changes.update(page.changes())
        upcoming = self._loaded.with_values(changes)
        first: str | None = None
        found: dict[str, dict[str, str]] = {}
        for index, (key, page) in enumerate(self.pages.items()):
            page.upcoming = upcoming
            problems = page.problems()
            page.show_problems(problems)
            self._mark(index, bool(problems))
            if problems:
                found[key] = problems
                first = first or key
        if first is not None:
            self._say(self.tr("Some values need fixing; nothing was saved."), error=True)
            self._reveal(first, found[first])
            return
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

    def _mark(self, row: int, has_problems: bool) -> None:
        """A page with values to fix stands out in the list, to the eye and to a screen reader."""
        item = self.page_list.item(row)
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        note = self.tr("Has values to fix") if has_problems else ""
        item.setIcon(warning if has_problems else QIcon())
        item.setForeground(QBrush(QColor("#B00020")) if has_problems else QBrush())
        item.setToolTip(note)
        item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, note)

    def _reveal(self, key: str, problems: dict[str, str]) -> None:
        """Show *key*'s page, scrolled to its first bad field, and focus that field."""
        self.show_page(key)
        editor = self.pages[key].problem_editor(problems)
        if editor is None:
            return
        page = self.pages[key]
        layout = page.layout()
        if layout is not None:
            layout.activate()  # a page never shown yet has its fields placed now
        self.scrollers[key].ensureWidgetVisible(editor)
        editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _saved(self, keys: list[str]) -> None:
        self.buttons.setEnabled(True)
        for page in self.pages.values():
            page.apply_locally()
        self.saved.emit(keys)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self._say(self.tr("Could not save: {why}").format(why=describe_error(exc)), error=True)
