"""The worklist's filters row: state or outcome, kind, coach, class, age, and a client search."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from feedback_desk.domain.kinds import ActionOutcome, ReviewKind
from feedback_desk.services.action_worklist import ActionAge, ActionState, WorklistFilter, age_days
from feedback_desk.ui.retranslating import Retranslating, set_item_texts

SEARCH_DELAY_MS = 300


class WorklistFilters(Retranslating, QWidget):
    """Emits ``changed`` when a choice changes, or a moment after the client search is typed."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Choices are read back by position: Qt hands str-based enums back as plain strings.
        self._states: list[tuple[ActionState, ActionOutcome | None]] = [
            (ActionState.OPEN, None),
            (ActionState.CLOSED, None),
            (ActionState.CLOSED, ActionOutcome.CONTACTED),
            (ActionState.CLOSED, ActionOutcome.RESOLVED),
            (ActionState.CLOSED, ActionOutcome.NO_ACTION),
            (ActionState.ALL, None),
        ]
        self.state_box = QComboBox()
        self.state_box.addItems([""] * len(self._states))
        self._kinds: list[ReviewKind | None] = [None, ReviewKind.CLASS, ReviewKind.BUSINESS]
        self.kind_box = QComboBox()
        self.kind_box.addItems([""] * len(self._kinds))
        self.coach_box = QComboBox()
        self.coach_box.addItem("", None)  # "All coaches", said in retranslate()
        self.class_box = QComboBox()
        self.class_box.addItem("", None)
        self._ages: list[ActionAge | None] = [None, *ActionAge]
        self.age_box = QComboBox()
        self.age_box.addItems([""] * len(self._ages))
        boxes = (self.state_box, self.kind_box, self.coach_box, self.class_box, self.age_box)
        for box in boxes:
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            box.currentIndexChanged.connect(lambda _index: self.changed.emit())

        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(180)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.changed)
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_edit.returnPressed.connect(self._search_now)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for box in boxes:
            layout.addWidget(box)
        layout.addWidget(self.search_edit, 1)
        self.retranslate()

    def retranslate(self) -> None:
        set_item_texts(
            self.state_box,
            [
                self.tr("Open"),
                self.tr("Closed"),
                self.tr("Closed: contacted"),
                self.tr("Closed: resolved"),
                self.tr("Closed: no action"),
                self.tr("Open and closed"),
            ],
        )
        self.state_box.setAccessibleName(self.tr("State"))
        set_item_texts(self.kind_box, [self.tr("All kinds"), self.tr("Class"), self.tr("Business")])
        self.kind_box.setAccessibleName(self.tr("Kind"))
        set_item_texts(self.coach_box, [self.tr("All coaches")])
        self.coach_box.setAccessibleName(self.tr("Coach"))
        set_item_texts(self.class_box, [self.tr("All classes")])
        self.class_box.setAccessibleName(self.tr("Class"))
        set_item_texts(
            self.age_box,
            [
                self.tr("Any age"),
                self.tr("Under a week old"),
                self.tr("1 week to 30 days old"),
                self.tr("Over 30 days old"),
                self.tr("Over 90 days old"),
            ],
        )
        self.age_box.setAccessibleName(self.tr("Age"))
        self.age_box.setToolTip(self.tr("How long ago the client gave the review"))
        self.search_edit.setPlaceholderText(self.tr("Search a client…"))
        self.search_edit.setAccessibleName(self.tr("Client search"))

    def _search_now(self) -> None:
        self._search_timer.stop()
        self.changed.emit()

    def filters(self, today: date) -> WorklistFilter:
        """The chosen filters; the age counts back from *today* (the studio's local day)."""
        state, outcome = self._states[self.state_box.currentIndex()]
        age = self._ages[self.age_box.currentIndex()]
        first, last = age_days(age, today) if age is not None else (None, None)
        return WorklistFilter(
            state=state,
            outcome=outcome,
            kind=self._kinds[self.kind_box.currentIndex()],
            coach_id=self.coach_box.currentData(),
            class_id=self.class_box.currentData(),
            reviewed_from=first,
            reviewed_until=last,
            client_search=self.search_edit.text().strip(),
        )

    def fill_coaches(self, choices: list[tuple[int, str]]) -> None:
        _fill(self.coach_box, choices)

    def fill_classes(self, choices: list[tuple[int, str]]) -> None:
        _fill(self.class_box, choices)


def _fill(box: QComboBox, choices: list[tuple[int, str]]) -> None:
    """Replace the choices after "All …", keeping the one chosen if it is still there."""
    current = box.currentData()
    box.blockSignals(True)
    while box.count() > 1:
        box.removeItem(1)
    for ident, name in choices:
        box.addItem(name, ident)
    found = box.findData(current)
    box.setCurrentIndex(found if found >= 0 else 0)
    box.blockSignals(False)
