"""The mapping step's presets: choose one for the kind (built-in or the studio's own), or save
the mapping being built as a preset, asking before replacing one.

Presets are files in the data folder: they are listed and saved on the window's workers; the
name is asked and the replacement confirmed in dialogs opened with ``open()`` (never a nested
event loop).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QWidget,
)

from feedback_desk.services.importing import (
    ImportKind,
    Mapping,
    Preset,
    header_key,
    list_presets,
    save_preset,
)
from feedback_desk.services.importing.presets import MAX_NAME_CHARS
from feedback_desk.ui.context import WindowContext, describe_error

SAVED, EXISTS, BUILTIN = "saved", "exists", "builtin"


def _save(name: str, kind: ImportKind, mapping: Mapping, replace: bool) -> str:
    """Save unless the name is a built-in's, or the preset has *kind* and *replace* is false."""
    key = header_key(name)
    for preset in list_presets():
        if header_key(preset.name) == key:
            if preset.builtin:
                return BUILTIN
            if kind in preset.kinds and not replace:
                return EXISTS
    save_preset(name, kind, mapping, replace=replace)
    return SAVED


class PresetChooser(QWidget):
    """A combo of the presets for the current kind and a *Save as preset…* button."""

    chosen = Signal(object)  # the Preset chosen, or None
    said = Signal(str, bool)  # a message for the dialog, whether it is an error

    def __init__(
        self,
        context: WindowContext,
        current_mapping: Callable[[], Mapping],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks = context.tasks_for(self)
        self._current_mapping = current_mapping
        self._kind = ImportKind.CLIENTS
        self._presets: list[Preset] = []
        self._generation = 0
        self.combo = QComboBox(self)
        self.combo.setAccessibleName(self.tr("Preset"))
        self.combo.currentIndexChanged.connect(self._on_index_changed)
        self.save_button = QPushButton(self.tr("Save as preset…"), self)
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.ask_name)
        self.name_dialog: QInputDialog | None = None
        self.question: QMessageBox | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.save_button)
        self._fill([], None)

    @property
    def preset(self) -> Preset | None:
        index = self.combo.currentIndex()
        return self._presets[index - 1] if index > 0 else None

    @property
    def busy(self) -> bool:
        return self._tasks.busy

    # Listing ----------------------------------------------------------------------------------

    def load(self, kind: ImportKind, select: str | None = None) -> None:
        """List the presets that have a mapping for *kind* (then select *select*, by name)."""
        self._kind = kind
        self._generation += 1
        generation = self._generation
        keep = select or (self.preset.name if self.preset else None)
        self._tasks.run(
            lambda _progress: list_presets(kind),
            name="import-presets",
            on_done=lambda found: self._listed(generation, found, keep),
            on_error=lambda exc: self.said.emit(
                self.tr("The presets could not be listed: {why}").format(why=describe_error(exc)),
                True,
            ),
        )

    def _listed(self, generation: int, presets: list[Preset], keep: str | None) -> None:
        if generation == self._generation:
            self._fill(presets, keep)

    def _fill(self, presets: list[Preset], keep: str | None) -> None:
        before = self.preset
        self._presets = presets
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(self.tr("(no preset)"))
        for preset in presets:
            label = self.tr("{name} (built in)") if preset.builtin else "{name}"
            self.combo.addItem(label.format(name=preset.name))
        names = [header_key(p.name) for p in presets]
        wanted = header_key(keep) if keep else None
        self.combo.setCurrentIndex(names.index(wanted) + 1 if wanted in names else 0)
        self.combo.blockSignals(False)
        if self.preset != before:
            self.chosen.emit(self.preset)

    def _on_index_changed(self, _index: int) -> None:
        self.chosen.emit(self.preset)

    # Saving -----------------------------------------------------------------------------------

    def ask_name(self) -> QInputDialog:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Save as preset"))
        dialog.setLabelText(
            self.tr("Name of the preset (the same name for another kind of file adds it):")
        )
        preset = self.preset
        dialog.setTextValue(preset.name if preset and not preset.builtin else "")
        dialog.textValueSelected.connect(lambda name: self.save(name))
        self.name_dialog = dialog
        dialog.open()
        return dialog

    def save(self, name: str, *, replace: bool = False) -> None:
        name = name.strip()
        if not name or len(name) > MAX_NAME_CHARS or not header_key(name):
            self.said.emit(
                self.tr(
                    "A preset's name has 1 to {count} characters, letters or digits among them."
                ).format(count=MAX_NAME_CHARS),
                True,
            )
            return
        kind, mapping = self._kind, self._current_mapping()
        self.save_button.setEnabled(False)
        self._tasks.run(
            lambda _progress: _save(name, kind, mapping, replace),
            name="import-preset-save",
            on_done=lambda outcome: self._saved(name, outcome),
            on_error=self._save_failed,
        )

    def _saved(self, name: str, outcome: str) -> None:
        self.save_button.setEnabled(True)
        if outcome == BUILTIN:
            self.said.emit(
                self.tr("{name} is a built-in preset's name; choose another name.").format(
                    name=name
                ),
                True,
            )
        elif outcome == EXISTS:
            self._ask_replace(name)
        else:
            self.said.emit(self.tr("Saved as the preset {name}.").format(name=name), False)
            self.load(self._kind, select=name)

    def _ask_replace(self, name: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Replace the preset?"),
            self.tr("The preset {name} already has a mapping for these files. Replace it?").format(
                name=name
            ),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # the name is the user's
        replace = box.addButton(self.tr("Replace"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(
            lambda button: self.save(name, replace=True) if button is replace else None
        )
        self.question = box
        box.open()

    def _save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.said.emit(
            self.tr("The preset could not be saved: {why}").format(why=describe_error(exc)), True
        )
