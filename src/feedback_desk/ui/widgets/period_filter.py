"""The period of a review tab: this month, the last 3 or 12 months, or custom days."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from feedback_desk.domain.periods import PeriodChoice, period_bounds


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class PeriodFilter(QWidget):
    changed = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.label = QLabel()
        self.choice = QComboBox()
        for choice in PeriodChoice:
            self.choice.addItem("", choice.value)
        self.choice.setCurrentIndex(self.choice.findData(PeriodChoice.LAST_12_MONTHS.value))
        self.first = QDateEdit()
        self.last = QDateEdit()
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.to_label = QLabel("–")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.choice)
        layout.addWidget(self.first)
        layout.addWidget(self.to_label)
        layout.addWidget(self.last)
        self._sync_dates()
        self.choice.currentIndexChanged.connect(self._choice_changed)
        self.first.dateChanged.connect(self._dates_changed)
        self.last.dateChanged.connect(self._dates_changed)
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.label.setText(self.tr("Period:"))
        names = {
            PeriodChoice.THIS_MONTH: self.tr("This month"),
            PeriodChoice.LAST_3_MONTHS: self.tr("Last 3 months"),
            PeriodChoice.LAST_12_MONTHS: self.tr("Last 12 months"),
            PeriodChoice.CUSTOM: self.tr("Custom…"),
        }
        for index in range(self.choice.count()):
            self.choice.setItemText(index, names[PeriodChoice(self.choice.itemData(index))])
        self.choice.setToolTip(self.tr("Whole calendar months up to today, or the days you pick"))

    @property
    def selected(self) -> PeriodChoice:
        return PeriodChoice(self.choice.currentData())

    def bounds(self) -> tuple[date, date]:
        """First and last local day, in order (custom days typed backwards are swapped)."""
        first, last = _day(self.first.date()), _day(self.last.date())
        return (first, last) if first <= last else (last, first)

    def set_today(self, today: date) -> None:
        self._today = today
        self._sync_dates()

    def set_choice(self, choice: PeriodChoice) -> None:
        self.choice.setCurrentIndex(self.choice.findData(choice.value))

    def set_custom(self, first: date, last: date) -> None:
        self.blockSignals(True)
        self.set_choice(PeriodChoice.CUSTOM)
        self.first.setDate(_qdate(first))
        self.last.setDate(_qdate(last))
        self.blockSignals(False)
        self.changed.emit()

    def _sync_dates(self) -> None:
        custom = self.selected is PeriodChoice.CUSTOM
        for edit in (self.first, self.last):
            edit.setEnabled(custom)
        if not custom:
            first, last = period_bounds(self.selected, self._today)
            for edit, day in ((self.first, first), (self.last, last)):
                edit.blockSignals(True)
                edit.setDate(_qdate(day))
                edit.blockSignals(False)

    def _choice_changed(self) -> None:
        self._sync_dates()
        self.changed.emit()

    def _dates_changed(self) -> None:
        if self.selected is PeriodChoice.CUSTOM:
            self.changed.emit()
