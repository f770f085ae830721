"""Settings → Email requests: whether review requests go out by email, when (delay after the
class, the hours of the day), how often a client may get one, how long one may wait and be
answered, consent, the address the answers go to; and beside them the request as a client would
get it, in French and in English, from the studio's template and the values as typed (read on a
worker a moment after each change)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from feedback_desk.domain.kinds import ReviewKind
from feedback_desk.services.settings import Settings
from feedback_desk.services.templates.fill import EmailContent
from feedback_desk.ui.context import WindowContext, describe_error
from feedback_desk.ui.retranslating import retranslate_tab_scrollers
from feedback_desk.ui.settings.page import ValuesPage, plain_label, set_row_label

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

PREVIEW_DELAY_MS = 300
LANGUAGES = ("fr", "en")


def _spin(parent: QWidget, low: int, high: int) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(low, high)
    return spin


class RequestsSettingsPage(ValuesPage):
    preview_shown = Signal()  # both languages' previews (or why there is none) are shown

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.enabled = QCheckBox(self)
        self.delay = _spin(self, 0, 72)
        self.earliest = _spin(self, 0, 23)
        self.latest = _spin(self, 0, 23)
        self.earliest.setSuffix(":00")
        self.latest.setSuffix(":00")
        self.every = _spin(self, 1, 365)
        self.expiry = _spin(self, 1, 24 * 30)
        self.answer_days = _spin(self, 1, 365)
        self.consent = QCheckBox(self)
        self.reply_to = QLineEdit(self)
        self.note = plain_label(self)

        self.preview_kind = QComboBox(self)
        self.preview_kind.addItem("", ReviewKind.CLASS.value)
        self.preview_kind.addItem("", ReviewKind.BUSINESS.value)
        self.previews: dict[str, QPlainTextEdit] = {}
        self.preview_tabs = QTabWidget(self)
        for language, title in (("fr", "Français"), ("en", "English")):
            text = QPlainTextEdit(self)
            text.setReadOnly(True)
            text.setMinimumHeight(220)
            self.previews[language] = text
            self.preview_tabs.addTab(text, title)
        self.preview_problem = plain_label(self)

        self.when = QGroupBox(self)
        self.when_form = when_form = QFormLayout(self.when)
        when_form.addRow(self.enabled)
        for field in (self.delay, self.earliest, self.latest, self.every, self.expiry):
            when_form.addRow(" ", field)
        when_form.addRow(" ", self.answer_days)
        when_form.addRow(self.consent)
        when_form.addRow(" ", self.reply_to)
        when_form.addRow(self.note)
        self.preview = QGroupBox(self)
        preview_layout = QVBoxLayout(self.preview)
        preview_layout.addWidget(self.preview_kind)
        preview_layout.addWidget(self.preview_tabs)
        preview_layout.addWidget(self.preview_problem)
        layout = QVBoxLayout(self)
        layout.addWidget(self.when)
        layout.addWidget(self.preview)
        layout.addWidget(self.problems_label)
        layout.addStretch(1)

        # A change shows in the preview a moment later: typing reads the store once, not per key.
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self._preview_generation = 0
        self.reply_to.textChanged.connect(self._schedule_preview)
        self.preview_kind.currentIndexChanged.connect(self._schedule_preview)
        self.retranslate()
        self.load(context.settings)

    def retranslate(self) -> None:
        self.enabled.setText(self.tr("Send email review requests after classes"))
        for spin, suffix in (
            (self.delay, self.tr(" hours")),
            (self.every, self.tr(" days")),
            (self.expiry, self.tr(" hours")),
            (self.answer_days, self.tr(" days")),
        ):
            spin.setSuffix(suffix)
        self.consent.setText(self.tr("Only to clients who agreed to receive email from the studio"))
        self.reply_to.setPlaceholderText(self.tr("Empty: the sender address"))
        self.note.setText(
            self.tr(
                "Requests leave through the outbox (Settings → Email); the answers are read "
                "from the mailbox (Settings → Inbox), which must receive the answer address."
            )
        )
        self.preview_kind.setItemText(0, self.tr("After a class"))
        self.preview_kind.setItemText(1, self.tr("About the studio"))
        self.when.setTitle(self.tr("When a request goes"))
        self.preview.setTitle(self.tr("Preview"))
        retranslate_tab_scrollers(self.preview_tabs)
        rows = (
            (self.delay, self.tr("After the end of the class:")),
            (self.earliest, self.tr("Not before:")),
            (self.latest, self.tr("Not after:")),
            (self.every, self.tr("At most one request per client every:")),
            (self.expiry, self.tr("Drop a request not sent within:")),
            (self.answer_days, self.tr("Clients may answer for:")),
            (self.reply_to, self.tr("Answers go to:")),
        )
        for field, text in rows:
            set_row_label(self.when_form, field, text)
        self._schedule_preview()  # its "Subject:" line, or why there is none, said again

    def show_values(self, settings: Settings) -> None:
        self.enabled.setChecked(settings.flag("requests.email_enabled"))
        self.delay.setValue(settings.integer("requests.delay_hours"))
        self.earliest.setValue(settings.integer("requests.earliest_hour"))
        self.latest.setValue(settings.integer("requests.latest_hour"))
        self.every.setValue(settings.integer("requests.email_every_days"))
        self.expiry.setValue(settings.integer("requests.expiry_hours"))
        self.answer_days.setValue(settings.integer("requests.answer_days"))
        self.consent.setChecked(settings.flag("requests.require_consent"))
        self.reply_to.setText(settings.text("requests.reply_to"))
        self.refresh_preview()

    def values(self) -> dict[str, str]:
        return {
            "requests.email_enabled": "yes" if self.enabled.isChecked() else "no",
            "requests.delay_hours": str(self.delay.value()),
            "requests.earliest_hour": str(self.earliest.value()),
            "requests.latest_hour": str(self.latest.value()),
            "requests.email_every_days": str(self.every.value()),
            "requests.expiry_hours": str(self.expiry.value()),
            "requests.answer_days": str(self.answer_days.value()),
            "requests.require_consent": "yes" if self.consent.isChecked() else "no",
            "requests.reply_to": self.reply_to.text().strip(),
        }

    # Preview ----------------------------------------------------------------------------------
    def _schedule_preview(self, *_args: object) -> None:
        self._preview_timer.start()

    @property
    def preview_pending(self) -> bool:
        """A preview is waiting for its moment or being read."""
        return self._preview_timer.isActive() or self.tasks.busy

    def refresh_preview(self) -> None:
        """Read both languages' request on a worker, with this page's values as typed."""
        self._preview_timer.stop()
        if self.context.closed:
            return  # the window moved on to another store, or closed
        self._preview_generation += 1
        generation = self._preview_generation
        values = self.values()
        kind = ReviewKind(self.preview_kind.currentData())
        at = self.context.clock.now()

        def read(session: Session) -> dict[str, EmailContent]:
            from feedback_desk.services.requests.content import preview_request_email
            from feedback_desk.services.settings import load_settings

            settings = load_settings(session).with_values(values)
            return {
                language: preview_request_email(session, settings, language, kind=kind, at=at)
                for language in LANGUAGES
            }

        self.tasks.query(
            self.tr("the request preview"),
            read,
            lambda previews: self._show_preview(generation, previews),
            lambda error: self._preview_failed(generation, error),
        )

    def _show_preview(self, generation: int, previews: dict[str, EmailContent]) -> None:
        if generation != self._preview_generation:
            return
        for language, content in previews.items():
            subject = self.tr("Subject: {subject}").format(subject=content.subject)
            self.previews[language].setPlainText(f"{subject}\n\n{content.text}")
        self.preview_problem.setText("")
        self.preview_shown.emit()

    def _preview_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._preview_generation:
            return
        for text in self.previews.values():
            text.clear()
        from feedback_desk.services.requests.content import NoAnswerAddress

        if isinstance(error, NoAnswerAddress):
            why = self.tr(
                "review requests need an address to answer to: fill in “Answers go to” above, "
                "or the sender address in Settings → Email"
            )
        else:
            why = describe_error(error)
        self.preview_problem.setText(self.tr("No preview: {why}").format(why=why))
        self.preview_shown.emit()
