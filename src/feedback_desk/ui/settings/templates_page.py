"""Settings → Templates: each email in French and English, with its placeholders, a live preview
(plain text and HTML, on sample data) and a clear message for a placeholder that does not exist.

The stored templates are read once, on a worker, when the page opens (the editors wait for them).
Edits are kept per template and language while staff move between them, and stored (or reset to
the shipped text) with the rest of Settings when the dialog saves; Cancel drops them."""

from __future__ import annotations

from datetime import datetime

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
from sqlalchemy.orm import Session

from feedback_desk.services.settings import Settings
from feedback_desk.services.templates.catalogue import (
    LANGUAGES,
    Template,
    TemplateName,
    default_template,
    get_template,
    reset_template,
    save_template,
)
from feedback_desk.services.templates.render import (
    PLACEHOLDERS,
    TemplateError,
    TemplateProblem,
    html_document,
    render_html_fragment,
    render_text,
)
from feedback_desk.ui import i18n
from feedback_desk.ui.context import WindowContext
from feedback_desk.ui.formatting import count_text
from feedback_desk.ui.retranslating import retranslate_tab_scrollers
from feedback_desk.ui.settings.page import ERROR_STYLE, SettingsPage, plain_label, set_row_label
from feedback_desk.ui.settings.template_problems import template_problem
from feedback_desk.ui.settings.template_titles import template_title

Key = tuple[TemplateName, str]
# A pending change back to the shipped text.
RESET = None

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
        "testimonial_link": "Répondez ici (moins de 3 minutes) : https://…/t/7Kq2x9LmPq0sVbN3cTw4Zy",
        "withdraw_link": "https://…/t/withdraw/7Kq2x9LmPq0sVbN3cTw4Zy",
        "refusal_reason": "Je n'en suis pas assez satisfait(e)",
        "refusal_text": "Les cours de 18 h sont toujours pleins.",
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
        "testimonial_link": "Answer here (less than 3 minutes): https://…/t/7Kq2x9LmPq0sVbN3cTw4Zy",
        "withdraw_link": "https://…/t/withdraw/7Kq2x9LmPq0sVbN3cTw4Zy",
        "refusal_reason": "I am not satisfied enough",
        "refusal_text": "The 6 pm classes are always full.",
    },
}


class TemplatesPage(SettingsPage):
    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._settings = context.settings
        # What the store holds, every template and language (None until it has been read).
        self._stored: dict[Key, Template] | None = None
        # What Save will store: (subject, body), or RESET for the shipped text.
        self._pending: dict[Key, tuple[str, str] | None] = {}
        self._reset_asked: set[Key] = set()
        self._to_write: dict[Key, tuple[str, str] | None] = {}
        self.template_combo = QComboBox(self)
        for name in TemplateName:
            self.template_combo.addItem("", name.value)
        self.language_combo = QComboBox(self)
        self.language_combo.addItem("", "fr")
        self.language_combo.addItem("", "en")
        self.subject = QLineEdit(self)
        self.body = QPlainTextEdit(self)
        self.placeholders = plain_label(self)
        self.notice = plain_label(self)
        self.error = plain_label(self, style=ERROR_STYLE)
        self.pending_label = plain_label(self)
        self.preview_text = QPlainTextEdit(self)
        self.preview_text.setReadOnly(True)
        self.preview_html = QTextBrowser(self)
        self.preview_html.setOpenLinks(False)
        self.previews = previews = QTabWidget(self)
        previews.addTab(self.preview_text, "")
        previews.addTab(self.preview_html, "")
        self.reset_button = QPushButton(self)
        self.reset_button.clicked.connect(self.reset)

        choose = QHBoxLayout()
        choose.addWidget(self.template_combo, 1)
        choose.addWidget(self.language_combo)
        editor = QWidget(self)
        self.form = form = QFormLayout(editor)
        form.addRow(" ", self.subject)
        form.addRow(self.body)
        split = QSplitter(self)
        split.addWidget(editor)
        split.addWidget(previews)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.pending_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(split, 1)
        layout.addWidget(self.placeholders)
        layout.addWidget(self.notice)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

        self.template_combo.currentIndexChanged.connect(self.load_current)
        self.language_combo.currentIndexChanged.connect(self.load_current)
        self.subject.textChanged.connect(self._edited)
        self.body.textChanged.connect(self._edited)
        self.retranslate()
        self._read_templates()

    def retranslate(self) -> None:
        for index, name in enumerate(TemplateName):
            self.template_combo.setItemText(index, template_title(name))
        self.language_combo.setItemText(0, self.tr("French"))
        self.language_combo.setItemText(1, self.tr("English"))
        self.placeholders.setText(
            i18n.fill(self.tr("Placeholders: %1"), ", ".join(f"{{{p}}}" for p in PLACEHOLDERS))
        )
        self.previews.setTabText(0, self.tr("Preview: plain text"))
        self.previews.setTabText(1, self.tr("Preview: HTML"))
        retranslate_tab_scrollers(self.previews)
        self.reset_button.setText(self.tr("Back to the default"))
        set_row_label(self.form, self.subject, self.tr("Subject:"))
        if self._stored is None:
            self.body.setPlaceholderText(self.tr("Reading the templates…"))
        else:
            self.load_current()  # the notice, the count of changes, a template's problem

    def _read_templates(self) -> None:
        self._set_editable(False)
        self._stored = None
        self.body.setPlaceholderText(self.tr("Reading the templates…"))
        self.tasks.query(self.tr("the email templates"), _stored_templates, self._templates_read)

    def saved_and_kept_open(self) -> None:
        """The edits are stored now: read the templates again, with nothing pending."""
        self._pending.clear()
        self._reset_asked.clear()
        self._read_templates()

    def _set_editable(self, editable: bool) -> None:
        for widget in (self.subject, self.body, self.reset_button):
            widget.setEnabled(editable)

    def _templates_read(self, stored: dict[Key, Template]) -> None:
        self._stored = stored
        self.body.setPlaceholderText("")
        self._set_editable(True)
        self.load_current()

    def load(self, settings: Settings) -> None:
        """The studio's name and address for the preview."""
        self._settings = settings
        self.update_preview()

    def current(self) -> Key:
        return TemplateName(self.template_combo.currentData()), str(
            self.language_combo.currentData()
        )

    def select(self, name: TemplateName, language: str) -> None:
        self.template_combo.setCurrentIndex(self.template_combo.findData(name.value))
        self.language_combo.setCurrentIndex(self.language_combo.findData(language))

    def load_current(self, *_args: object) -> None:
        """Show the chosen template: its pending edit if any, else what the store holds."""
        if self._stored is None:
            return  # shown once the stored templates arrive
        key = self.current()
        stored = self._stored[key]
        shipped = default_template(*key)
        shown = (stored.subject, stored.body)
        if key in self._pending:
            pending = self._pending[key]
            shown = (shipped.subject, shipped.body) if pending is RESET else pending
        with QSignalBlocker(self.subject), QSignalBlocker(self.body):
            self.subject.setText(shown[0])
            self.body.setPlainText(shown[1])
        self.notice.setText(
            self.tr(
                "Sent only to clients who agreed to receive email; the studio's name and "
                "address and an unsubscribe line are added under it."
            )
            if key[0].commercial
            else ""
        )
        self._update_state()

    def _edited(self) -> None:
        if self._stored is None:
            return
        key = self.current()
        stored = self._stored[key]
        shipped = default_template(*key)
        typed = (self.subject.text(), self.body.toPlainText())
        if typed == (stored.subject, stored.body):
            self._pending.pop(key, None)
        elif key in self._reset_asked and typed == (shipped.subject, shipped.body):
            self._pending[key] = RESET
        else:
            self._pending[key] = typed
        self._update_state()

    def _update_state(self) -> None:
        assert self._stored is not None, "called once the stored templates are shown"
        key = self.current()
        stored = self._stored[key]
        shipped = default_template(*key)
        typed = (self.subject.text(), self.body.toPlainText())
        self.reset_button.setEnabled(
            typed != (shipped.subject, shipped.body) or (stored.customized and key in self._pending)
        )
        count = len(self._pending)
        self.pending_label.setText(
            count_text(
                count,
                self.tr("{n} template changed: stored when you save the settings."),
                self.tr("{n} templates changed: stored when you save the settings."),
            )
            if count
            else ""
        )
        self.update_preview()

    def _sample(self, language: str) -> dict[str, str]:
        settings = self._settings
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
            self.error.setText(template_problem(exc))
            return
        self.error.clear()
        self.preview_text.setPlainText(f"{subject}\n\n{text}")
        # Our own HTML: every value and every character of the template is escaped.
        self.preview_html.setHtml(html_document(fragment, language=language))

    def reset(self) -> None:
        """Show the shipped text; saving the settings puts it back for this template."""
        key = self.current()
        self._reset_asked.add(key)
        shipped = default_template(*key)
        self.subject.setText(shipped.subject)
        self.body.setPlainText(shipped.body)
        self._edited()

    # The dialog's save ---------------------------------------------------------------------

    def _label(self, key: Key) -> str:
        name, language = key
        return f"{template_title(name)} ({language})"

    def changes(self) -> dict[str, str]:
        """No settings keys; takes the snapshot of the edits that :meth:`write` stores (the
        dialog asks on the GUI thread, then writes on a worker)."""
        self._to_write = dict(self._pending)
        return {}

    def problems(self) -> dict[str, str]:
        found = {}
        for key, pending in self._pending.items():
            if pending is RESET:
                continue
            subject, body = pending
            template = Template(key[0], key[1], subject.strip(), body)
            try:
                template.check()
                if "\n" in subject.strip() or "\r" in subject.strip():
                    raise TemplateError(
                        "a subject is one line", TemplateProblem.SUBJECT_LINES, part="subject"
                    )
            except TemplateError as exc:
                found[f"template.{key[0].value}.{key[1]}"] = i18n.fill(
                    self.tr("%1: %2"), self._label(key), template_problem(exc)
                )
        return found

    def show_problems(self, problems: dict[str, str]) -> None:
        if problems:
            self.error.setText("\n".join(problems.values()))
        else:
            self.update_preview()

    def write(self, session: Session, *, at: datetime, actor: str) -> None:
        for (name, language), pending in self._to_write.items():
            if pending is RESET:
                reset_template(session, name, language, at=at, actor=actor)
            else:
                save_template(
                    session,
                    name,
                    language,
                    subject=pending[0],
                    body=pending[1],
                    at=at,
                    actor=actor,
                )


def _stored_templates(session: Session) -> dict[Key, Template]:
    """Every template in every language, as the store holds it (a few dozen rows)."""
    return {
        (name, language): get_template(session, name, language)
        for name in TemplateName
        for language in LANGUAGES
    }
