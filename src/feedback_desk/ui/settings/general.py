"""General settings: the studio (name, language for clients, time zone) and, for this PC only,
the interface language.

The interface language is a preference of each user on each PC (QSettings, ui/preferences.py),
not a studio setting: several PCs may share one store. It applies when the dialog saves, and at
every start unless ``FEEDBACK_DESK_LANG`` says otherwise. The managers' addresses and the postal
address live on the Email page, beside what uses them; what the kiosk asks is on the Kiosk page.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QVBoxLayout, QWidget

from feedback_desk.services.settings import Settings
from feedback_desk.ui import i18n, preferences
from feedback_desk.ui.context import WindowContext
from feedback_desk.ui.settings.page import SchemaFormPage, plain_label, set_row_label


class GeneralPage(SchemaFormPage):
    GROUPS = (
        (
            QT_TRANSLATE_NOOP("GeneralPage", "Studio"),
            (
                "studio.name",
                "studio.language",
                "studio.timezone",
            ),
        ),
    )

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.interface_language = QComboBox(self)
        self.interface_language.setObjectName("interface.language")
        # Language names in their own language: whoever reads one can find it.
        self.interface_language.addItem("", "")
        self.interface_language.addItem("Français", "fr")
        self.interface_language.addItem("English", "en")
        self._chosen_language = preferences.interface_language()
        self._show_language(self._chosen_language)
        self.this_computer = QGroupBox(self)
        self.this_computer_form = QFormLayout(self.this_computer)
        self.this_computer_form.addRow(" ", self.interface_language)
        self.language_note = plain_label(self.this_computer)
        self.this_computer_form.addRow(self.language_note)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.count() - 1, self.this_computer)  # above the closing stretch
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.interface_language.setItemText(0, self.tr("System language"))
        self.interface_language.setAccessibleName(self.tr("Interface language"))
        self.this_computer.setTitle(self.tr("This computer"))
        set_row_label(
            self.this_computer_form, self.interface_language, self.tr("Interface language:")
        )
        self.language_note.setText(
            self.tr(
                "Each person chooses the language of the window on their own computer; "
                "the studio's settings are shared. The window shows it as soon as you "
                "save or apply."
            )
        )

    def label(self, key: str) -> str:
        labels = {
            "studio.name": self.tr("Studio name"),
            "studio.language": self.tr("Language for clients without one"),
            "studio.timezone": self.tr("Time zone"),
        }
        return labels.get(key, key)

    def _editor(self, key: str) -> QWidget:
        editor = super()._editor(key)
        if key == "studio.language" and isinstance(editor, QComboBox):
            editor.clear()
            editor.addItem("Français", "fr")
            editor.addItem("English", "en")
        return editor

    def _show_language(self, language: str) -> None:
        index = self.interface_language.findData(language)
        self.interface_language.setCurrentIndex(max(index, 0))

    def load(self, settings: Settings) -> None:
        super().load(settings)
        self._chosen_language = preferences.interface_language()
        self._show_language(self._chosen_language)

    def apply_locally(self) -> None:
        """A new interface language is remembered on this PC and shown at once."""
        from feedback_desk.ui.app import system_language

        chosen = str(self.interface_language.currentData() or "")
        if chosen == self._chosen_language:
            return
        preferences.set_interface_language(chosen)
        self._chosen_language = chosen
        i18n.install_language(chosen or system_language())
