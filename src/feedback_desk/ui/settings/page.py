"""A page of the Settings dialog, and a form page built from settings keys alone.

The dialog checks every page (:meth:`SettingsPage.problems`, on the GUI thread: pure checks),
then saves all their :meth:`SettingsPage.changes` in one write transaction on a worker thread,
then runs each page's :meth:`SettingsPage.after_save` there too (for what is not a setting,
e.g. a secret in the keyring). Nothing is written when any page has a problem.
"""

from __future__ import annotations

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

from feedback_desk.clock import Clock
from feedback_desk.domain.settings_schema import Kind, definition, normalize
from feedback_desk.domain.values import format_bool
from feedback_desk.services.settings import Settings
from feedback_desk.store.database import Store
from feedback_desk.ui.context import WindowContext

ERROR_STYLE = "color: #B00020;"


class SettingsPage(QWidget):
    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context

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

    def after_save(self, store: Store, clock: Clock) -> None:
        """Extra work on the worker thread once the settings are saved (none by default)."""


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
