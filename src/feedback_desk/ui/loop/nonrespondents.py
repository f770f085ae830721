"""Non-respondents (docs/rules.md#non-respondents): clients shown prompts lately who answered
none, and a bulk outreach email to the checked ones (only those who agreed to receive email):
its text is shown first, filled for the first client checked, and the button says how many
emails it queues. The list is read and the emails queued on the window's workers."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from feedback_desk.services.loop import BulkReport, Recipient
from feedback_desk.services.templates.catalogue import TemplateName
from feedback_desk.ui.context import WindowContext, describe_error
from feedback_desk.ui.loop.bulk_preview import (
    BulkPreview,
    clients_question,
    queue_button_text,
    report_text,
)
from feedback_desk.ui.loop.bulk_table import RecipientsModel
from feedback_desk.ui.retranslating import KeptText, Retranslating, retranslate_model

Confirm = Callable[[QWidget, str], bool]


# Shared by both bulk screens: one translation context ("BulkEmail"), since a widget's tr()
# would look the text up under the widget's own class.
def ask(parent: QWidget, question: str) -> bool:
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("BulkEmail", "Send emails"), question
    )
    return answer == QMessageBox.StandardButton.Yes


class NonRespondentsView(Retranslating, QWidget):
    queued = Signal(int)  # how many emails were queued

    def __init__(
        self,
        context: WindowContext,
        parent: QWidget | None = None,
        *,
        confirm: Confirm = ask,
        actor: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = context.clock
        self._confirm = confirm
        self._actor = actor
        self._tasks = context.tasks_for(self)
        self.model = RecipientsModel(
            (
                QT_TRANSLATE_NOOP("RecipientsModel", "Client"),
                QT_TRANSLATE_NOOP("RecipientsModel", "Name"),
                QT_TRANSLATE_NOOP("RecipientsModel", "Email"),
                QT_TRANSLATE_NOOP("RecipientsModel", "Prompts shown"),
                QT_TRANSLATE_NOOP("RecipientsModel", "Last shown"),
                QT_TRANSLATE_NOOP("RecipientsModel", "Email status"),
            ),
            self,
        )
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.explanation = QLabel(self)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.explanation.setWordWrap(True)
        self.preview = BulkPreview(context, TemplateName.OUTREACH, self)
        self.send_button = QPushButton(queue_button_text(0), self)
        self.send_button.clicked.connect(self.send)
        self.preview.follow(self.model, self.send_button)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.reload)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status_said = KeptText(self.status)
        self.explanation_said = KeptText(self.explanation)
        buttons = QHBoxLayout()
        buttons.addWidget(self.send_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.preview)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        """Every text again in the language shown, the list's from the list shown."""
        self.send_button.setToolTip(self.tr("Queue the outreach email for the checked clients"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.explanation_said.again()
        self.status_said.again()
        retranslate_model(self.model)

    def reload(self) -> None:
        """Read the list on a worker (a GROUP BY over the prompts of the window)."""
        from feedback_desk.services.loop import nonrespondents
        from feedback_desk.services.settings import load_settings

        clock = self._clock

        def read(session: Session) -> tuple[list[Recipient], int, int]:
            settings = load_settings(session)
            found = nonrespondents(session, settings, clock.now())
            return (
                list(found),
                settings.integer("loop.nonrespondent_prompts"),
                settings.integer("loop.nonrespondent_days"),
            )

        self.refresh_button.setEnabled(False)
        self._tasks.query(self.tr("the non-respondents"), read, self._loaded, self._failed)

    def _loaded(self, result: tuple[list[Recipient], int, int]) -> None:
        rows, prompts, days = result
        self.model.set_rows(rows)
        self.explanation_said.say(
            lambda: (
                self.tr(
                    "Clients shown %1 or more prompts in the last %2 days who answered none: %3."
                )
                .replace("%1", str(prompts))
                .replace("%2", str(days))
                .replace("%3", str(len(rows)))
            )
        )
        self.refresh_button.setEnabled(True)

    def _failed(self, error: BaseException) -> None:
        self.status_said.say(lambda: describe_error(error))
        self.refresh_button.setEnabled(True)

    def send(self) -> None:
        from feedback_desk.services.audit import default_actor
        from feedback_desk.services.loop import send_outreach
        from feedback_desk.services.settings import load_settings

        chosen = self.model.checked()
        if not chosen:
            return
        question = clients_question(TemplateName.OUTREACH, len(chosen))
        if not self._confirm(self, question):
            return

        at, actor = self._clock.now(), self._actor or default_actor()

        def queue(session: Session) -> BulkReport:
            return send_outreach(session, load_settings(session), chosen, at=at, actor=actor)

        self.send_button.setEnabled(False)
        self._tasks.write(self.tr("the outreach emails"), queue, self._sent, self._sent_failed)

    def _sent_failed(self, error: BaseException) -> None:
        self.status_said.say(lambda: describe_error(error))
        self.preview.checks_changed()

    def _sent(self, report: BulkReport) -> None:
        self.status_said.say(lambda: report_text(report))
        self.preview.checks_changed()
        self.queued.emit(report.queued)
