"""A page of the Settings dialog, and a form page built from settings keys alone.

The dialog checks every page (:meth:`SettingsPage.problems`, on the GUI thread: pure checks),
then saves all their :meth:`SettingsPage.changes` and :meth:`SettingsPage.write` in one write
transaction on a worker thread, then runs each page's :meth:`SettingsPage.after_save` there too
(for what is not in the store, e.g. a secret in the keyring). Nothing is written when any page
has a problem, and Cancel writes nothing. A page's own buttons that act at once (send a test
email, sign in with Google, approve an aspect) run through :attr:`SettingsPage.tasks`: on the
window's runner, delivered only while the page exists, so closing the dialog never waits for them.
Pages never read the store on the GUI thread: what they show comes from the settings the dialog
loaded, or from their own background reads.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import available_timezones

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from feedback_desk.clock import Clock
from feedback_desk.domain.settings_schema import Kind, definition, normalize
from feedback_desk.domain.values import format_bool
from feedback_desk.services.settings import Settings
from feedback_desk.store.database import Store
from feedback_desk.ui.context import StoreTasks, WindowContext

ERROR_STYLE = "color: #B00020;"
WARNING_STYLE = "color: #8A5300;"


def plain_label(parent: QWidget, text: str = "", *, style: str = "") -> QLabel:
    """A word-wrapped label that never interprets its text as rich text."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if style:
        label.setStyleSheet(style)
    return label


class SettingsPage(QWidget):
    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        # The page's immediate actions: they outlive neither the page nor the store.
        self.tasks: StoreTasks = context.tasks_for(self)

    def load(self, settings: Settings) -> None:
        """Show the stored values."""

    def changes(self) -> dict[str, str]:
        """Settings keys whose typed value differs from the stored one."""
        return {}

    def problems(self) -> dict[str, str]:
        """key → message for every value that would be refused; shown beside its field."""
        return {}

    def show_problems(self, problems: dict[str, str]) -> None:
        """Show (or clear) the messages for this page's keys."""

    def write(self, session: Session, *, at: datetime, actor: str) -> None:
        """Store changes that are not settings keys (e.g. email templates), in the same
        transaction as every page's settings; raise ValueError to roll everything back."""

    def after_save(self, store: Store, clock: Clock) -> None:
        """Extra work on the worker thread once the store is saved (none by default)."""


class _Field:
    def __init__(self, key: str, editor: QWidget, error: QLabel) -> None:
        self.key = key
        self.editor = editor
        self.error = error
        self.loaded = ""

    def text(self) -> str:
        editor = self.editor
        if isinstance(editor, QCheckBox):
            return format_bool(editor.isChecked())
        if isinstance(editor, QComboBox):
            return editor.currentText()
        assert isinstance(editor, QLineEdit)
        return editor.text()

    def show(self, value: str) -> None:
        self.loaded = value
        editor = self.editor
        if isinstance(editor, QCheckBox):
            editor.setChecked(value == "yes")
        elif isinstance(editor, QComboBox):
            found = editor.findText(value)
            if found < 0:
                editor.addItem(value)
                found = editor.findText(value)
            editor.setCurrentIndex(found)
        elif isinstance(editor, QLineEdit):
            editor.setText(value)


class SchemaFormPage(SettingsPage):
    """Group boxes of fields for settings keys; editors follow each key's kind in the schema."""

    GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.fields: dict[str, _Field] = {}
        layout = QVBoxLayout(self)
        for title, keys in self.GROUPS:
            box = QGroupBox(self.tr(title))
            form = QFormLayout(box)
            for key in keys:
                editor = self._editor(key)
                error = QLabel()
                error.setTextFormat(Qt.TextFormat.PlainText)
                error.setStyleSheet(ERROR_STYLE)
                error.setWordWrap(True)
                error.setVisible(False)
                error.setObjectName(f"error:{key}")
                column = QVBoxLayout()
                column.setSpacing(2)
                column.addWidget(editor)
                column.addWidget(error)
                form.addRow(self.label(key), column)
                self.fields[key] = _Field(key, editor, error)
            layout.addWidget(box)
        layout.addStretch(1)

    def label(self, key: str) -> str:
        """The field's label (override to name keys in words)."""
        return key

    def _editor(self, key: str) -> QWidget:
        defn = definition(key)
        editor: QWidget
        if defn.kind is Kind.BOOL:
            editor = QCheckBox()
        elif defn.kind is Kind.CHOICE:
            editor = QComboBox()
            editor.addItems(list(defn.choices))
        elif defn.kind is Kind.TIMEZONE:
            editor = QComboBox()
            editor.setEditable(True)
            editor.addItems(sorted(available_timezones()))
        else:
            editor = QLineEdit()
            editor.setPlaceholderText(defn.default)
        editor.setObjectName(key)
        editor.setToolTip(defn.help)
        editor.setAccessibleName(self.label(key))
        return editor

    def editor(self, key: str) -> QWidget:
        return self.fields[key].editor

    def load(self, settings: Settings) -> None:
        for key, field in self.fields.items():
            field.show(settings.raw(key))
        self.show_problems({})

    def changes(self) -> dict[str, str]:
        return {k: f.text() for k, f in self.fields.items() if f.text() != f.loaded}

    def problems(self) -> dict[str, str]:
        found = {}
        for key, text in self.changes().items():
            try:
                normalize(key, text)
            except ValueError as exc:
                found[key] = str(exc)
        return found

    def show_problems(self, problems: dict[str, str]) -> None:
        for key, field in self.fields.items():
            message = problems.get(key, "")
            field.error.setText(message)
            field.error.setVisible(bool(message))


class ValuesPage(SettingsPage):
    """A page with its own editors for some settings keys: :meth:`values` reads them,
    :meth:`show_values` fills them. Its changes are the values that differ from what it showed,
    checked with the same messages as ``feedback-desk config``, listed in ``problems_label``."""

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.problems_label = plain_label(self, style=ERROR_STYLE)
        self._shown: dict[str, str] = {}

    def values(self) -> dict[str, str]:
        raise NotImplementedError

    def show_values(self, settings: Settings) -> None:
        raise NotImplementedError

    def load(self, settings: Settings) -> None:
        self.show_values(settings)
        self._shown = self.values()
        self.show_problems({})

    def changes(self) -> dict[str, str]:
        return {k: v for k, v in self.values().items() if v != self._shown.get(k)}

    def problems(self) -> dict[str, str]:
        found = {}
        for key, value in self.changes().items():
            try:
                normalize(key, value)
            except ValueError as exc:
                message = str(exc)
                found[key] = message if key in message else f"{key}: {message}"
        return found

    def show_problems(self, problems: dict[str, str]) -> None:
        self.problems_label.setText("\n".join(problems.values()))
        self.problems_label.setVisible(bool(problems))
