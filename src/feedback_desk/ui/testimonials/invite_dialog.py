"""Invite clients to recommend the studio: one client (from the client card) or many, from a
filtered list (Clients → Invite to recommend…). Each invitation is individual; the count is shown
and confirmed before anything is queued. The list is read and the invitations made on the
window's workers; a list read for a filter changed since is dropped."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from feedback_desk.services.testimonials.bulk import (
    Candidate,
    Candidates,
    ClientFilter,
    InviteReport,
)
from feedback_desk.ui import i18n
from feedback_desk.ui.context import WindowContext, describe_error
from feedback_desk.ui.formatting import count_text, format_instant
from feedback_desk.ui.loop.nonrespondents import Confirm

Index = QModelIndex | QPersistentModelIndex
SEARCH_DELAY_MS = 250


def ask(parent: QWidget, question: str) -> bool:
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("InviteDialog", "Invite to recommend"), question
    )
    return answer == QMessageBox.StandardButton.Yes


class CandidatesModel(QAbstractTableModel):
    """Clients with a check box; one with an open invitation says until when and cannot be
    checked."""

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._rows: list[Candidate] = []
        self._checked: set[int] = set()

    def set_rows(self, rows: list[Candidate]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._checked = {r.client_id for r in rows if r.can_be_invited}
        self.endResetModel()

    def checked(self) -> list[Candidate]:
        return [r for r in self._rows if r.client_id in self._checked]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Client"), self.tr("Name"), self.tr("Email"), self.tr("Invitation"))[
                section
            ]
        return None

    def _how(self, row: Candidate) -> str:
        if row.open_until is not None:
            return self.tr("already invited, open until {when}").format(
                when=format_instant(row.open_until, self._context.tz)
            )
        if row.no_email_because is not None:
            return self.tr("no email ({why}): offered at the kiosk").format(
                why=i18n.in_words(row.no_email_because)
            )
        return self.tr("by email, and at the kiosk")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.client, row.name, row.email or "", self._how(row))[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            checked = row.client_id in self._checked
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 0:
            if self._rows[index.row()].can_be_invited:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            else:
                flags &= ~Qt.ItemFlag.ItemIsEnabled
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 0:
            return False
        row = self._rows[index.row()]
        if not row.can_be_invited:
            return False
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._checked.add(row.client_id)
        else:
            self._checked.discard(row.client_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True


class InviteDialog(QDialog):
    invited = Signal(int)  # how many invitations were made

    def __init__(
        self,
        context: WindowContext,
        parent: QWidget | None = None,
        *,
        client_ids: Sequence[int] = (),
        confirm: Confirm = ask,
        actor: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._clock = context.clock
        self.confirm = confirm
        self._actor = actor
        self._client_ids = tuple(client_ids)
        self._tasks = context.tasks_for(self)
        self._generation = 0
        self.setWindowTitle(self.tr("Invite to recommend the studio"))
        self.resize(760, 500)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Part of a name or member id"))
        self.search.setClearButtonEnabled(True)
        self.promoters = QCheckBox(self.tr("Only promoters (5 stars in the last 3 months)"), self)
        self.reachable = QCheckBox(self.tr("Only clients who can receive the email"), self)
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(SEARCH_DELAY_MS)
        self._delay.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _text: self._delay.start())
        self.promoters.toggled.connect(self.reload)
        self.reachable.toggled.connect(self.reload)
        self.model = CandidatesModel(context, self)
        self.model.dataChanged.connect(self._count_changed)
        self.model.modelReset.connect(self._count_changed)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.explain = QLabel(
            self.tr(
                "Each client gets their own invitation: by email when they agreed to receive "
                "the studio's emails, and at the kiosk at their next visit. It can be answered "
                "for {days} days."
            ).format(days=context.settings.integer("testimonials.expiry_days")),
            self,
        )
        self.summary = QLabel(self)
        self.status = QLabel(self)
        for label in (self.explain, self.summary, self.status):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.invite_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.invite_button.clicked.connect(self.invite)
        self.buttons.rejected.connect(self.reject)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.promoters)
        filters.addWidget(self.reachable)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        if not self._client_ids:
            layout.addLayout(filters)
        else:
            for widget in (self.search, self.promoters, self.reachable):
                widget.hide()
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._count_changed()
        self.reload()

    def current_filter(self) -> ClientFilter:
        return ClientFilter(
            text=self.search.text(),
            promoters_only=self.promoters.isChecked(),
            reachable_only=self.reachable.isChecked(),
            client_ids=self._client_ids,
        )

    def reload(self) -> None:
        from feedback_desk.services.settings import load_settings
        from feedback_desk.services.testimonials.bulk import candidates

        wanted, clock = self.current_filter(), self._clock
        self._generation += 1
        generation = self._generation

        def read(session: Session) -> Candidates:
            return candidates(session, load_settings(session), clock.now(), wanted)

        self._tasks.query(
            self.tr("the clients to invite"),
            read,
            lambda found: self._loaded(generation, found),
            lambda error: self._failed(generation, error),
        )

    def _loaded(self, generation: int, found: Candidates) -> None:
        if generation != self._generation:
            return
        self.model.set_rows(found.rows)
        more = self.tr(" (the first {n} are listed)").format(n=len(found.rows))
        self.summary.setText(
            count_text(
                len(found.rows),
                self.tr("{n} client; {m} can be invited."),
                self.tr("{n} clients; {m} can be invited."),
                m=str(sum(1 for r in found.rows if r.can_be_invited)),
            )
            + (more if found.truncated else "")
        )

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self.status.setText(describe_error(error))

    def _count_changed(self, *_args: object) -> None:
        count = len(self.model.checked())
        self.invite_button.setText(
            count_text(count, self.tr("Invite {n} client"), self.tr("Invite {n} clients"))
        )
        self.invite_button.setEnabled(count > 0)

    def invite(self) -> None:
        from feedback_desk.services.audit import default_actor
        from feedback_desk.services.settings import load_settings
        from feedback_desk.services.testimonials.bulk import invite_many

        chosen = [r.client_id for r in self.model.checked()]
        if not chosen or not self.confirm(
            self,
            count_text(
                len(chosen),
                self.tr("Invite {n} client to recommend the studio?"),
                self.tr("Invite {n} clients to recommend the studio?"),
            ),
        ):
            return
        at, actor = self._clock.now(), self._actor or default_actor()

        def write(session: Session) -> InviteReport:
            return invite_many(session, load_settings(session), chosen, at=at, actor=actor)

        self.invite_button.setEnabled(False)
        self._tasks.write(self.tr("the invitations"), write, self._done, self._write_failed)

    def _done(self, report: InviteReport) -> None:
        lines = [
            count_text(
                report.invited, self.tr("{n} client invited"), self.tr("{n} clients invited")
            )
            + self.tr(", %n by email.", "", report.emailed)
        ]
        lines += [i18n.in_words(skipped) for skipped in report.skipped]
        self.status.setText("\n".join(lines))
        self.invited.emit(report.invited)
        self.reload()

    def _write_failed(self, error: BaseException) -> None:
        self.status.setText(describe_error(error))
        self._count_changed()
