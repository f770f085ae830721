"""Settings → Import: the watch folder (chosen in a folder chooser that leaves the window
running), how day/month dates are read, and how long a file must stay unchanged."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from feedback_desk.domain.settings_schema import definition
from feedback_desk.services.settings import Settings
from feedback_desk.ui.context import WindowContext
from feedback_desk.ui.settings.page import ValuesPage, plain_label, set_row_label

FOLDER, DATE_ORDER, SETTLE = "import.watch_folder", "import.date_order", "import.settle_seconds"


class ImportSettingsPage(ValuesPage):
    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.folder = QLineEdit(self)
        self.choose_button = QPushButton(self)
        self.choose_button.clicked.connect(self.choose_folder)
        self.chooser: QFileDialog | None = None
        self.folder_row = QHBoxLayout()
        self.folder_row.addWidget(self.folder, 1)
        self.folder_row.addWidget(self.choose_button)
        self.explained = plain_label(self)
        self.date_order = QComboBox(self)
        self.date_order.addItem("", "dmy")
        self.date_order.addItem("", "mdy")
        self.settle = QSpinBox(self)
        settle = definition(SETTLE)
        self.settle.setRange(int(settle.minimum or 0), int(settle.maximum or 3600))
        self.form = QFormLayout()
        self.form.addRow(" ", self.folder_row)
        self.form.addRow(self.explained)
        self.form.addRow(" ", self.settle)
        self.form.addRow(" ", self.date_order)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problems_label)
        layout.addStretch(1)
        self.retranslate()
        self.load(context.settings)

    def retranslate(self) -> None:
        self.folder.setPlaceholderText(self.tr("No folder: nothing is imported on its own"))
        self.folder.setAccessibleName(self.tr("Watch folder"))
        self.choose_button.setText(self.tr("Choose…"))
        self.explained.setText(
            self.tr(
                "A CSV file placed in this folder is imported on its own while the window is "
                "open (or by feedback-desk import-folder). Its name says what it holds: clients…, "
                "coaches…, sessions…, visits…, attendance…, reviews… (or visites…, seances…, "
                "presences…, avis…, entraineurs…). Imported files move to imported/, refused ones "
                "to failed/ with their problems beside them."
            )
        )
        self.date_order.setItemText(0, self.tr("day/month/year (03/04/2026 is 3 April)"))
        self.date_order.setItemText(1, self.tr("month/day/year (03/04/2026 is March 4)"))
        self.settle.setSuffix(self.tr(" seconds"))
        self.settle.setToolTip(
            self.tr("A file is imported once it has stayed unchanged this long.")
        )
        set_row_label(self.form, self.folder_row, self.tr("Watch folder:"))
        set_row_label(self.form, self.settle, self.tr("Wait before importing a file:"))
        set_row_label(self.form, self.date_order, self.tr("Dates such as 03/04/2026 are:"))

    def choose_folder(self) -> QFileDialog:
        chooser = QFileDialog(self, self.tr("Choose the watch folder"), self.folder.text())
        chooser.setFileMode(QFileDialog.FileMode.Directory)
        chooser.setOption(QFileDialog.Option.ShowDirsOnly, True)
        chooser.fileSelected.connect(self.folder.setText)
        self.chooser = chooser
        chooser.open()
        return chooser

    def show_values(self, settings: Settings) -> None:
        self.folder.setText(settings.text(FOLDER))
        self.date_order.setCurrentIndex(max(self.date_order.findData(settings.raw(DATE_ORDER)), 0))
        self.settle.setValue(settings.integer(SETTLE))

    def values(self) -> dict[str, str]:
        return {
            FOLDER: self.folder.text().strip(),
            DATE_ORDER: str(self.date_order.currentData()),
            SETTLE: str(self.settle.value()),
        }
