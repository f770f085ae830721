"""Add review…: staff record a review taken by phone or in person (channel ``staff``), with the
client's optional 0-10 recommendation answer for a business review when ``nps.enabled``.

Everything it reads (clients, their sessions, the aspects) and the review it records goes through
workers: the dialog answers at once even while another program holds the store's write lock; it
says "Recording…" until the review is in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from feedback_desk.domain.kinds import Polarity, ReviewKind
from feedback_desk.domain.segments import offered_polarities
from feedback_desk.errors import UserInputError
from feedback_desk.services import audit
from feedback_desk.services.client_search import ClientMatch, search_clients
from feedback_desk.services.prompting.kiosk import AspectOption, offered_options
from feedback_desk.services.review_recording import MAX_COMMENT_CHARS
from feedback_desk.services.settings import load_settings
from feedback_desk.services.staff_entry import (
    SessionChoice,
    StaffReview,
    record_staff_review,
    sessions_for,
)
from feedback_desk.ui import i18n
from feedback_desk.ui.context import WindowContext, describe_error
from feedback_desk.ui.formatting import format_instant
from feedback_desk.ui.retranslating import Retranslating

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_LIMIT = 20


def _plain(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class AddReviewDialog(Retranslating, QDialog):
    """Choose a client (search), the kind, the session (class reviews), stars, the 0-10 answer
    (business reviews, when asked), aspects, comment."""

    recorded = Signal(str)  # the new review's id
    # Staff chose to open the review a client already gave for the chosen session (store id).
    open_review_requested = Signal(int)
    sessions_loaded = Signal()  # the chosen client's sessions are in the list

    # The aspects offered for each kind arrived (tests wait for it before ticking).
    aspects_loaded = Signal()

    def __init__(
        self,
        context: WindowContext,
        parent: QWidget | None = None,
        *,
        search_delay_ms: int = 250,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._tasks = context.tasks_for(self)
        self._tz = context.tz
        self._client: ClientMatch | None = None
        self._options_by_kind: dict[ReviewKind, list[AspectOption]] = {}
        self._recording = False
        self._sessions: list[SessionChoice] = []
        self._options: list[AspectOption] = []
        self._search_generation = 0
        self._matches: dict[int, ClientMatch] = {}

        self.search_field = QLineEdit()
        self.search_field.setClearButtonEnabled(True)
        self.search_field.textChanged.connect(lambda _t: self._debounce.start())
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(search_delay_ms)
        self._debounce.timeout.connect(self._search)
        self.client_model = QStandardItemModel(self)
        self.client_list = QListView()
        self.client_list.setModel(self.client_model)
        self.client_list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.client_list.setMaximumHeight(140)
        self.client_list.clicked.connect(self._client_clicked)
        self.client_list.activated.connect(self._client_clicked)
        self.chosen_label = _plain(QLabel())

        self.class_radio = QRadioButton()
        self.business_radio = QRadioButton()
        self.class_radio.setChecked(True)
        self.class_radio.toggled.connect(self._kind_changed)
        kinds = QHBoxLayout()
        kinds.addWidget(self.class_radio)
        kinds.addWidget(self.business_radio)
        kinds.addStretch(1)

        self.session_combo = QComboBox()
        self.session_combo.setMinimumContentsLength(40)
        self.session_combo.currentIndexChanged.connect(self._session_changed)
        self.already_label = _plain(QLabel())
        self.open_review_button = QPushButton()
        self.open_review_button.clicked.connect(self._open_earlier_review)
        already = QHBoxLayout()
        already.addWidget(self.already_label, 1)
        already.addWidget(self.open_review_button)
        self.already_row = self._row(already)
        self.already_row.hide()

        self.star_group = QButtonGroup(self)
        stars = QHBoxLayout()
        self.star_buttons: list[QRadioButton] = []
        for value in range(1, 6):
            button = QRadioButton(f"{value} ★")
            self.star_group.addButton(button, value)
            self.star_buttons.append(button)
            stars.addWidget(button)
        stars.addStretch(1)
        self.star_group.idToggled.connect(self._stars_changed)

        # The 0-10 question (business reviews, nps.enabled): "—" when the client did not answer.
        self.recommend_combo = QComboBox()
        self.recommend_combo.addItem("—", None)
        for score in range(11):
            self.recommend_combo.addItem(str(score), score)
        self._asks_recommend = context.settings.flag("nps.enabled")

        self.aspect_model = QStandardItemModel(self)
        self.aspect_list = QListView()
        self.aspect_list.setModel(self.aspect_model)
        self.aspect_list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.comment = QPlainTextEdit()
        self.comment.setTabChangesFocus(True)
        self.comment.textChanged.connect(self._comment_changed)
        self.comment_count = _plain(QLabel())
        self.problems_label = _plain(QLabel())
        self.problems_label.setStyleSheet("color: #B00020;")
        self.problems_label.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.record)
        self.buttons.rejected.connect(self.reject)

        self.form = QFormLayout()
        fields = [
            self.search_field,
            self.client_list,
            self.chosen_label,
            self._row(kinds),
            self.session_combo,
            self.already_row,
            self._row(stars),
            self.recommend_combo,
            self.aspect_list,
            self.comment,
            self.comment_count,
        ]
        self.form_labels = [QLabel() for _ in fields]
        for label, field in zip(self.form_labels, fields, strict=True):
            self.form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.buttons)
        self.resize(640, 720)
        self.retranslate()
        self._kind_changed()
        self._load_aspects()

    @staticmethod
    def _row(inner: QHBoxLayout) -> QWidget:
        holder = QWidget()
        inner.setContentsMargins(0, 0, 0, 0)
        holder.setLayout(inner)
        return holder

    # --- Translation --------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Add review"))
        self.search_field.setPlaceholderText(self.tr("Part of the name, or the member id"))
        labels = [
            self.tr("Find the client:"),
            self.tr("Matches:"),
            self.tr("Client:"),
            self.tr("Review of:"),
            self.tr("Session:"),
            "",
            self.tr("Stars:"),
            self.tr("Would recommend (0-10):"),
            self.tr("Aspects:"),
            self.tr("Comment:"),
            "",
        ]
        for label, text in zip(self.form_labels, labels, strict=True):
            label.setText(text)
        self.chosen_label.setText(
            self._client_text(self._client) if self._client else self.tr("No client chosen yet.")
        )
        self.class_radio.setText(self.tr("A class (one session)"))
        self.business_radio.setText(self.tr("The studio as a whole"))
        self.comment.setPlaceholderText(self.tr("What the client said (optional)"))
        self.open_review_button.setText(self.tr("Open that review"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if isinstance(ok, QPushButton):
            ok.setText(self.tr("Record review"))
        self._fill_sessions()
        self._fill_aspects()
        self._comment_changed()

    def _client_text(self, client: ClientMatch) -> str:
        return i18n.fill(self.tr("%1 (member %2)"), client.full_name, client.external_id)

    # --- Client -------------------------------------------------------------------------------

    def _search(self) -> None:
        text = self.search_field.text().strip()
        self._search_generation += 1
        generation = self._search_generation

        def done(matches: list[ClientMatch]) -> None:
            if generation == self._search_generation:
                self._show_matches(matches)

        self._tasks.query(
            self.tr("the clients"),
            lambda session: search_clients(session, text, limit=SEARCH_LIMIT),
            done,
        )

    def _show_matches(self, matches: list[ClientMatch]) -> None:
        self.client_model.clear()
        self._matches = {m.id: m for m in matches}
        for match in matches:
            item = QStandardItem(self._client_text(match))
            item.setData(match.id, ID_ROLE)
            self.client_model.appendRow(item)

    def _client_clicked(self, index: QModelIndex) -> None:
        client_id = index.data(ID_ROLE)
        if client_id in self._matches:
            self.choose_client(self._matches[client_id])

    def choose_client(self, client: ClientMatch) -> None:
        """The client's sessions arrive from a worker; until then there is none to choose."""
        self._client = client
        self._sessions = []
        self.retranslate()
        until = self._context.clock.now()

        def arrived(sessions: list[SessionChoice]) -> None:
            if self._client is client:
                self._sessions = sessions
                self.retranslate()
                self.sessions_loaded.emit()

        self._tasks.query(
            self.tr("the client's sessions"),
            lambda session: sessions_for(session, client.id, until=until),
            arrived,
        )

    @property
    def matches_shown(self) -> int:
        return self.client_model.rowCount()

    # --- Kind, session, stars, aspects --------------------------------------------------------

    @property
    def kind(self) -> ReviewKind:
        return ReviewKind.CLASS if self.class_radio.isChecked() else ReviewKind.BUSINESS

    def _kind_changed(self) -> None:
        self.session_combo.setEnabled(self.kind is ReviewKind.CLASS)
        self.form.setRowVisible(
            self.recommend_combo, self._asks_recommend and self.kind is ReviewKind.BUSINESS
        )
        self._session_changed()
        self._options = self._options_by_kind.get(self.kind, [])
        self._fill_aspects()

    def _load_aspects(self) -> None:
        """Both kinds' aspects at once (4 stars: both lists), read once per dialog."""

        def read(session: Session) -> dict[ReviewKind, list[AspectOption]]:
            return {kind: offered_options(session, kind, 4) for kind in ReviewKind}

        def arrived(options: dict[ReviewKind, list[AspectOption]]) -> None:
            self._options_by_kind = options
            self._kind_changed()
            self.aspects_loaded.emit()

        self._tasks.query(self.tr("the aspects"), read, arrived)

    def _fill_sessions(self) -> None:
        current = self.session_combo.currentData()
        self.session_combo.blockSignals(True)
        self.session_combo.clear()
        if self._client is not None and not self._sessions:
            self.session_combo.addItem(self.tr("No session booked for this client"), None)
        locale = i18n.locale()
        for choice in self._sessions:
            local = choice.starts_at.astimezone(self._tz)
            day = locale.dayName(local.isoweekday(), locale.FormatType.ShortFormat)
            text = i18n.fill(
                self.tr("%1 %2: %3 with %4"),
                day,
                format_instant(choice.starts_at, self._tz, locale),
                choice.class_name,
                choice.coach_name,
            )
            if not choice.present:
                text = i18n.fill(self.tr("%1 (absent)"), text)
            if choice.review is not None:
                text = i18n.fill(self.tr("%1 — already reviewed"), text)
            self.session_combo.addItem(text, choice.id)
        index = self.session_combo.findData(current)
        if index < 0:
            # The most recent attended session the client has not reviewed yet.
            index = next(
                (
                    i
                    for i, choice in enumerate(self._sessions)
                    if choice.present and choice.review_id is None
                ),
                0,
            )
        self.session_combo.setCurrentIndex(index)
        self.session_combo.blockSignals(False)
        self._session_changed()

    def _chosen_session(self) -> SessionChoice | None:
        chosen = self.session_combo.currentData()
        return next((c for c in self._sessions if c.id == chosen), None)

    def _earlier_review(self) -> SessionChoice | None:
        """The chosen session when the client already reviewed it (a class review)."""
        choice = self._chosen_session()
        if self.kind is not ReviewKind.CLASS or choice is None or choice.review_id is None:
            return None
        return choice

    def _session_changed(self, *_args: object) -> None:
        earlier = self._earlier_review()
        self.already_row.setVisible(earlier is not None)
        if earlier is not None and self._client is not None:
            self.already_label.setText(
                i18n.fill(
                    self.tr("%1 already reviewed this session (review %2)."),
                    self._client.full_name,
                    earlier.review or "",
                )
            )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(earlier is None and not self._recording)

    def _open_earlier_review(self) -> None:
        earlier = self._earlier_review()
        if earlier is not None and earlier.review_id is not None:
            self.open_review_requested.emit(earlier.review_id)

    def select_session(self, session_id: int) -> None:
        index = self.session_combo.findData(session_id)
        if index < 0:
            raise LookupError(f"session {session_id} is not among the client's sessions")
        self.session_combo.setCurrentIndex(index)

    @property
    def recommend(self) -> int | None:
        """The client's 0-10 answer, when the question is asked and they answered."""
        score = self.recommend_combo.currentData()
        return score if self._asks_recommend and isinstance(score, int) else None

    @property
    def stars(self) -> int:
        return max(self.star_group.checkedId(), 0)

    def _stars_changed(self, _id: int, checked: bool) -> None:
        if checked:
            self._fill_aspects()

    def _fill_aspects(self) -> None:
        ticked = set(self.ticked_aspect_ids())
        self.aspect_model.clear()
        if not self.stars:
            return
        offered = offered_polarities(self.stars)
        language = i18n.current_language()
        for option in sorted(self._options, key=lambda o: o.polarity is not Polarity.EXCEL):
            if option.polarity not in offered:
                continue
            template = (
                self.tr("Excels: %1")
                if option.polarity is Polarity.EXCEL
                else self.tr("To improve: %1")
            )
            item = QStandardItem(i18n.fill(template, option.label(language)))
            item.setCheckable(True)
            item.setCheckState(
                Qt.CheckState.Checked if option.id in ticked else Qt.CheckState.Unchecked
            )
            item.setData(option.id, ID_ROLE)
            self.aspect_model.appendRow(item)

    def ticked_aspect_ids(self) -> list[int]:
        ids = []
        for row in range(self.aspect_model.rowCount()):
            item = self.aspect_model.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                ids.append(int(item.data(ID_ROLE)))
        return ids

    def tick_aspect(self, label: str) -> None:
        """Tick the aspect whose line ends with *label* (as a manager would click it)."""
        for row in range(self.aspect_model.rowCount()):
            item = self.aspect_model.item(row)
            if item.text().endswith(label):
                item.setCheckState(Qt.CheckState.Checked)
                return
        raise LookupError(f"no aspect {label!r} is offered")

    def _comment_changed(self) -> None:
        text = self.comment.toPlainText()
        if len(text) > MAX_COMMENT_CHARS:
            self.comment.setPlainText(text[:MAX_COMMENT_CHARS])
            return
        self.comment_count.setText(
            i18n.fill(self.tr("%1 of %2 characters"), str(len(text)), str(MAX_COMMENT_CHARS))
        )

    # --- Recording ----------------------------------------------------------------------------

    def problems(self) -> list[str]:
        problems = []
        if self._client is None:
            problems.append(self.tr("Choose the client."))
        if self.kind is ReviewKind.CLASS and self.session_combo.currentData() is None:
            problems.append(self.tr("Choose the session the class review is about."))
        if not self.stars:
            problems.append(self.tr("Choose the stars, from 1 to 5."))
        return problems

    def record(self) -> None:
        if self._recording:
            return
        problems = self.problems()
        if problems:
            self._show_problems(problems)
            return
        assert self._client is not None
        entry = StaffReview(
            client_id=self._client.id,
            kind=self.kind,
            stars=self.stars,
            session_id=self.session_combo.currentData() if self.kind is ReviewKind.CLASS else None,
            aspect_ids=self.ticked_aspect_ids(),
            comment=self.comment.toPlainText().strip() or None,
            recommend=self.recommend if self.kind is ReviewKind.BUSINESS else None,
        )
        clock, actor = self._context.clock, audit.default_actor()

        def write(session: Session) -> str:
            review = record_staff_review(
                session, load_settings(session), entry, at=clock.now(), actor=actor
            )
            return review.external_id

        self._set_recording(True)
        self._tasks.write(self.tr("the review"), write, self._recorded, self._not_recorded)

    def _set_recording(self, recording: bool) -> None:
        self._recording = recording
        self._session_changed()
        if recording:
            self._show_problems([self.tr("Recording…")], error=False)

    def _recorded(self, review_id: str) -> None:
        self._set_recording(False)
        self.recorded.emit(review_id)
        self.accept()

    def _not_recorded(self, error: BaseException) -> None:
        self._set_recording(False)
        if isinstance(error, UserInputError):
            self._show_problems(i18n.said_lines(error))
        else:
            self._show_problems(
                [
                    self.tr("The review could not be recorded: {why}").format(
                        why=describe_error(error)
                    )
                ]
            )

    def _show_problems(self, problems: list[str], *, error: bool = True) -> None:
        self.problems_label.setStyleSheet("color: #B00020;" if error else "")
        self.problems_label.setText("\n".join(problems))
        self.problems_label.show()
