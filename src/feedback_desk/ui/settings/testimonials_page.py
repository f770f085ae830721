"""Settings → Testimonials: the two questions a client answers, in French and in English, with
a preview of how clients read them; and how long an invitation can be answered."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from feedback_desk.domain.settings_schema import definition
from feedback_desk.services.settings import Settings
from feedback_desk.services.testimonials.questions import QUESTION_NUMBERS, question_key
from feedback_desk.ui.context import WindowContext
from feedback_desk.ui.settings.page import ValuesPage, plain_label, set_row_label

LANGUAGES = ("fr", "en")


class TestimonialsPage(ValuesPage):
    __test__ = False  # not a test class, whatever pytest thinks of the name

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._studio = context.settings.studio_name
        self.intro = plain_label(self)
        self.fields: dict[tuple[int, str], QLineEdit] = {}
        self.questions = QGroupBox(self)
        self.form = QFormLayout(self.questions)
        for number in QUESTION_NUMBERS:
            for language in LANGUAGES:
                field = QLineEdit(self)
                key = question_key(number, language)
                field.setObjectName(key)
                field.setPlaceholderText(definition(key).default)
                field.textChanged.connect(self.update_preview)
                self.fields[(number, language)] = field
                self.form.addRow(" ", field)
        self.expiry = QSpinBox(self)
        self.expiry.setRange(1, 365)
        self.form.addRow(" ", self.expiry)

        self.preview = QGroupBox(self)
        preview_layout = QVBoxLayout(self.preview)
        self.previews = {language: plain_label(self) for language in LANGUAGES}
        self.previews["fr"].setObjectName("preview:fr")
        self.previews["en"].setObjectName("preview:en")
        self.preview_titles = {language: plain_label(self) for language in LANGUAGES}
        for language in LANGUAGES:
            preview_layout.addWidget(self.preview_titles[language])
            preview_layout.addWidget(self.previews[language])

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.questions)
        layout.addWidget(self.preview)
        layout.addWidget(self.problems_label)
        layout.addStretch(1)
        self.retranslate()
        self.load(context.settings)

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "A client who agrees to recommend the studio answers two optional questions, "
                "in two or three sentences each. {studio} is replaced by the studio's name."
            )
        )
        self.questions.setTitle(self.tr("Questions"))
        labels = {
            (1, "fr"): self.tr("First question (French):"),
            (1, "en"): self.tr("First question (English):"),
            (2, "fr"): self.tr("Second question (French):"),
            (2, "en"): self.tr("Second question (English):"),
        }
        for place, field in self.fields.items():
            field.setAccessibleName(labels[place])
            set_row_label(self.form, field, labels[place])
        self.expiry.setSuffix(self.tr(" days"))
        set_row_label(self.form, self.expiry, self.tr("An invitation can be answered for:"))
        self.preview.setTitle(self.tr("Preview: what clients read"))
        self.preview_titles["fr"].setText(self.tr("In French:"))
        self.preview_titles["en"].setText(self.tr("In English:"))

    def show_values(self, settings: Settings) -> None:
        self._studio = settings.studio_name
        for (number, language), field in self.fields.items():
            field.setText(settings.text(question_key(number, language)))
        self.expiry.setValue(settings.integer("testimonials.expiry_days"))
        self.update_preview()

    def values(self) -> dict[str, str]:
        values = {
            question_key(number, language): field.text()
            for (number, language), field in self.fields.items()
        }
        values["testimonials.expiry_days"] = str(self.expiry.value())
        return values

    def update_preview(self, *_args: object) -> None:
        """The questions as a client reads them: the studio's name filled in, an emptied one
        replaced by the shipped question."""
        for language, label in self.previews.items():
            lines = []
            for number in QUESTION_NUMBERS:
                key = question_key(number, language)
                text = self.fields[(number, language)].text().strip() or definition(key).default
                lines.append(f"{number}. {text.replace('{studio}', self._studio)}")
            label.setText("\n".join(lines))
