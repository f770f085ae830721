"""The Testimonials tab (seed 000): every invitation to recommend the studio and its state, the
accepted testimonials with their consent (approve or hide each), refusals with their reasons,
and the qualities clients voted for.

A refresh is one background read; approving, hiding and withdrawing are written on a worker,
then the tab refreshes. Client text is shown as plain text only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from feedback_desk.domain.testimonials import Approval, TestimonialStatus
from feedback_desk.services.testimonials.listing import ConsentEntry, TestimonialRow
from feedback_desk.services.testimonials.qualities import QualityVotes
from feedback_desk.ui.context import WindowContext, describe_error
from feedback_desk.ui.formatting import count_text, format_instant
from feedback_desk.ui.i18n import current_language
from feedback_desk.ui.models.rows_model import ROW_KEY_ROLE, Row, RowsModel
from feedback_desk.ui.retranslating import Retranslating
from feedback_desk.ui.tabs.base import TabPage
from feedback_desk.ui.testimonials.staff_actions import (
    ask,
    open_invite_dialog,
    withdraw_on_request,
    withdraw_question,
    withdrawn_message,
)
from feedback_desk.ui.testimonials.words import (
    approval_name,
    consents_text,
    describe,
    reason_name,
    status_name,
)


@dataclass(frozen=True)
class TabData:
    tz: ZoneInfo
    rows: list[TestimonialRow]
    qualities: list[QualityVotes]


def read_tab(session: Session, at: datetime) -> TabData:
    from feedback_desk.services.settings import load_settings
    from feedback_desk.services.testimonials.listing import list_testimonials
    from feedback_desk.services.testimonials.qualities import quality_votes

    settings = load_settings(session)
    return TabData(
        settings.timezone, list_testimonials(session, settings, at), quality_votes(session)
    )


class TestimonialsTab(Retranslating, TabPage):
    __test__ = False  # not a test class, whatever pytest thinks of the name

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.confirm = ask
        self.data: TabData | None = None
        self._generation = 0
        self._loading = False

        self.filter = QComboBox(self)
        self.filter.addItem("", None)
        for status in TestimonialStatus:
            self.filter.addItem("", status.value)
        self.filter.addItem("", "to_review")
        self.filter.currentIndexChanged.connect(self._show_rows)
        self.summary = QLabel(self)
        self.invite_button = QPushButton(self)
        self.invite_button.clicked.connect(self.invite_clients)
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self.export_page)
        top = QHBoxLayout()
        self.show_label = QLabel(self)
        top.addWidget(self.show_label)
        top.addWidget(self.filter)
        top.addWidget(self.summary, 1)
        top.addWidget(self.invite_button)
        top.addWidget(self.export_button)

        self.rows = RowsModel(
            lambda: [
                self.tr("Client"),
                self.tr("Name"),
                self.tr("Status"),
                self.tr("Invited"),
                self.tr("Answered"),
                self.tr("Publication"),
                self.tr("May be shown"),
                self.tr("Reason"),
            ],
            self,
        )
        self.table = QTableView(self)
        self.table.setModel(self.rows)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.table.doubleClicked.connect(self._open_client)

        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.approve_button = QPushButton(self)
        self.hide_button = QPushButton(self)
        self.withdraw_button = QPushButton(self)
        self.client_button = QPushButton(self)
        self.approve_button.clicked.connect(lambda: self._set_approval(Approval.APPROVED))
        self.hide_button.clicked.connect(lambda: self._set_approval(Approval.HIDDEN))
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self.client_button.clicked.connect(lambda: self._open_client(QModelIndex()))
        actions = QHBoxLayout()
        for button in (self.approve_button, self.hide_button, self.withdraw_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.client_button)
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.details, 1)
        right_layout.addLayout(actions)
        right_layout.addWidget(self.message)

        self.qualities = RowsModel(lambda: [self.tr("Quality"), self.tr("Votes")], self)
        self.qualities_view = QTableView(self)
        self.qualities_view.setModel(self.qualities)
        self.qualities_view.verticalHeader().hide()
        self.qualities_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.qualities_view.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch
        )
        qualities = QWidget(self)
        qualities_layout = QVBoxLayout(qualities)
        qualities_layout.setContentsMargins(0, 0, 0, 0)
        self.qualities_label = QLabel(self)
        qualities_layout.addWidget(self.qualities_label)
        qualities_layout.addWidget(self.qualities_view)

        upper = QSplitter(Qt.Orientation.Horizontal, self)
        upper.addWidget(self.table)
        upper.addWidget(right)
        upper.setSizes([2000, 1200])
        whole = QSplitter(Qt.Orientation.Vertical, self)
        whole.addWidget(upper)
        whole.addWidget(qualities)
        whole.setSizes([3000, 1000])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(whole, 1)
        self.retranslate()
        self._update_actions()

    # --- Language -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Every text of the tab; what it shows (summary, rows, qualities, the selected
        invitation) said again from the data it holds."""
        self.filter.setItemText(0, self.tr("All invitations"))
        for index, status in enumerate(TestimonialStatus, start=1):
            self.filter.setItemText(index, status_name(status))
        self.filter.setItemText(self.filter.count() - 1, self.tr("To review"))
        self.show_label.setText(self.tr("Show:"))
        self.invite_button.setText(self.tr("Invite clients…"))
        self.export_button.setText(self.tr("Export the page…"))
        self.details.setPlaceholderText(self.tr("Select an invitation to see it here."))
        self.approve_button.setText(self.tr("Approve"))
        self.approve_button.setToolTip(self.tr("Published by File → Export testimonials…"))
        self.hide_button.setText(self.tr("Hide"))
        self.withdraw_button.setText(self.tr("Withdraw consent…"))
        self.withdraw_button.setToolTip(self.tr("When the client asks: final"))
        self.client_button.setText(self.tr("Client card"))
        self.qualities_label.setText(self.tr("Qualities voted for"))
        for model in (self.rows, self.qualities):
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, model.columnCount() - 1)
        if self.data is not None:
            self._show_data(self.data)

    # --- Loading --------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._generation += 1
        generation, clock = self._generation, self.context.clock
        self._loading = True
        self.tasks.query(
            self.tr("the testimonials"),
            lambda session: read_tab(session, clock.now()),
            lambda data: self._loaded(generation, data),
            lambda error: self._load_failed(generation, error),
        )

    def is_idle(self) -> bool:
        return not self._loading

    def _loaded(self, generation: int, data: TabData) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self.data = data
        self._show_data(data)

    def _show_data(self, data: TabData) -> None:
        counts = dict.fromkeys(TestimonialStatus, 0)
        for row in data.rows:
            counts[row.status] += 1
        to_review = sum(1 for row in data.rows if self._to_review(row))
        self.summary.setText(
            self.tr(
                "{accepted} accepted ({review} to review), {refused} declined, {open} open"
            ).format(
                accepted=counts[TestimonialStatus.ACCEPTED],
                review=to_review,
                refused=counts[TestimonialStatus.REFUSED],
                open=counts[TestimonialStatus.INVITED],
            )
        )
        language = current_language()
        self.qualities.set_rows(
            [
                Row(
                    [
                        q.label(language)
                        if q.offered
                        else self.tr("{label} (awaiting approval)").format(label=q.label(language)),
                        str(q.votes),
                    ],
                    sort_keys=[q.label(language), q.votes],
                    alignments={1: Qt.AlignmentFlag.AlignRight},
                )
                for q in data.qualities
            ]
        )
        self._show_rows()

    def _load_failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self._loading = False
            self.message.setText(describe_error(error))

    @staticmethod
    def _to_review(row: TestimonialRow) -> bool:
        return row.status is TestimonialStatus.ACCEPTED and row.approval is Approval.PENDING

    def _show_rows(self, *_args: object) -> None:
        data = self.data
        if data is None:
            return
        wanted = self.filter.currentData()
        rows = [
            row
            for row in data.rows
            if wanted is None
            or (wanted == "to_review" and self._to_review(row))
            or row.status.value == wanted
        ]
        selected = self.selected_row()
        self.rows.set_rows([self._row(row, data.tz) for row in rows])
        self.table.resizeColumnsToContents()
        if selected is not None:
            for index in range(self.rows.rowCount()):
                if self.rows.row_at(index).key == selected.id:
                    self.table.selectRow(index)
        self._selected()

    def _row(self, row: TestimonialRow, tz: ZoneInfo) -> Row:
        shown = consents_text(row.consents) if row.status is TestimonialStatus.ACCEPTED else "—"
        return Row(
            [
                row.client,
                row.name,
                status_name(row.status),
                format_instant(row.invited_at, tz),
                format_instant(row.answered_at, tz) if row.answered_at else "—",
                approval_name(row),
                shown,
                reason_name(row.refusal_reason) if row.refusal_reason else "",
            ],
            key=row.id,
            sort_keys=[
                row.client,
                row.name,
                row.status.value,
                row.invited_at,
                row.answered_at,
                row.approval.value,
                shown,
                row.refusal_reason.value if row.refusal_reason else "",
            ],
        )

    # --- The selected invitation -----------------------------------------------------------

    def selected_row(self) -> TestimonialRow | None:
        if self.data is None:
            return None
        indexes = self.table.selectionModel().selectedRows()
        if not indexes:
            return None
        key = indexes[0].data(ROW_KEY_ROLE)
        return next((row for row in self.data.rows if row.id == key), None)

    def _selected(self, *_args: object) -> None:
        row = self.selected_row()
        self._update_actions()
        if row is None or self.data is None:
            self.details.clear()
            return
        tz, testimonial_id = self.data.tz, row.id

        def read(session: Session) -> list[ConsentEntry]:
            from feedback_desk.services.testimonials.listing import consent_history

            return consent_history(session, testimonial_id)

        self.tasks.query(
            self.tr("the consent history"),
            read,
            lambda history: self._show_details(row, history, tz),
        )

    def _show_details(self, row: TestimonialRow, history: list[ConsentEntry], tz: ZoneInfo) -> None:
        selected = self.selected_row()
        if selected is not None and selected.id == row.id:
            self.details.setPlainText(describe(row, history, tz, current_language()))

    def _update_actions(self) -> None:
        row = self.selected_row()
        accepted = row is not None and row.status is TestimonialStatus.ACCEPTED
        self.approve_button.setEnabled(accepted and row is not None and not row.approved)
        self.hide_button.setEnabled(
            accepted and row is not None and row.approval is not Approval.HIDDEN
        )
        self.withdraw_button.setEnabled(accepted)
        self.client_button.setEnabled(row is not None)

    # --- Changes --------------------------------------------------------------------------------

    def _set_approval(self, approval: Approval) -> None:
        from feedback_desk.services.audit import default_actor
        from feedback_desk.services.testimonials.staff import set_approval

        row = self.selected_row()
        if row is None:
            return
        at, actor, testimonial_id = self.context.clock.now(), default_actor(), row.id
        self.tasks.write(
            self.tr("the testimonial"),
            lambda session: set_approval(session, testimonial_id, approval, at=at, actor=actor),
            lambda _changed: self._changed(
                self.tr("Approved: the export publishes it.")
                if approval is Approval.APPROVED
                else self.tr("Hidden: the export leaves it out.")
            ),
            lambda error: self.message.setText(describe_error(error)),
        )

    def withdraw_selected(self) -> None:
        row = self.selected_row()
        if row is None or not self.confirm(self, withdraw_question(row.name)):
            return
        withdraw_on_request(
            self.context,
            self.tasks,
            row.id,
            on_done=lambda _changed: self._changed(withdrawn_message()),
            on_error=lambda error: self.message.setText(describe_error(error)),
        )

    def _changed(self, message: str) -> None:
        self.message.setText(message)
        self.refresh()

    def _open_client(self, _index: QModelIndex) -> None:
        from feedback_desk.ui.dialogs.opener import opener_for

        row = self.selected_row()
        if row is not None:
            opener_for(self.context).open_client(row.client_id)

    def invite_clients(self) -> QWidget:
        self.invite_dialog = open_invite_dialog(self.context, self.window(), self._invited)
        return self.invite_dialog

    def _invited(self, count: int) -> None:
        if count:
            self.context.emails_queued.emit()
            self.refresh()

    def export_page(self, path: object = None) -> None:
        """The published page (or its JSON), written on a worker; *path* skips the chooser."""
        from pathlib import Path

        from feedback_desk.ui.testimonials.export_action import choose_path, export_work

        chosen = path if isinstance(path, Path) else choose_path(self)
        if chosen is None:
            return
        self.tasks.run(
            export_work(self.context, chosen),
            name=self.tr("the testimonials page"),
            on_done=lambda exported: self.message.setText(
                count_text(
                    exported.testimonials,
                    self.tr("Wrote {path}: {n} testimonial."),
                    self.tr("Wrote {path}: {n} testimonials."),
                    path=str(exported.path),
                )
            ),
            on_error=lambda error: self.message.setText(describe_error(error)),
        )
