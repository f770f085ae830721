"""The client card: who the client is, their reviews, the prompts they were shown and what they
did with them, their actions to take, their emails read from the inbox, and their link to
Google. Opened from any list; a review opens its details, an email (or an action a reply opened)
the email."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from feedback_desk.services.client_card import ClientCard, client_card
from feedback_desk.services.settings import load_settings
from feedback_desk.ui.dialogs.review_details import BADGE_STYLE, plain_label
from feedback_desk.ui.formatting import (
    edited_badge,
    format_day,
    format_instant,
    kind_name,
    language_name,
    outcome_name,
    stars_text,
)
from feedback_desk.ui.inbox.message_panel import about_name
from feedback_desk.ui.models.rows_model import ROW_KEY_ROLE, Row, RowsModel
from feedback_desk.ui.retranslating import Retranslating, form_row, retranslate_model
from feedback_desk.ui.testimonials.card_section import TestimonialSection

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from sqlalchemy.orm import Session

    from feedback_desk.ui.dialogs.opener import DialogOpener


def _table(model: RowsModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    # Newest first, as the rows come; the user's choice of column is kept across reloads.
    view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    view.setSortingEnabled(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.setWordWrap(False)
    return view


class ClientCardDialog(Retranslating, QDialog):
    loaded = Signal()  # the card is shown (after opening and after each change)

    def __init__(self, opener: DialogOpener, client_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.opener = opener
        self.tasks = opener.context.tasks_for(self)
        self.client_id = client_id
        self.card: ClientCard | None = None
        self._shown: tuple[ZoneInfo, ClientCard | None] | None = None
        self.resize(820, 560)

        self.name = plain_label()
        self.name.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.badges = QHBoxLayout()
        self.google_badge = QLabel()
        self.google_badge.setStyleSheet(BADGE_STYLE.replace("#E69F00", "#56B4E9"))
        self.unsubscribed_badge = QLabel()
        self.unsubscribed_badge.setStyleSheet(BADGE_STYLE.replace("#E69F00", "#BBBBBB"))
        header = QHBoxLayout()
        header.addWidget(self.name)
        header.addWidget(self.google_badge)
        header.addWidget(self.unsubscribed_badge)
        header.addStretch(1)

        self.email = plain_label()
        self.phone = plain_label()
        self.language = plain_label()
        self.joined = plain_label()
        self.consent = plain_label()
        info = QFormLayout()
        self.form_labels = [
            form_row(info, field)
            for field in (self.email, self.phone, self.language, self.joined, self.consent)
        ]

        self.reviews = RowsModel(
            lambda: [
                self.tr("Date"),
                self.tr("Kind"),
                self.tr("Class"),
                self.tr("Stars"),
                self.tr("Edited"),
                self.tr("Comment"),
            ],
            self,
        )
        self.prompts = RowsModel(
            lambda: [self.tr("Shown"), self.tr("Kind"), self.tr("Class"), self.tr("Outcome")],
            self,
        )
        self.actions = RowsModel(
            lambda: [
                self.tr("Review"),
                self.tr("Stars"),
                self.tr("Opened"),
                self.tr("State"),
                self.tr("Closed by"),
                self.tr("Note"),
            ],
            self,
        )
        self.google = RowsModel(
            lambda: [
                self.tr("Date"),
                self.tr("Stars"),
                self.tr("Reviewer"),
                self.tr("Linked by"),
                self.tr("Comment"),
            ],
            self,
        )
        self.inbound = RowsModel(
            lambda: [
                self.tr("Received"),
                self.tr("Answers"),
                self.tr("Subject"),
                self.tr("Handled"),
                self.tr("Text"),
            ],
            self,
        )
        self.reviews_view = _table(self.reviews)
        self.reviews_view.activated.connect(self._open_review)
        self.actions_view = _table(self.actions)
        self.actions_view.activated.connect(self._open_action)
        self.inbound_view = _table(self.inbound)
        self.inbound_view.activated.connect(self._open_inbound)
        self.prompts_view = _table(self.prompts)
        self.google_view = _table(self.google)
        self.google_note = plain_label()
        google_page = QWidget()
        google_layout = QVBoxLayout(google_page)
        google_layout.addWidget(self.google_note)
        google_layout.addWidget(self.google_view)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.reviews_view, "")
        self.tabs.addTab(self.prompts_view, "")
        self.tabs.addTab(self.actions_view, "")
        self.tabs.addTab(google_page, "")
        # The client's invitations to recommend the studio, their answers and consent.
        self.testimonial = TestimonialSection(opener.context, client_id, self)
        self.tabs.addTab(self.testimonial, "")
        self.tabs.addTab(self.inbound_view, "")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.testimonial.invite_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(info)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        # Bound methods: Qt disconnects them when this card is deleted.
        opener.review_changed.connect(self._review_changed)
        opener.actions_changed.connect(self.reload)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        """Every text again in the language shown, the client's from the card shown."""
        labels = [
            self.tr("Email:"),
            self.tr("Phone:"),
            self.tr("Language:"),
            self.tr("Member since:"),
            self.tr("Email consent:"),
        ]
        for label, text in zip(self.form_labels, labels, strict=True):
            label.setText(text)
        self.tabs.setTabText(self.tabs.indexOf(self.testimonial), self.tr("Testimonial"))
        for model in (self.reviews, self.prompts, self.actions, self.google, self.inbound):
            retranslate_model(model)
        if self._shown is None:
            self.setWindowTitle(self.tr("Client"))
        else:
            self._say(*self._shown)

    def _review_changed(self, _review_id: int) -> None:
        self.reload()

    def reload(self) -> None:
        """Read the card on a worker; the previous one stays shown until it arrives."""
        client_id = self.client_id

        def read(session: Session) -> tuple[ZoneInfo, ClientCard | None]:
            return load_settings(session).timezone, client_card(session, client_id)

        self.tasks.query(self.tr("the client card"), read, lambda found: self._show(*found))
        self.testimonial.reload()

    def _show(self, tz: ZoneInfo, card: ClientCard | None) -> None:
        self.card = card
        self._shown = (tz, card)
        self._say(tz, card)
        self.loaded.emit()

    def _say(self, tz: ZoneInfo, card: ClientCard | None) -> None:
        if card is None:
            self.setWindowTitle(self.tr("Client not found"))
            self.name.setText(self.tr("This client no longer exists."))
            return
        self.setWindowTitle(self.tr("Client {client}").format(client=card.client))
        self.name.setText(f"{card.name} ({card.client})")
        self.google_badge.setText(self.tr("reviewed on Google"))
        self.google_badge.setVisible(card.reviewed_on_google)
        self.unsubscribed_badge.setText(self.tr("unsubscribed"))
        self.unsubscribed_badge.setVisible(card.unsubscribed_at is not None)
        self.email.setText(card.email or "—")
        self.phone.setText(card.phone or "—")
        self.language.setText(language_name(card.language) if card.language else "—")
        self.joined.setText(format_day(card.joined_on) if card.joined_on else "—")
        self.consent.setText(self.tr("yes") if card.email_consent else self.tr("no"))
        self._fill(card, tz)

    def _fill(self, card: ClientCard, tz: ZoneInfo) -> None:
        self.reviews.set_rows(
            [
                Row(
                    [
                        format_instant(r.created_at, tz),
                        kind_name(r.kind.value),
                        f"{r.class_name} — {r.coach_name}" if r.class_name else "—",
                        stars_text(r.stars),
                        edited_badge() if r.edited_manually else "",
                        " ".join((r.comment or "").split()),
                    ],
                    key=r.review_id,
                    sort_keys=[
                        r.created_at,
                        r.kind.value,
                        r.class_name,
                        r.stars,
                        r.edited_manually,
                        r.comment,
                    ],
                    tooltip=r.comment,
                )
                for r in card.reviews
            ]
        )
        self.prompts.set_rows(
            [
                Row(
                    [
                        format_instant(p.shown_at, tz),
                        kind_name(p.kind.value),
                        p.class_name or "—",
                        outcome_name(p.outcome.value),
                    ],
                    sort_keys=[p.shown_at, p.kind.value, p.class_name, p.outcome.value],
                )
                for p in card.prompts
            ]
        )
        self.actions.set_rows(
            [
                Row(
                    [
                        a.review or self.tr("(their email)"),
                        stars_text(a.stars) if a.stars is not None else "—",
                        format_instant(a.opened_at, tz),
                        self.tr("open")
                        if a.closed_at is None
                        else outcome_name(a.outcome.value if a.outcome else ""),
                        a.closed_by or "",
                        " ".join((a.note or "").split()),
                    ],
                    key=("review", a.review_id)
                    if a.review_id is not None
                    else ("inbound", a.inbound_message_id),
                    sort_keys=[
                        a.review,
                        a.stars,
                        a.opened_at,
                        a.closed_at is not None,
                        a.closed_by,
                        a.note,
                    ],
                    tooltip=a.note,
                )
                for a in card.actions
            ]
        )
        self.google.set_rows(
            [
                Row(
                    [
                        format_instant(g.created_at, tz),
                        stars_text(g.stars) if g.stars else "—",
                        g.reviewer or self.tr("(anonymous)"),
                        f"{g.linked_by}, {format_instant(g.linked_at, tz)}",
                        " ".join((g.comment or "").split()),
                    ],
                    sort_keys=[g.created_at, g.stars, g.reviewer, g.linked_at, g.comment],
                    tooltip=g.comment,
                )
                for g in card.google
            ]
        )
        self.inbound.set_rows(
            [
                Row(
                    [
                        format_instant(m.received_at, tz),
                        about_name(m.about),
                        m.subject,
                        format_instant(m.handled_at, tz) if m.handled_at else self.tr("not yet"),
                        " ".join(m.text.split()),
                    ],
                    key=m.id,
                    sort_keys=[m.received_at, m.about.value, m.subject, m.handled_at, m.text],
                    tooltip=m.text,
                )
                for m in card.inbound
            ]
        )
        if card.google:
            note = self.tr("Google reviews linked to this client:")
        elif card.google_marked_at is not None:
            note = self.tr("Marked as having reviewed on Google by {who} on {when}.").format(
                who=card.google_marked_by or "—", when=format_instant(card.google_marked_at, tz)
            )
        else:
            note = self.tr("No Google review linked to this client.")
        self.google_note.setText(note)
        self.tabs.setTabText(0, self.tr("Reviews ({n})").format(n=len(card.reviews)))
        self.tabs.setTabText(1, self.tr("Prompts ({n})").format(n=len(card.prompts)))
        open_actions = sum(1 for a in card.actions if a.closed_at is None)
        self.tabs.setTabText(
            2,
            self.tr("Actions ({n} open)").format(n=open_actions)
            if open_actions
            else self.tr("Actions ({n})").format(n=len(card.actions)),
        )
        self.tabs.setTabText(3, self.tr("Google ({n})").format(n=len(card.google)))
        unhandled = sum(1 for m in card.inbound if not m.handled)
        self.tabs.setTabText(
            self.tabs.indexOf(self.inbound_view),
            self.tr("Emails ({n} to read)").format(n=unhandled)
            if unhandled
            else self.tr("Emails ({n})").format(n=len(card.inbound)),
        )
        for view in (
            self.reviews_view,
            self.prompts_view,
            self.actions_view,
            self.google_view,
            self.inbound_view,
        ):
            header = view.horizontalHeader()
            view.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())
            view.resizeColumnsToContents()

    def _open_review(self, index: QModelIndex) -> None:
        review_id = index.data(ROW_KEY_ROLE)
        if review_id is not None:
            self.opener.open_review(int(review_id))

    def _open_action(self, index: QModelIndex) -> None:
        """An action opens its review, or the email that opened it."""
        key = index.data(ROW_KEY_ROLE)
        if isinstance(key, tuple) and key[1] is not None:
            self.opener.open_target(key[0], int(key[1]))

    def _open_inbound(self, index: QModelIndex) -> None:
        inbound_id = index.data(ROW_KEY_ROLE)
        if inbound_id is not None:
            self.opener.open_inbound(int(inbound_id))
