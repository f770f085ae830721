"""A reviews table with its controls: order, period, coach, class, client search, count.

Used by the Business reviews and Class reviews tabs; the analysis tabs of a later issue can embed
it under their charts. Double-clicking a row (or Enter) emits ``review_activated`` with the
review's id, for a details view to open.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QDate,
    QEvent,
    QModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from feedback_desk.domain.kinds import ReviewKind
from feedback_desk.services.review_listing import (
    HIGHEST,
    LOWEST,
    NEWEST,
    OLDEST,
    ReviewFilter,
    ReviewOrder,
    class_choices,
    coach_choices,
)
from feedback_desk.ui.context import WindowContext
from feedback_desk.ui.formatting import DAY_FORMAT
from feedback_desk.ui.models.reviews_table import (
    Column,
    ReviewExternalIdRole,
    ReviewIdRole,
    ReviewsTableModel,
)
from feedback_desk.ui.widgets.periods import Period, period_days, period_label

SEARCH_DELAY_MS = 300

_COLUMN_WIDTHS = {
    Column.DATE: 130,
    Column.CLIENT: 170,
    Column.KIND: 80,
    Column.CLASS: 150,
    Column.COACH: 160,
    Column.STARS: 95,
    Column.CHANNEL: 80,
}


class ReviewsTableView(QTableView):
    """A table tuned for the lazy reviews model: fixed row heights, no per-row measuring."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setSortIndicatorShown(True)

    def set_reviews_model(self, model: ReviewsTableModel) -> None:
        self.setModel(model)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for section in range(model.columnCount()):
            column = model.column_at(section)
            if column is Column.COMMENT:
                header.setSectionResizeMode(section, QHeaderView.ResizeMode.Stretch)
            else:
                header.resizeSection(section, _COLUMN_WIDTHS.get(column, 120))
        self._show_order(model.order())
        # The header's clicks sort through the model; set the indicator first so that enabling
        # sorting does not ask for another order.
        self.setSortingEnabled(True)
        model.order_changed.connect(self._show_order)

    def _show_order(self, order: ReviewOrder) -> None:
        model = self.model()
        if not isinstance(model, ReviewsTableModel):
            return
        descending = (
            Qt.SortOrder.DescendingOrder if order.descending else Qt.SortOrder.AscendingOrder
        )
        header = self.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(model.sort_column(), descending)
        header.blockSignals(False)


class ReviewsPanel(QWidget):
    review_activated = Signal(int)
    reply_requested = Signal(str)  # the review's id as the studio knows it

    ORDERS: tuple[tuple[str, ReviewOrder], ...] = (
        (QT_TRANSLATE_NOOP("ReviewsPanel", "Newest"), NEWEST),
        (QT_TRANSLATE_NOOP("ReviewsPanel", "Oldest"), OLDEST),
        (QT_TRANSLATE_NOOP("ReviewsPanel", "Lowest"), LOWEST),
        (QT_TRANSLATE_NOOP("ReviewsPanel", "Highest"), HIGHEST),
    )

    def __init__(
        self,
        context: WindowContext,
        *,
        kind: ReviewKind | None,
        coach_and_class_filters: bool = False,
        columns: tuple[Column, ...] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.tasks = context.tasks_for(self)
        self._kind = kind
        if columns is None:
            hidden = {Column.KIND} if kind is not None else set()
            if kind is ReviewKind.BUSINESS:
                hidden |= {Column.CLASS, Column.COACH}
            columns = tuple(c for c in Column if c not in hidden)
        self.model = ReviewsTableModel(
            context, filters=ReviewFilter(kind=kind), columns=columns, parent=self
        )
        self._build(coach_and_class_filters)
        self.model.loading_changed.connect(self._update_state)
        self.model.count_changed.connect(self._update_state)
        self.model.modelReset.connect(self._update_state)
        self.model.rowsInserted.connect(self._update_state)
        self.model.order_changed.connect(self._show_order)
        self.model.load_failed.connect(context.failed.emit)

    # Building -----------------------------------------------------------------------------
    def _build(self, coach_and_class_filters: bool) -> None:
        self.order_box = QComboBox()
        for _label, order in self.ORDERS:
            self.order_box.addItem("", order)
        self.order_box.currentIndexChanged.connect(self._order_chosen)

        self.period_box = QComboBox()
        for period in Period:
            self.period_box.addItem("", period)
        self.period_box.currentIndexChanged.connect(self._period_chosen)
        self.first_day_edit = QDateEdit(calendarPopup=True)
        self.last_day_edit = QDateEdit(calendarPopup=True)
        for edit in (self.first_day_edit, self.last_day_edit):
            edit.setDisplayFormat(DAY_FORMAT)
            edit.setVisible(False)
            edit.dateChanged.connect(self._custom_days_changed)

        self.coach_box = QComboBox()
        self.coach_box.addItem("", None)
        self.class_box = QComboBox()
        self.class_box.addItem("", None)
        for box in (self.coach_box, self.class_box):
            box.setVisible(coach_and_class_filters)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            box.currentIndexChanged.connect(self._people_chosen)
        self._coach_and_class = coach_and_class_filters

        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(120)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_edit.returnPressed.connect(self._apply_search)

        self.count_label = QLabel()
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)

        controls = QHBoxLayout()
        controls.addWidget(self.order_box)
        controls.addWidget(self.period_box)
        controls.addWidget(self.first_day_edit)
        controls.addWidget(self.last_day_edit)
        controls.addWidget(self.coach_box)
        controls.addWidget(self.class_box)
        controls.addWidget(self.search_edit, 1)
        controls.addWidget(self.count_label)

        self.table = ReviewsTableView()
        self.table.set_reviews_model(self.model)
        self.table.doubleClicked.connect(self._activated)
        self.table.activated.connect(self._activated)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.reply_button = QPushButton()
        self.reply_button.setEnabled(False)
        self.reply_button.clicked.connect(self._reply_to_selected)
        controls.addWidget(self.reply_button)

        self.empty_label = QLabel()
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setObjectName("emptyState")

        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(self.stack, 1)
        self.retranslate()

    # Language -----------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._update_state()  # the count and the empty state
        super().changeEvent(event)

    def retranslate(self) -> None:
        """The panel's own texts (the filters' choices, their names, the reply button) in the
        language shown; the choices made stay."""
        for index, (label, _order) in enumerate(self.ORDERS):
            self.order_box.setItemText(index, self.tr(label))
        self.order_box.setAccessibleName(self.tr("Order"))
        for index, period in enumerate(Period):
            self.period_box.setItemText(index, period_label(period))
        self.period_box.setAccessibleName(self.tr("Period"))
        self.coach_box.setItemText(0, self.tr("All coaches"))
        self.coach_box.setAccessibleName(self.tr("Coach"))
        self.class_box.setItemText(0, self.tr("All classes"))
        self.class_box.setAccessibleName(self.tr("Class"))
        self.search_edit.setPlaceholderText(self.tr("Search a client…"))
        self.search_edit.setAccessibleName(self.tr("Client search"))
        self.reply_button.setText(self.tr("Reply by email…"))
        self.reply_button.setToolTip(
            self.tr("The reply for this review's segment, in the client's language")
        )
        columns = self.model.columnCount()
        if columns:
            self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)

    # Loading ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the reviews (and the coach and class lists) with the current filters."""
        if self._coach_and_class:
            self.tasks.query(self.tr("the coaches"), coach_choices, self._fill_coaches)
            self.tasks.query(self.tr("the classes"), class_choices, self._fill_classes)
        self._apply_period(reload=True)

    def _fill(self, box: QComboBox, choices: list[tuple[int, str]]) -> None:
        current = box.currentData()
        box.blockSignals(True)
        while box.count() > 1:
            box.removeItem(1)
        for ident, name in choices:
            box.addItem(name, ident)
        found = box.findData(current)
        box.setCurrentIndex(found if found >= 0 else 0)
        box.blockSignals(False)

    def _fill_coaches(self, choices: list[tuple[int, str]]) -> None:
        self._fill(self.coach_box, choices)

    def _fill_classes(self, choices: list[tuple[int, str]]) -> None:
        self._fill(self.class_box, choices)

    # Controls -----------------------------------------------------------------------------
    def _order_chosen(self, index: int) -> None:
        order = self.order_box.itemData(index)
        if isinstance(order, ReviewOrder):
            self.model.set_order(order)

    def _show_order(self, order: ReviewOrder) -> None:
        found = next((i for i, (_, o) in enumerate(self.ORDERS) if o == order), -1)
        self.order_box.blockSignals(True)
        if found >= 0:
            self.order_box.setCurrentIndex(found)
        else:
            self.order_box.setCurrentIndex(-1)
        self.order_box.blockSignals(False)

    def _period(self) -> Period:
        # Qt hands a str-based enum back as a plain string.
        data = self.period_box.currentData()
        return Period(data) if data in set(Period) else Period.ALL

    def _period_chosen(self, _index: int) -> None:
        """Custom shows two day pickers, starting from the period shown until now."""
        custom = self._period() is Period.CUSTOM
        if custom:
            first, last = self.model.filters().first_day, self.model.filters().last_day
            today = self.context.today()
            for edit, day in (
                (self.first_day_edit, first or today),
                (self.last_day_edit, last or today),
            ):
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day))
                edit.blockSignals(False)
        self.first_day_edit.setVisible(custom)
        self.last_day_edit.setVisible(custom)
        self._apply_period(reload=False)

    def show_period(self, first: date, last: date) -> None:
        """Only the reviews of *first*–*last* (a chart's bar was clicked): the period becomes
        Custom with those days."""
        for edit, day in ((self.first_day_edit, first), (self.last_day_edit, last)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        self.period_box.blockSignals(True)
        self.period_box.setCurrentIndex(self.period_box.findData(Period.CUSTOM))
        self.period_box.blockSignals(False)
        self.first_day_edit.setVisible(True)
        self.last_day_edit.setVisible(True)
        self._apply_period(reload=False)

    def _custom_days_changed(self, _day: QDate) -> None:
        if self._period() is Period.CUSTOM:
            self._apply_period(reload=False)

    def _period_days(self) -> tuple[date | None, date | None]:
        period = self._period()
        if period is Period.CUSTOM:
            first: date = self.first_day_edit.date().toPython()  # type: ignore[assignment]
            last: date = self.last_day_edit.date().toPython()  # type: ignore[assignment]
            return first, last
        return period_days(period, self.context.today())

    def _apply_period(self, *, reload: bool) -> None:
        first, last = self._period_days()
        filters = replace(self.model.filters(), first_day=first, last_day=last)
        self.model.set_filters(filters, force=reload)

    def _people_chosen(self, _index: int) -> None:
        self.model.update_filters(
            coach_id=self.coach_box.currentData(), class_id=self.class_box.currentData()
        )

    def _apply_search(self) -> None:
        self._search_timer.stop()
        self.model.update_filters(client_search=self.search_edit.text().strip())

    def _activated(self, index: QModelIndex) -> None:
        review_id = index.data(ReviewIdRole)
        if isinstance(review_id, int):
            self.review_activated.emit(review_id)

    def selected_review(self) -> QModelIndex | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0] if rows else None

    def _selection_changed(self, *_args: object) -> None:
        self.reply_button.setEnabled(self.selected_review() is not None)

    def _reply_to_selected(self) -> None:
        index = self.selected_review()
        if index is not None:
            self._reply(index)

    def _reply(self, index: QModelIndex) -> None:
        reference = index.data(ReviewExternalIdRole)
        if isinstance(reference, str):
            self.reply_requested.emit(reference)

    def _context_menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if index.isValid():
            self.review_menu(index).popup(self.table.viewport().mapToGlobal(position))

    def review_menu(self, index: QModelIndex) -> QMenu:
        """What a right click on a review offers."""
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.tr("Open the review"), lambda: self._activated(index))
        menu.addAction(self.tr("Reply by email…"), lambda: self._reply(index))
        return menu

    # State --------------------------------------------------------------------------------
    def _update_state(self, *_args: object) -> None:
        model = self.model
        count = model.count
        if count is None:
            shown = model.rowCount()
            text = self.tr("{n}+ reviews").format(n=f"{shown:,}") if shown else self.tr("Loading…")
        elif count == 1:
            text = self.tr("1 review")
        else:
            text = self.tr("{n} reviews").format(n=f"{count:,}")
        self.count_label.setText(text)
        empty = model.rowCount() == 0 and not model.loading and model.complete
        if empty:
            self.empty_label.setText(self._empty_text())
        self.stack.setCurrentWidget(self.empty_label if empty else self.table)

    def _empty_text(self) -> str:
        if self.model.filters().narrows:
            return self.tr("No reviews match these filters.")
        if self._kind is ReviewKind.BUSINESS:
            return self.tr(
                "No business reviews yet.\nThey arrive from the kiosk, staff entry or an import."
            )
        if self._kind is ReviewKind.CLASS:
            return self.tr(
                "No class reviews yet.\nThey arrive from the kiosk, staff entry or an import."
            )
        return self.tr("No reviews yet.")
