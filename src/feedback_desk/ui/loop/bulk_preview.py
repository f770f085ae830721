"""What a bulk email says, before it is queued: the template in each language, filled for one
example client (the first one checked), read on the window's workers; and the queue button's
words with the exact number ("Queue 18 emails")."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractButton, QPlainTextEdit, QTabWidget, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from feedback_desk.errors import UserInputError
from feedback_desk.services.loop import BulkReport, Recipient
from feedback_desk.services.templates.catalogue import TemplateName
from feedback_desk.services.templates.fill import EmailContent
from feedback_desk.ui import i18n
from feedback_desk.ui.context import WindowContext, describe_error
from feedback_desk.ui.loop.bulk_table import RecipientsModel
from feedback_desk.ui.retranslating import Retranslating
from feedback_desk.ui.settings.page import plain_label


class BulkEmail(QObject):
    """The words both bulk screens share, in one translation context ("BulkEmail"), with real
    plural forms: one string for one, one for more (French has its own forms in the catalogue;
    lupdate marks ``tr`` calls with a count as plural messages)."""

    def queue_button(self, count: int) -> str:
        """ "Queue 1 email" / "Queue 18 emails"."""
        return self.tr("Queue 1 email") if count == 1 else self.tr("Queue %n emails", "", count)

    def question(self, template: TemplateName, count: int) -> str:
        """The confirmation: "Queue the outreach email for 3 clients?"."""
        if template is TemplateName.OUTREACH:
            if count == 1:
                return self.tr("Queue the outreach email for 1 client?")
            return self.tr("Queue the outreach email for %n clients?", "", count)
        if count == 1:
            return self.tr("Queue the thank-you email for 1 client?")
        return self.tr("Queue the thank-you email for %n clients?", "", count)

    def report(self, report: BulkReport) -> str:
        """What a bulk send did: queued, queued before, and who could not get it (and why)."""
        queued, already = report.queued, report.already
        lines = [
            self.tr("1 email queued.") if queued == 1 else self.tr("%n emails queued.", "", queued)
        ]
        if already:
            lines.append(self.tr("%n already queued before.", "", already))
        lines += [
            self.tr("Not sent: %1").replace("%1", i18n.in_words(skipped))
            for skipped in report.skipped
        ]
        return "\n".join(lines)


def queue_button_text(count: int) -> str:
    return BulkEmail().queue_button(count)


def clients_question(template: TemplateName, count: int) -> str:
    return BulkEmail().question(template, count)


def report_text(report: BulkReport) -> str:
    return BulkEmail().report(report)


class BulkPreview(Retranslating, QWidget):
    """One tab per language with the subject and text; a line says whose example it is."""

    def __init__(
        self, context: WindowContext, template: TemplateName, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._tasks = context.tasks_for(self)
        self._template = template
        self._example: int | None = None  # the client the texts shown are filled for
        self._model: RecipientsModel | None = None
        self._button: QAbstractButton | None = None
        self._generation = 0
        self._recipient: Recipient | None = None
        # Each tab's text (by language of the email), as a function of the language shown.
        self._said: Callable[[], dict[str, str]] = dict
        self.caption = plain_label(self)
        self.texts: dict[str, QPlainTextEdit] = {}
        self.tabs = QTabWidget(self)
        for language, name in (("fr", "Français"), ("en", "English")):
            text = QPlainTextEdit(self)
            text.setReadOnly(True)
            self.texts[language] = text
            self.tabs.addTab(text, name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.tabs, 1)
        self.show_for(None)

    def retranslate(self) -> None:
        """The caption and the texts again in the language shown (the emails keep theirs)."""
        self._say_caption()
        self._say(self._said)
        if self._model is not None and self._button is not None:
            self._button.setText(queue_button_text(len(self._model.checked())))

    def _say_caption(self) -> None:
        recipient = self._recipient
        if recipient is None:
            self.caption.setText(self.tr("Check a client to read the email they would get."))
        else:
            self.caption.setText(
                i18n.fill(
                    self.tr("The email as %1 would get it; each client gets it in their language."),
                    f"{recipient.name} ({recipient.client})",
                )
            )

    def _say(self, texts: Callable[[], dict[str, str]]) -> None:
        self._said = texts
        said = texts()
        for language, text in self.texts.items():
            text.setPlainText(said.get(language, ""))

    @property
    def example(self) -> int | None:
        return self._example

    def follow(self, model: RecipientsModel, button: QAbstractButton) -> None:
        """Keep *button* counting the checked clients of *model* ("Queue 18 emails", disabled
        at none) and the texts filled for the first of them."""
        self._model, self._button = model, button
        model.modelReset.connect(self.checks_changed)
        model.dataChanged.connect(self.checks_changed)
        self.checks_changed()

    def checks_changed(self, *_args: object) -> None:
        if self._model is None or self._button is None:
            return
        chosen = self._model.checked()
        self._button.setText(queue_button_text(len(chosen)))
        self._button.setEnabled(bool(chosen))
        self.show_for(chosen[0] if chosen else None)

    def show_for(self, recipient: Recipient | None) -> None:
        """Fill the texts for *recipient* (nobody: say there is nothing to show)."""
        client_id = recipient.client_id if recipient is not None else None
        if client_id == self._example and client_id is not None:
            return
        self._example = client_id
        self._recipient = recipient
        self._generation += 1
        generation = self._generation
        self._say_caption()
        if recipient is None:
            self._say(dict)
            return
        self._say(lambda: dict.fromkeys(self.texts, self.tr("Reading the email…")))
        template = self._template

        def read(session: Session) -> dict[str, EmailContent]:
            from feedback_desk.services.loop import bulk_preview
            from feedback_desk.services.settings import load_settings

            return bulk_preview(session, load_settings(session), template, client_id)

        self._tasks.query(
            self.tr("the email"),
            read,
            lambda contents: self._shown(generation, contents),
            lambda error: self._failed(generation, error),
        )

    def _shown(self, generation: int, contents: dict[str, EmailContent]) -> None:
        if generation != self._generation:
            return  # another example was asked for since
        self._say(
            lambda: {
                language: f"{i18n.fill(self.tr('Subject: %1'), content.subject)}\n\n{content.text}"
                for language, content in contents.items()
            }
        )

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._say(lambda: dict.fromkeys(self.texts, self._cannot_show(error)))

    def _cannot_show(self, error: BaseException) -> str:
        why = "; ".join(i18n.said_lines(error)) if isinstance(error, UserInputError) else None
        return i18n.fill(self.tr("The email cannot be shown: %1"), why or describe_error(error))
