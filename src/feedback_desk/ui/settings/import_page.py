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
from feedback_desk.ui.settings.page import ValuesPage, plain_label

FOLDER, DATE_ORDER, SETTLE = "import.watch_folder", "import.date_order", "import.settle_seconds"


class ImportSettingsPage(ValuesPage):
    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.folder = QLineEdit(self)
        self.folder.setPlaceholderText(self.tr("No folder: nothing is imported on its own"))
        self.folder.setAccessibleName(self.tr("Watch folder"))
        self.choose_button = QPushButton(self.tr("Choose…"), self)
        self.choose_button.clicked.connect(self.choose_folder)
        self.chooser: QFileDialog | None = None
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose_button)
        self.explained = plain_label(
            self,
            self.tr(
                "A CSV file placed in this folder is imported on its own while the window is "
                "open (or by feedback-desk import-folder). Its name says what it holds: clients…, "
                "coaches…, sessions…, visits…, attendance…, reviews… (or visites…, seances…, "
                "presences…, avis…, entraineurs…). Imported files move to imported/, refused ones "
                "to failed/ with their problems beside them."
            ),
        )
        self.date_order = QComboBox(self)
        self.date_order.addItem(self.tr("day/month/year (03/04/2026 is 3 April)"), "dmy")
        self.date_order.addItem(self.tr("month/day/year (03/04/2026 is March 4)"), "mdy")
        self.settle = QSpinBox(self)
        settle = definition(SETTLE)
        self.settle.setRange(int(settle.minimum or 0), int(settle.maximum or 3600))
        self.settle.setSuffix(self.tr(" seconds"))
        self.settle.setToolTip(
            self.tr("A file is imported once it has stayed unchanged this long.")
        )
        form = QFormLayout()
        form.addRow(self.tr("Watch folder:"), folder_row)
        form.addRow(self.explained)
        form.addRow(self.tr("Wait before importing a file:"), self.settle)
        form.addRow(self.tr("Dates such as 03/04/2026 are:"), self.date_order)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems_label)
        layout.addStretch(1)
        self.load(context.settings)

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
