"""Settings → Aspects: approve client-added aspects, rename, hide and merge, with vote counts.

The list (one aggregate query over every vote) and every change run on the window's workers; the
page shows the outcome in its status line and reloads. The buttons wait while one of them runs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from feedback_desk.domain.kinds import AspectStatus, ReviewKind
from feedback_desk.errors import UserInputError
from feedback_desk.services import aspects as catalogue
from feedback_desk.services import audit
from feedback_desk.services.aspects import AspectRow
from feedback_desk.ui import i18n
from feedback_desk.ui.context import WindowContext, describe_error
from feedback_desk.ui.retranslating import KeptText
from feedback_desk.ui.settings.aspect_dialogs import MergeAspectDialog, RenameAspectDialog
from feedback_desk.ui.settings.aspects_model import ENGLISH, FRENCH, ROW_ROLE, AspectsTableModel
from feedback_desk.ui.settings.page import SettingsPage

T = TypeVar("T")


class _AspectFilter(QSortFilterProxyModel):
    """Shows one kind (or both) and, unless asked, hides aspects merged away."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.kind: ReviewKind | None = None
        self.show_merged = False

    def filterAcceptsRow(self, source_row: int, _parent: Any) -> bool:
        model = self.sourceModel()
        assert isinstance(model, AspectsTableModel)
        row = model.row_at(source_row)
        if self.kind is not None and row.kind is not self.kind:
            return False
        return self.show_merged or row.merged_into_id is None


class AspectsPage(SettingsPage):
    """No settings keys: every change applies at once (and is audited), as the buttons say."""

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._clock = context.clock
        self.rename_dialog: RenameAspectDialog | None = None
        self.merge_dialog: MergeAspectDialog | None = None
        self.loaded_once = False

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.kind_filter = QComboBox()
        self.kind_filter.currentIndexChanged.connect(self._filter_changed)
        self.merged_box = QCheckBox()
        self.merged_box.toggled.connect(self._filter_changed)
        self.model = AspectsTableModel(self)
        self.proxy = _AspectFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.DisplayRole)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        # The catalogue's own order (kind, list, then as defined) until a header is clicked.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Short columns fit their text; the labels share the rest and wrap (rows grow to fit).
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FRENCH, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ENGLISH, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.verticalHeader().hide()
        # Qt sizes rows for the column widths of the moment: again whenever those change.
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.model.modelReset.connect(self.table.resizeRowsToContents)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self.rename_selected())

        self.approve_button = QPushButton()
        self.approve_button.clicked.connect(self.approve_selected)
        self.rename_button = QPushButton()
        self.rename_button.clicked.connect(self.rename_selected)
        self.hide_button = QPushButton()
        self.hide_button.clicked.connect(self.toggle_hidden_selected)
        self.merge_button = QPushButton()
        self.merge_button.clicked.connect(self.merge_selected)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.said = KeptText(self.status)  # the last change, said again in another language

        filters = QHBoxLayout()
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.merged_box)
        filters.addStretch(1)
        actions = QHBoxLayout()
        for button in (
            self.approve_button,
            self.rename_button,
            self.hide_button,
            self.merge_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        self.retranslate()
        self.reload()

    # --- Translation --------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "Aspects are the qualities clients tick when they rate. Aspects clients add in "
                "their own words wait for your approval before other clients see them. Hiding "
                "one takes it off the kiosk; merging moves its votes to another."
            )
        )
        current = self.kind_filter.currentIndex()
        self.kind_filter.blockSignals(True)
        self.kind_filter.clear()
        self.kind_filter.addItem(self.tr("Class and studio reviews"), None)
        self.kind_filter.addItem(self.tr("Class reviews"), ReviewKind.CLASS.value)
        self.kind_filter.addItem(self.tr("Studio reviews"), ReviewKind.BUSINESS.value)
        self.kind_filter.setCurrentIndex(max(current, 0))
        self.kind_filter.blockSignals(False)
        self.merged_box.setText(self.tr("Show merged aspects"))
        self.approve_button.setText(self.tr("Approve"))
        self.rename_button.setText(self.tr("Rename…"))
        self.merge_button.setText(self.tr("Merge into…"))
        self.model.retranslate()
        self._update_buttons()
        self.said.again()

    # --- Loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        self.tasks.query(self.tr("the aspects"), catalogue.list_with_votes, self._loaded)
        self._update_buttons()

    def _loaded(self, rows: list[AspectRow]) -> None:
        selected = self.selected()
        self.model.set_rows(rows)
        self.loaded_once = True
        if selected is not None:
            self.select_aspect(selected.id)
        self._update_buttons()

    def _filter_changed(self) -> None:
        value = self.kind_filter.currentData()
        self.proxy.kind = ReviewKind(value) if value else None
        self.proxy.show_merged = self.merged_box.isChecked()
        self.proxy.invalidate()
        self._update_buttons()

    # --- Selection ----------------------------------------------------------------------------

    def selected(self) -> AspectRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        source = self.proxy.mapToSource(rows[0])
        return self.model.row_at(source.row())

    def select_aspect(self, aspect_id: int) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ROW_ROLE) == aspect_id:
                self.table.selectionModel().select(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.scrollTo(index)
                return
        self.table.clearSelection()

    def _update_buttons(self) -> None:
        row = self.selected()
        idle = not self.tasks.busy
        usable = row is not None and row.merged_into_id is None and idle
        pending = row is not None and row.status is AspectStatus.PENDING
        self.approve_button.setEnabled(usable and pending)
        self.rename_button.setEnabled(usable)
        self.hide_button.setEnabled(usable)
        self.merge_button.setEnabled(usable)
        hidden = row is not None and row.hidden
        self.hide_button.setText(self.tr("Show again") if hidden else self.tr("Hide"))

    # --- Changes ------------------------------------------------------------------------------

    def _change(self, name: str, change: Callable[[Session], T], said: Callable[[T], str]) -> None:
        """Run one change in a write transaction on a worker, then report and reload (the
        report kept as how to say it: it follows a language switch)."""

        def done(result: T) -> None:
            self.said.say(lambda: said(result))
            self.reload()

        def failed(error: BaseException) -> None:
            self.said.say(lambda: self._failure(error))
            self.reload()

        self.tasks.write(name, change, done, failed)
        self._update_buttons()

    def _failure(self, error: BaseException) -> str:
        if isinstance(error, catalogue.AspectNameTaken):
            return i18n.fill(
                self.tr("Another aspect is already called “%1” / “%2”: merge the two."),
                error.label_fr,
                error.label_en,
            )
        if isinstance(error, UserInputError):
            return "\n".join(i18n.said_lines(error))
        return i18n.fill(self.tr("The change failed: %1"), describe_error(error))

    def _label(self, row: AspectRow) -> str:
        return row.label_fr if i18n.current_language() == "fr" else row.label_en

    def approve_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        at, actor = self._clock.now(), audit.default_actor()
        self._change(
            "aspect-approve",
            lambda session: catalogue.approve(session, row.id, at=at, actor=actor),
            lambda _done: i18n.fill(self.tr("“%1” is now offered to clients."), self._label(row)),
        )

    def toggle_hidden_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        hide = not row.hidden
        at, actor = self._clock.now(), audit.default_actor()

        def said(_done: object) -> str:
            template = (
                self.tr("“%1” is hidden from the kiosk; its votes still count.")
                if hide
                else self.tr("“%1” is offered again.")
            )
            return i18n.fill(template, self._label(row))

        self._change(
            "aspect-hide",
            lambda session: catalogue.set_hidden(session, row.id, hide, at=at, actor=actor),
            said,
        )

    def rename_selected(self) -> None:
        row = self.selected()
        if row is None or row.merged_into_id is not None:
            return
        dialog = RenameAspectDialog(row, self)
        dialog.accepted.connect(lambda: self._rename(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.rename_dialog = dialog
        dialog.open()

    def _rename(self, dialog: RenameAspectDialog) -> None:
        label_fr, label_en = dialog.labels()
        aspect_id = dialog.aspect.id
        at, actor = self._clock.now(), audit.default_actor()

        def change(session: Session) -> None:
            catalogue.rename(
                session, aspect_id, label_fr=label_fr, label_en=label_en, at=at, actor=actor
            )

        self._change(
            "aspect-rename",
            change,
            lambda _done: i18n.fill(
                self.tr("Renamed to “%1” / “%2”."), label_fr.strip(), label_en.strip()
            ),
        )

    def merge_selected(self) -> None:
        row = self.selected()
        if row is None or row.merged_into_id is not None:
            return
        candidates = [
            other
            for other in self.model.rows()
            if other.kind is row.kind and other.id != row.id and other.merged_into_id is None
        ]
        dialog = MergeAspectDialog(row, candidates, self)
        dialog.accepted.connect(lambda: self._merge(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.merge_dialog = dialog
        dialog.open()

    def _merge(self, dialog: MergeAspectDialog) -> None:
        survivor = dialog.survivor_id()
        if survivor is None:
            return
        merged_id = dialog.aspect.id
        at, actor = self._clock.now(), audit.default_actor()
        self._change(
            "aspect-merge",
            lambda session: catalogue.merge(session, merged_id, survivor, at=at, actor=actor),
            lambda moved: i18n.fill(self.tr("Merged. Votes moved: %1."), str(moved)),
        )

    def votes_of(self, aspect_id: int) -> int | None:
        for row in self.model.rows():
            if row.id == aspect_id:
                return row.votes
        return None
