"""General settings: the studio (name, language, time zone, manager's address) and how reviews
are collected."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from feedback_desk.services.settings import Settings
from feedback_desk.ui.context import WindowContext
from feedback_desk.ui.settings.page import SchemaFormPage


class GeneralPage(SchemaFormPage):
    GROUPS = (
        (
            "Studio",
            (
                "studio.name",
                "studio.language",
                "studio.timezone",
                "studio.manager_emails",
                "studio.address",
            ),
        ),
        (
            "Reviews",
            (
                "reviews.enabled",
                "reviews.class_enabled",
                "reviews.business_enabled",
                "reviews.business_every_months",
                "reviews.business_question_fr",
                "reviews.business_question_en",
            ),
        ),
    )

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.no_manager = QLabel(
            self.tr("No manager address: alerts about unhappy clients cannot be sent.")
        )
        self.no_manager.setTextFormat(Qt.TextFormat.PlainText)
        self.no_manager.setWordWrap(True)
        self.no_manager.setObjectName("warning:studio.manager_emails")
        layout = self.layout()
        assert layout is not None
        layout.addWidget(self.no_manager)
        managers = self.editor("studio.manager_emails")
        assert isinstance(managers, QLineEdit)
        managers.textChanged.connect(self._warn)

    def label(self, key: str) -> str:
        labels = {
            "studio.name": self.tr("Studio name"),
            "studio.language": self.tr("Language for clients without one"),
            "studio.timezone": self.tr("Time zone"),
            "studio.manager_emails": self.tr("Manager emails (for alerts)"),
            "studio.address": self.tr("Postal address (under emails)"),
            "reviews.enabled": self.tr("Collect reviews"),
            "reviews.class_enabled": self.tr("Ask for class reviews"),
            "reviews.business_enabled": self.tr("Ask for business reviews"),
            "reviews.business_every_months": self.tr("Months between business reviews"),
            "reviews.business_question_fr": self.tr("Business question (French)"),
            "reviews.business_question_en": self.tr("Business question (English)"),
        }
        return labels.get(key, key)

    def load(self, settings: Settings) -> None:
        super().load(settings)
        self._warn()

    def _warn(self, *_args: object) -> None:
        managers = self.editor("studio.manager_emails")
        assert isinstance(managers, QLineEdit)
        self.no_manager.setVisible(not managers.text().strip())
