"""General settings: the studio (name, language, time zone) and how reviews are collected.

The managers' addresses and the postal address live on the Email page, beside what uses them."""

from __future__ import annotations

from feedback_desk.ui.settings.page import SchemaFormPage


class GeneralPage(SchemaFormPage):
    GROUPS = (
        (
            "Studio",
            (
                "studio.name",
                "studio.language",
                "studio.timezone",
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

    def label(self, key: str) -> str:
        labels = {
            "studio.name": self.tr("Studio name"),
            "studio.language": self.tr("Language for clients without one"),
            "studio.timezone": self.tr("Time zone"),
            "reviews.enabled": self.tr("Collect reviews"),
            "reviews.class_enabled": self.tr("Ask for class reviews"),
            "reviews.business_enabled": self.tr("Ask for business reviews"),
            "reviews.business_every_months": self.tr("Months between business reviews"),
            "reviews.business_question_fr": self.tr("Business question (French)"),
            "reviews.business_question_en": self.tr("Business question (English)"),
        }
        return labels.get(key, key)
