"""Settings → Templates: each email in French and English, with its placeholders, a live preview
(plain text and HTML, on sample data) and a clear message for a placeholder that does not exist."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from feedback_desk.clock import Clock
from feedback_desk.services.templates.catalogue import (
    LANGUAGES,
    Template,
    TemplateName,
    get_template,
    reset_template,
    save_template,
)
from feedback_desk.services.templates.render import (
    PLACEHOLDERS,
    TemplateError,
    html_document,
    render_html_fragment,
    render_text,
)
from feedback_desk.store.database import Store
from feedback_desk.ui.settings.standalone import ERROR_STYLE, load, plain_label

SAMPLE = {
    "fr": {
        "first_name": "Audrey",
        "last_name": "Tremblay",
        "client": "Audrey Tremblay (C17)",
        "client_id": "C17",
        "contact": "audrey@example.com, 514 555-0123",
        "class": "Spin 45",
        "coach": "Julie Roy",
        "session_date": "14 mars 2026 18:00",
        "kind": "avis sur un cours",
        "stars": "2",
        "date": "14 mars 2026",
        "aspects": "Musique trop forte",
        "comment": "La salle était froide.",
    },
    "en": {
        "first_name": "Audrey",
        "last_name": "Tremblay",
        "client": "Audrey Tremblay (C17)",
        "client_id": "C17",
        "contact": "audrey@example.com, 514 555-0123",
        "class": "Spin 45",
        "coach": "Julie Roy",
        "session_date": "March 14, 2026 18:00",
        "kind": "class review",
        "stars": "2",
        "date": "March 14, 2026",
        "aspects": "Music too loud",
        "comment": "The room was cold.",
    },
}


class TemplatesPage(QWidget):
    def __init__(
        self,
        store: Store,
        clock: Clock,
        parent: QWidget | None = None,
        *,
        actor: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._clock = clock
        self._actor = actor
        self.template_combo = QComboBox(self)
        for name in TemplateName:
            self.template_combo.addItem(self.tr(name.label), name.value)
        self.language_combo = QComboBox(self)
        self.language_combo.addItem(self.tr("French"), "fr")
        self.language_combo.addItem(self.tr("English"), "en")
        self.subject = QLineEdit(self)
        self.body = QPlainTextEdit(self)
        self.placeholders = plain_label(
            self,
            self.tr("Placeholders: %1").replace("%1", ", ".join(f"{{{p}}}" for p in PLACEHOLDERS)),
        )
        self.notice = plain_label(self)
        self.error = plain_label(self, style=ERROR_STYLE)
        self.preview_text = QPlainTextEdit(self)
        self.preview_text.setReadOnly(True)
        self.preview_html = QTextBrowser(self)
        self.preview_html.setOpenLinks(False)
        previews = QTabWidget(self)
        previews.addTab(self.preview_text, self.tr("Preview: plain text"))
        previews.addTab(self.preview_html, self.tr("Preview: HTML"))
        self.save_button = QPushButton(self.tr("Save template"), self)
        self.reset_button = QPushButton(self.tr("Back to the default"), self)
        self.save_button.clicked.connect(self.apply)
        self.reset_button.clicked.connect(self.reset)

        choose = QHBoxLayout()
        choose.addWidget(self.template_combo, 1)
        choose.addWidget(self.language_combo)
        editor = QWidget(self)
        form = QFormLayout(editor)
        form.addRow(self.tr("Subject:"), self.subject)
        form.addRow(self.body)
        split = QSplitter(self)
        split.addWidget(editor)
        split.addWidget(previews)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(split, 1)
        layout.addWidget(self.placeholders)
        layout.addWidget(self.notice)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

        self.template_combo.currentIndexChanged.connect(self.load_current)
        self.language_combo.currentIndexChanged.connect(self.load_current)
        self.subject.textChanged.connect(self.update_preview)
        self.body.textChanged.connect(self.update_preview)
        self.load_current()

    @staticmethod
    def title() -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("TemplatesPage", "Email templates")

    def current(self) -> tuple[TemplateName, str]:
        return TemplateName(self.template_combo.currentData()), str(
            self.language_combo.currentData()
        )

    def select(self, name: TemplateName, language: str) -> None:
        self.template_combo.setCurrentIndex(self.template_combo.findData(name.value))
        self.language_combo.setCurrentIndex(self.language_combo.findData(language))

    def load_current(self, *_args: object) -> None:
        name, language = self.current()
        with self._store.read() as session:
            template = get_template(session, name, language)
        self._show(template)

    def _show(self, template: Template) -> None:
        with QSignalBlocker(self.subject), QSignalBlocker(self.body):
            self.subject.setText(template.subject)
            self.body.setPlainText(template.body)
        self.reset_button.setEnabled(template.customized)
        self.notice.setText(
            self.tr(
                "Sent only to clients who agreed to receive email; the studio's name and "
                "address and an unsubscribe line are added under it."
            )
            if template.name.commercial
            else ""
        )
        self.update_preview()

    def _sample(self, language: str) -> dict[str, str]:
        settings = load(self._store)
        return {
            **SAMPLE[language if language in LANGUAGES else "fr"],
            "studio": settings.studio_name,
            "address": settings.text("studio.address"),
            "review_link": settings.text("google.review_link") or "https://g.page/r/…/review",
            "unsubscribe": "mailto:studio@example.com?subject=unsubscribe%20C17",
        }

    def update_preview(self, *_args: object) -> None:
        _name, language = self.current()
        values = self._sample(language)
        try:
            subject = render_text(self.subject.text(), values)
            text = render_text(self.body.toPlainText(), values)
            fragment = render_html_fragment(self.body.toPlainText(), values)
        except TemplateError as exc:
            self.error.setText(str(exc))
            self.save_button.setEnabled(False)
            return
        self.error.clear()
        self.save_button.setEnabled(True)
        self.preview_text.setPlainText(f"{subject}\n\n{text}")
        # Our own HTML: every value and every character of the template is escaped.
        self.preview_html.setHtml(html_document(fragment, language=language))

    def apply(self) -> list[str]:
        from feedback_desk.services.audit import default_actor

        name, language = self.current()
        try:
            with self._store.write() as session:
                template = save_template(
                    session,
                    name,
                    language,
                    subject=self.subject.text(),
                    body=self.body.toPlainText(),
                    at=self._clock.now(),
                    actor=self._actor or default_actor(),
                )
        except TemplateError as exc:
            self.error.setText(str(exc))
            return [str(exc)]
        self._show(template)
        return []

    def reset(self) -> None:
        from feedback_desk.services.audit import default_actor

        name, language = self.current()
        with self._store.write() as session:
            template = reset_template(
                session, name, language, at=self._clock.now(), actor=self._actor or default_actor()
            )
        self._show(template)
