"""The Settings dialog: the pages of the registry, checked together and saved together.

Save asks every page for its problems (see page.py for how a page reports them). With any, nothing
is written: each page shows its messages beside its fields, each page with a problem is marked in
the list (a warning icon, red, and an accessible description), and the dialog switches to the
first such page, scrolls to its first bad field and focuses it.

Apply saves the same way and leaves the dialog open: a new interface language then shows at once
in the dialog itself (its title, page list, pages and message say their words again in
``retranslate``), as in the main window."""

from __future__ import annotations

from collections.abc import Callable

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
from feedback_desk.ui.retranslating import KeptText, Retranslating
from feedback_desk.ui.settings.page import (
    ERROR_STYLE,
    SettingsPage,
    ignore_wheel_unless_focused,
)
from feedback_desk.ui.settings.registry import page_specs


class SettingsDialog(Retranslating, QDialog):
    saved = Signal(list)  # the keys that changed

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.tasks = context.tasks_for(self)
        self.pages: dict[str, SettingsPage] = {}
        self.scrollers: dict[str, QScrollArea] = {}
        self._titles: list[Callable[[], str]] = []
        self._marked: set[int] = set()
        self._closing = True  # Save closes the dialog once saved, Apply leaves it open
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
            self._titles.append(spec.title)
            self.page_list.addItem("")
        self.page_list.setIconSize(QSize(16, 16))
        self.page_list.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.page_list.setCurrentRow(0)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message_text = KeptText(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Apply
            | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        apply = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        apply.clicked.connect(self.apply)
        body = QHBoxLayout()
        body.addWidget(self.page_list)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(880, 600)
        self.retranslate()
        self._show_settings(context.settings)
        self.tasks.query(self.tr("the settings"), load_settings, self._show_settings)

    def retranslate(self) -> None:
        """The dialog's own words (each page says its own; Qt's buttons follow by themselves)."""
        self.setWindowTitle(self.tr("Settings"))
        for row, title in enumerate(self._titles):
            self.page_list.item(row).setText(title())
            self._mark(row, row in self._marked)
        self.message_text.again()
        # As wide as the longest title (room for the warning icon), no wider: pages need it.
        self.page_list.setFixedWidth(
            min(
                self.page_list.sizeHintForColumn(0) + 16 + 4 * self.page_list.frameWidth() + 16,
                200,
            )
        )

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

    def _say(self, text: Callable[[], str], *, error: bool = False) -> None:
        """Show *text*'s words now, and again in the next interface language."""
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message_text.say(text)

    def save(self) -> None:
        """Check every page; save everything in one transaction, or nothing at all; close."""
        self._closing = True
        self._check_and_save()

    def apply(self) -> None:
        """Save as :meth:`save` does and stay open."""
        self._closing = False
        self._check_and_save()

    def _check_and_save(self) -> None:
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
            self._say(lambda: self.tr("Some values need fixing; nothing was saved."), error=True)
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
        self._say(lambda: self.tr("Saving…"))
        self.tasks.run(work, name="settings", on_done=self._saved, on_error=self._failed)

    def _mark(self, row: int, has_problems: bool) -> None:
        """A page with values to fix stands out in the list, to the eye and to a screen reader."""
        self._marked = (self._marked | {row}) if has_problems else (self._marked - {row})
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
        if self._closing:
            self.accept()
            return
        self._say(lambda: self.tr("Saved."))
        for page in self.pages.values():
            page.saved_and_kept_open()
        # What is stored now is what each page compares its next changes with.
        self.tasks.query(self.tr("the settings"), load_settings, self._show_settings)

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        # The error itself is kept: its words follow the language it is said in.
        self._say(
            lambda: self.tr("Could not save: {why}").format(why=describe_error(exc)), error=True
        )
