"""Opens reviews and clients from any list, and records the edits made from those dialogs.

One opener serves the whole window: after a manual edit or a closed action it emits
``review_changed`` / ``actions_changed`` so that every tab refreshes what it shows. Writes run
on the task runner, never on the GUI thread.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from feedback_desk.domain.kinds import ActionOutcome
from feedback_desk.errors import UserInputError
from feedback_desk.services.actions import close_action, close_actions_before
from feedback_desk.services.audit import default_actor
from feedback_desk.services.progress import Progress
from feedback_desk.services.review_details import review_id_of
from feedback_desk.services.review_edit import EditResult, edit_stars
from feedback_desk.ui import i18n
from feedback_desk.ui.context import WindowContext, describe_error
from feedback_desk.ui.formatting import count_text


class DialogOpener(QObject):
    review_changed = Signal(int)  # store id of the review
    actions_changed = Signal()
    status_message = Signal(object)  # what to say: a text, or how to say it (ui/status.py)
    follow_up_queued = Signal(int)  # an outbox message to send now (the window's outbox worker)

    def __init__(
        self,
        context: WindowContext,
        *,
        dialog_parent: QWidget | None = None,
        language: str | None = None,
    ) -> None:
        super().__init__(context)
        self.context = context
        self.store = context.store
        self.clock = context.clock
        # Its writes stop delivering once the store is closed.
        self.tasks = context.tasks_for(self)
        self._language = language
        self._parent_widget = dialog_parent
        self._open_dialogs: list[QDialog] = []

    @property
    def language(self) -> str:
        """The interface's language (aspect labels follow it), unless one was given."""
        from feedback_desk.ui.i18n import current_language

        return self._language or current_language()

    # -- opening ---------------------------------------------------------------------------

    def open_review(self, review_id: int) -> QDialog:
        from feedback_desk.ui.dialogs.review_details import ReviewDetailsDialog

        return self._show(ReviewDetailsDialog(self, review_id, self._parent_widget))

    def open_client(self, client_id: int) -> QDialog:
        from feedback_desk.ui.dialogs.client_card import ClientCardDialog

        return self._show(ClientCardDialog(self, client_id, self._parent_widget))

    def open_inbound(self, inbound_id: int) -> QDialog:
        """A client's email read from the inbox (what an action opened by a reply opens)."""
        from feedback_desk.ui.inbox.message_dialog import InboundMessageDialog

        return self._show(InboundMessageDialog(self, inbound_id, self._parent_widget))

    def open_target(self, kind: str, target_id: int) -> QDialog | None:
        if kind == "review":
            return self.open_review(target_id)
        if kind == "client":
            return self.open_client(target_id)
        if kind == "inbound":
            return self.open_inbound(target_id)
        return None

    def open_worklist(self) -> QDialog:
        """The worklist of every action to take (one window, brought forward when open)."""
        from feedback_desk.ui.worklist.dialog import ActionWorklistDialog

        for dialog in self._open_dialogs:
            if isinstance(dialog, ActionWorklistDialog):
                if dialog.isMinimized():
                    dialog.showNormal()
                dialog.raise_()
                dialog.activateWindow()
                return dialog
        return self._show(ActionWorklistDialog(self, self._parent_widget))

    def reply_to(self, review: str, parent: QWidget | None = None) -> QDialog:
        """The reply email to a review (its id as the studio knows it), pre-filled from its
        segment's template in the client's language; queued replies leave at once."""
        from feedback_desk.ui.dialogs.compose_email import ComposeEmailDialog

        dialog = ComposeEmailDialog.for_review(self.context, review, parent or self._parent_widget)
        dialog.queued.connect(self.follow_up_queued)
        dialog.queued.connect(self._reply_queued)
        return self._show(dialog)

    def _reply_queued(self, _message_id: int) -> None:
        self.status_message.emit(lambda: self.tr("Reply queued in the outbox."))

    def _show(self, dialog: QDialog) -> QDialog:
        self._open_dialogs.append(dialog)
        dialog.finished.connect(lambda _result: self._forget(dialog))
        dialog.show()
        return dialog

    def _forget(self, dialog: QDialog) -> None:
        if dialog in self._open_dialogs:
            self._open_dialogs.remove(dialog)
        dialog.deleteLater()

    @property
    def open_dialogs(self) -> list[QDialog]:
        return list(self._open_dialogs)

    # -- recording ---------------------------------------------------------------------------

    def edit_stars(self, origin: QWidget | None, review: str, stars: int, note: str | None) -> None:
        at = self.clock.now()
        actor = default_actor()

        def work(_progress: Progress) -> tuple[int | None, EditResult]:
            with self.store.write() as session:
                result = edit_stars(session, review, stars, note, at=at, actor=actor)
                return review_id_of(session, review), result

        def done(outcome: tuple[int | None, EditResult]) -> None:
            review_id, result = outcome
            self.status_message.emit(
                lambda: self.tr("Review {review}: {old} → {new} stars").format(
                    review=result.review, old=result.old_stars, new=result.new_stars
                )
            )
            if review_id is not None:
                self.review_changed.emit(review_id)
            if result.action_opened:
                self.actions_changed.emit()

        self.tasks.run(
            work, name="edit-stars", on_done=done, on_error=lambda e: self._failed(origin, e)
        )

    def close_action(
        self, origin: QWidget | None, review: str, outcome: ActionOutcome, note: str | None
    ) -> None:
        at = self.clock.now()
        actor = default_actor()

        def work(_progress: Progress) -> int | None:
            with self.store.write() as session:
                close_action(session, review, outcome, note, at=at, actor=actor)
                return review_id_of(session, review)

        def done(review_id: int | None) -> None:
            self.status_message.emit(
                lambda: self.tr("Action of review {review} closed").format(review=review)
            )
            if review_id is not None:
                self.review_changed.emit(review_id)
            self.actions_changed.emit()

        self.tasks.run(
            work, name="close-action", on_done=done, on_error=lambda e: self._failed(origin, e)
        )

    def close_actions_before(
        self, origin: QWidget | None, day: date, outcome: ActionOutcome, note: str | None
    ) -> None:
        at = self.clock.now()
        actor = default_actor()

        def work(_progress: Progress) -> int:
            with self.store.write() as session:
                return close_actions_before(session, day, outcome, note, at=at, actor=actor)

        def done(closed: int) -> None:
            self.status_message.emit(
                lambda: count_text(
                    closed, self.tr("{n} action closed"), self.tr("{n} actions closed")
                )
            )
            self.actions_changed.emit()

        self.tasks.run(
            work, name="close-actions", on_done=done, on_error=lambda e: self._failed(origin, e)
        )

    def _failed(self, origin: QWidget | None, error: BaseException) -> None:
        def said() -> str:
            # The error itself is kept: its words follow the interface language.
            if isinstance(error, UserInputError):
                return "\n".join(i18n.said_lines(error))
            return self.tr("The change could not be saved: {error}").format(
                error=describe_error(error)
            )

        message = said()
        self.status_message.emit(lambda: said().splitlines()[0])
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Not saved"),
            message,
            parent=origin or self._parent_widget,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        # Kept until closed: a parentless box would otherwise vanish with this function.
        self._open_dialogs.append(box)
        box.finished.connect(lambda _result: self._forget(box))
        box.open()


def opener_for(context: WindowContext) -> DialogOpener:
    """The window's one opener (made on first use, owned by the window's context), so that an
    edit made from any tab's dialog refreshes every tab."""
    found = context.findChild(DialogOpener)
    if found is not None:
        return found
    window = context.parent()
    opener = DialogOpener(context, dialog_parent=window if isinstance(window, QWidget) else None)
    # A follow-up queued from a review's contacts is sent now by the window's outbox.
    opener.follow_up_queued.connect(lambda _message_id: context.emails_queued.emit())
    return opener
