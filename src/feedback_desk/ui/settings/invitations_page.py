"""Settings → Google invitations: the review link, the mode with Google's policy beside it, and
the timing rules."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from feedback_desk.services.settings import Settings
from feedback_desk.ui.context import WindowContext
from feedback_desk.ui.settings.page import WARNING_STYLE, ValuesPage, plain_label, set_row_label


class InvitationsPage(ValuesPage):
    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.link = QLineEdit(self)
        self.link.setPlaceholderText("https://g.page/r/…/review")
        self.mode = QComboBox(self)
        self.mode.addItem("", "five_star_pair")
        self.mode.addItem("", "after_sessions")
        self.policy = plain_label(self)
        self.sessions = QSpinBox(self)
        self.sessions.setRange(1, 1000)
        self.reinvite = QSpinBox(self)
        self.reinvite.setRange(1, 120)
        self.hour = QSpinBox(self)
        self.hour.setRange(0, 23)
        self.hour.setSuffix(":00")
        self.expiry = QSpinBox(self)
        self.expiry.setRange(1, 365)
        self.off = plain_label(self, style=WARNING_STYLE)

        self.form = QFormLayout()
        self.form.addRow(" ", self.field("google.review_link", self.link))
        self.form.addRow(self.off)
        self.form.addRow(" ", self.mode)
        self.form.addRow(self.policy)
        self.form.addRow(" ", self.sessions)
        self.form.addRow(" ", self.reinvite)
        self.form.addRow(" ", self.hour)
        self.form.addRow(" ", self.expiry)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problems_label)
        layout.addStretch(1)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.link.textChanged.connect(self._mode_changed)
        self.retranslate()
        self.load(context.settings)

    def retranslate(self) -> None:
        self.mode.setItemText(0, self.tr("After two 5-star reviews in a row"))
        self.mode.setItemText(1, self.tr("After N attended sessions"))
        self.policy.setText(
            self.tr(
                "Google's review policy forbids asking only satisfied customers for reviews "
                "(“review gating”). The “two 5-star reviews in a row” mode does exactly that: "
                "Google may remove reviews it finds were solicited this way. “After N sessions” "
                "asks every regular client, whatever they think."
            )
        )
        self.reinvite.setSuffix(self.tr(" months"))
        self.expiry.setSuffix(self.tr(" days"))
        rows = (
            (self.field_box("google.review_link"), self.tr("Google review link:")),
            (self.mode, self.tr("Invite:")),
            (self.sessions, self.tr("Sessions before an invitation:")),
            (self.reinvite, self.tr("Invite again after:")),
            (self.hour, self.tr("Send at:")),
            (self.expiry, self.tr("Drop an invitation not sent within:")),
        )
        for field, text in rows:
            set_row_label(self.form, field, text)
        self._mode_changed()

    def show_values(self, settings: Settings) -> None:
        self.link.setText(settings.text("google.review_link"))
        self.mode.setCurrentIndex(self.mode.findData(settings.text("google.invitation_mode")))
        self.sessions.setValue(settings.integer("google.invitation_sessions"))
        self.reinvite.setValue(settings.integer("google.reinvite_months"))
        self.hour.setValue(settings.integer("google.invitation_hour"))
        self.expiry.setValue(settings.integer("google.invitation_expiry_days"))
        self._mode_changed()

    def _mode_changed(self, *_args: object) -> None:
        gating = self.mode.currentData() == "five_star_pair"
        self.policy.setStyleSheet(WARNING_STYLE if gating else "")
        self.sessions.setEnabled(not gating)
        self.off.setText(
            ""
            if self.link.text().strip()
            else self.tr("No review link: no invitation is sent until one is set.")
        )

    def values(self) -> dict[str, str]:
        return {
            "google.review_link": self.link.text(),
            "google.invitation_mode": str(self.mode.currentData()),
            "google.invitation_sessions": str(self.sessions.value()),
            "google.reinvite_months": str(self.reinvite.value()),
            "google.invitation_hour": str(self.hour.value()),
            "google.invitation_expiry_days": str(self.expiry.value()),
        }
