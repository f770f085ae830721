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

How a page reports a refused value (the dialog shows it, marks the page in the list, switches to
the first page with a problem, scrolls to its first bad field and focuses it):

* :meth:`SettingsPage.problems` returns ``{key: message}``, the message already in the interface
  language. :meth:`SettingsPage.check` gives the schema's verdict on typed values that way
  ("Enter a number of months (1 to 24).", see ``problems.py``); add your own cross-field checks
  to its result (:attr:`SettingsPage.upcoming` holds every page's values as Save would store
  them). A key may be any name (``"kiosk.pin_again"``), not only a settings key.
* Put each editor on the page through :meth:`SettingsPage.field`
  (``form.addRow(label, self.field("smtp.host", self.host))``): the key's message then shows
  under that editor, is its accessible description, and the editor is the one focused. A key with
  no field shows in the page's own place: :class:`ValuesPage`'s ``problems_label``, or wherever a
  page that overrides :meth:`SettingsPage.show_problems` puts it.
* :class:`SchemaFormPage` does all of this for the keys in its ``GROUPS``.

The dialog also makes every spin box and combo box of a page ignore the mouse wheel unless it
has the focus (:func:`ignore_wheel_unless_focused`), so that scrolling a page never changes a
value by accident; a page that adds such editors later calls that function on them.

A page says its words in :meth:`SettingsPage.retranslate` (the ``Retranslating`` pattern): called
at the end of its ``__init__`` and again when the interface language changes while the dialog is
open (Apply on the General page), so that nothing stays in the previous language. Words computed
from a state (a PIN set or not, a connection checked) are kept as that state and said again there.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from functools import cache
from zoneinfo import available_timezones

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from feedback_desk.clock import Clock
from feedback_desk.domain.settings_schema import Kind, definition
from feedback_desk.domain.values import format_bool
from feedback_desk.services.settings import Settings
from feedback_desk.store.database import Store
from feedback_desk.ui.context import StoreTasks, WindowContext
from feedback_desk.ui.retranslating import Retranslating
from feedback_desk.ui.settings.problems import setting_problem
from feedback_desk.ui.settings.setting_help import setting_help

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


class _WheelGuard(QObject):
    """Passes a wheel turn over an unfocused editor on to the page (which scrolls) instead of
    letting it change the value."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        wheel = event.type() == QEvent.Type.Wheel
        if wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            event.ignore()  # Qt then offers it to the parents: the scroll area scrolls
            return True
        return False


@cache
def _wheel_guard() -> _WheelGuard:
    return _WheelGuard()


def ignore_wheel_unless_focused(root: QWidget) -> None:
    """Every spin box and combo box in *root* (and *root* itself) changes with the wheel only
    once clicked or tabbed into."""
    guard = _wheel_guard()
    editors = [*root.findChildren(QAbstractSpinBox), *root.findChildren(QComboBox)]
    if isinstance(root, QAbstractSpinBox | QComboBox):
        editors.append(root)
    for editor in editors:
        editor.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        editor.removeEventFilter(guard)
        editor.installEventFilter(guard)


def set_row_label(form: QFormLayout, field: QWidget | QLayout, text: str) -> None:
    """The label Qt made for *field*'s row (``form.addRow("", field)``) now says *text*."""
    label = form.labelForField(field)
    assert isinstance(label, QLabel), "the row was added with a text label"
    label.setText(text)


class SettingsPage(Retranslating, QWidget):
    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        # The page's immediate actions: they outlive neither the page nor the store.
        self.tasks: StoreTasks = context.tasks_for(self)
        # Every page's values as Save would store them; the dialog sets it before problems().
        self.upcoming: Settings = context.settings
        self._field_editors: dict[str, QWidget] = {}
        self._field_errors: dict[str, QLabel] = {}
        self._field_boxes: dict[str, QWidget] = {}

    def retranslate(self) -> None:
        """Say the page's words in the interface language (see the module's docstring)."""

    def load(self, settings: Settings) -> None:
        """Show the stored values."""

    def changes(self) -> dict[str, str]:
        """Settings keys whose typed value differs from the stored one."""
        return {}

    def problems(self) -> dict[str, str]:
        """key → message (interface language) for every value that would be refused."""
        return {}

    def write(self, session: Session, *, at: datetime, actor: str) -> None:
        """Store changes that are not settings keys (e.g. email templates), in the same
        transaction as every page's settings; raise ValueError to roll everything back."""

    def after_save(self, store: Store, clock: Clock) -> None:
        """Extra work on the worker thread once the store is saved (none by default)."""

    def saved_and_kept_open(self) -> None:
        """On the GUI thread once Apply saved everything (the dialog stays open, and then
        shows the settings as stored again): forget edits kept outside the settings keys."""

    def apply_locally(self) -> None:
        """On the GUI thread once everything is saved: what lives on this PC, not in the store
        (the interface language). Nothing by default."""

    # --- Fields and their problems --------------------------------------------------------

    def field(self, key: str, editor: QWidget) -> QWidget:
        """*editor* with *key*'s problem shown under it: add the returned widget to the page
        where the editor goes."""
        error = plain_label(self, style=ERROR_STYLE)
        error.setObjectName(f"error:{key}")
        error.setVisible(False)
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(editor)
        column.addWidget(error)
        self._field_editors[key] = editor
        self._field_errors[key] = error
        self._field_boxes[key] = box
        return box

    def field_box(self, key: str) -> QWidget:
        """What :meth:`field` returned for *key* (the row's field in its form)."""
        return self._field_boxes[key]

    def field_editor(self, key: str) -> QWidget | None:
        return self._field_editors.get(key)

    def field_error(self, key: str) -> QLabel | None:
        """The label under *key*'s editor (hidden while the value is fine)."""
        return self._field_errors.get(key)

    def check(self, values: Mapping[str, str]) -> dict[str, str]:
        """The schema's verdict on typed settings values: key → message, in plain words."""
        found = {}
        for key, value in values.items():
            message = setting_problem(key, value)
            if message is not None:
                found[key] = message
        return found

    def show_problems(self, problems: dict[str, str]) -> None:
        """Show (or clear) each message under its field; see :meth:`unplaced`."""
        for key, error in self._field_errors.items():
            message = problems.get(key, "")
            error.setText(message)
            error.setVisible(bool(message))
            self._field_editors[key].setAccessibleDescription(message)

    def unplaced(self, problems: dict[str, str]) -> dict[str, str]:
        """The problems whose key has no field on this page."""
        return {k: m for k, m in problems.items() if k not in self._field_errors}

    def problem_editor(self, problems: dict[str, str]) -> QWidget | None:
        """The editor the dialog focuses: the first field, in the order added, with a problem."""
        for key, editor in self._field_editors.items():
            if key in problems:
                return editor
        return None


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
            value = editor.currentData()  # an item may show words for a stored code
            return str(value) if value is not None else editor.currentText()
        assert isinstance(editor, QLineEdit)
        return editor.text()

    def show(self, value: str) -> None:
        self.loaded = value
        editor = self.editor
        if isinstance(editor, QCheckBox):
            editor.setChecked(value == "yes")
        elif isinstance(editor, QComboBox):
            found = editor.findData(value)
            if found < 0:
                found = editor.findText(value)
            if found < 0:
                editor.addItem(value)
                found = editor.findText(value)
            editor.setCurrentIndex(found)
        elif isinstance(editor, QLineEdit):
            editor.setText(value)


class SchemaFormPage(SettingsPage):
    """Group boxes of fields for settings keys; editors follow each key's kind in the schema,
    with the key's tooltip from ``setting_help.py`` (add one there for a new key).

    Mark each group's title with ``QT_TRANSLATE_NOOP("YourPageClass", "Title")`` so that lupdate
    finds it; the page translates it in its own class's context."""

    GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.fields: dict[str, _Field] = {}
        self._groups: list[tuple[QGroupBox, str]] = []
        self._forms: dict[str, QFormLayout] = {}
        layout = QVBoxLayout(self)
        for title, keys in self.GROUPS:
            box = QGroupBox()
            self._groups.append((box, title))
            form = QFormLayout(box)
            for key in keys:
                editor = self._editor(key)
                form.addRow(" ", self.field(key, editor))
                error = self.field_error(key)
                assert error is not None
                self.fields[key] = _Field(key, editor, error)
                self._forms[key] = form
            layout.addWidget(box)
        layout.addStretch(1)
        SchemaFormPage.retranslate(self)

    def retranslate(self) -> None:
        """Group titles, field labels, their tooltips and names for a screen reader."""
        for box, title in self._groups:
            box.setTitle(QCoreApplication.translate(type(self).__name__, title))
        for key, field in self.fields.items():
            box = self.field_box(key)
            set_row_label(self._forms[key], box, self.label(key))
            field.editor.setToolTip(setting_help(key))  # the window's words, not the CLI's
            field.editor.setAccessibleName(self.label(key))

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
        return self.check(self.changes())


class ValuesPage(SettingsPage):
    """A page with its own editors for some settings keys: :meth:`values` reads them,
    :meth:`show_values` fills them. Its changes are the values that differ from what it showed,
    checked by the schema; a problem shows under its editor when the page placed it with
    :meth:`field`, else in ``problems_label`` (prefixed with its key)."""

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
        return self.check(self.changes())

    def show_problems(self, problems: dict[str, str]) -> None:
        super().show_problems(problems)
        elsewhere = self.unplaced(problems)
        self.problems_label.setText(
            "\n".join(
                message if key in message else f"{key}: {message}"
                for key, message in elsewhere.items()
            )
        )
        self.problems_label.setVisible(bool(elsewhere))
