"""The Clients menu: staff entry of a review, finding a client (and their email consent), and
closing the loop with those who did not answer and those who loved it."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog

from feedback_desk.ui.window_features import WindowFeature


class ClientsFeature(WindowFeature):
    def install(self) -> None:
        # Other features add their entries to it (Replies to read…).
        self.menu = menu = self.window.add_menu()
        self.add_review_action = QAction(self.window)
        self.add_review_action.setShortcut(QKeySequence("Ctrl+N"))
        self.add_review_action.triggered.connect(self.add_review)
        self.find_client_action = QAction(self.window)
        self.find_client_action.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.find_client_action.triggered.connect(self.find_client)
        self.worklist_action = QAction(self.window)
        self.worklist_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.worklist_action.triggered.connect(self.show_worklist)
        self.nonrespondents_action = QAction(self.window)
        self.nonrespondents_action.triggered.connect(self.show_nonrespondents)
        self.thank_action = QAction(self.window)
        self.thank_action.triggered.connect(self.thank_promoters)
        self.invite_action = QAction(self.window)
        self.invite_action.triggered.connect(self.invite_to_recommend)
        menu.addAction(self.add_review_action)
        menu.addAction(self.find_client_action)
        menu.addSeparator()
        menu.addAction(self.worklist_action)
        menu.addAction(self.nonrespondents_action)
        menu.addAction(self.thank_action)
        menu.addAction(self.invite_action)
        self.dialog: QDialog | None = None

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Clients"))
        self.add_review_action.setText(self.tr("&Add review…"))
        self.add_review_action.setToolTip(self.tr("Record a review given by phone or in person"))
        self.find_client_action.setText(self.tr("&Find client…"))
        self.worklist_action.setText(self.tr("A&ctions to take…"))
        self.nonrespondents_action.setText(self.tr("&Non-respondents…"))
        self.thank_action.setText(self.tr("&Thank the promoters…"))
        self.invite_action.setText(self.tr("&Invite to recommend…"))
        self.invite_action.setToolTip(
            self.tr("Ask clients for a testimonial the studio may publish")
        )

    def _open(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        dialog.open()
        return dialog

    def add_review(self) -> QDialog:
        from PySide6.QtCore import Qt

        from feedback_desk.ui.dialogs.add_review import AddReviewDialog

        context = self.window.context
        dialog = AddReviewDialog(context, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.recorded.connect(self._recorded)
        dialog.open_review_requested.connect(self._open_review)
        return self._open(dialog)

    def _open_review(self, review_id: int) -> None:
        from feedback_desk.ui.dialogs.opener import opener_for

        opener_for(self.window.context).open_review(review_id)

    def _recorded(self, review_id: str) -> None:
        self.window.status.show_message(
            lambda: self.tr("Review {id} recorded.").format(id=review_id)
        )
        # A review of 3 stars or fewer queued an alert for the managers.
        self.window.context.emails_queued.emit()
        self.window.refresh()

    def find_client(self) -> QDialog:
        from feedback_desk.ui.dialogs.find_client import FindClientDialog

        return self._open(FindClientDialog(self.window.context, self.window))

    def show_worklist(self) -> QDialog:
        from feedback_desk.ui.dialogs.opener import opener_for

        return opener_for(self.window.context).open_worklist()

    def show_nonrespondents(self) -> QDialog:
        from feedback_desk.ui.dialogs.hosted import HostDialog
        from feedback_desk.ui.loop.nonrespondents import NonRespondentsView

        context = self.window.context
        view = NonRespondentsView(context)
        view.queued.connect(self._emails_queued)
        return self._open(HostDialog(lambda: self.tr("Non-respondents"), view, self.window))

    def thank_promoters(self) -> QDialog:
        from PySide6.QtCore import Qt

        from feedback_desk.ui.loop.thank_promoters import ThankPromotersDialog

        context = self.window.context
        dialog = ThankPromotersDialog(context, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.queued.connect(self._emails_queued)
        return self._open(dialog)

    def _emails_queued(self, count: int) -> None:
        if count:
            self.window.context.emails_queued.emit()

    def invite_to_recommend(self) -> QDialog:
        """Clients → Invite to recommend…: invitations for a filtered list of clients."""
        from feedback_desk.ui.testimonials.staff_actions import open_invite_dialog

        self.dialog = open_invite_dialog(self.window.context, self.window, self._invited)
        return self.dialog

    def _invited(self, count: int) -> None:
        if count:
            self.window.context.emails_queued.emit()
            self.window.refresh()
