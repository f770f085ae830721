"""Settings → Aspects: a manager approves, renames, hides and merges aspects."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from feedback_desk.clock import ManualClock
from feedback_desk.domain.kinds import Polarity, ReviewKind
from feedback_desk.services import aspects as catalogue
from feedback_desk.store.database import Store
from feedback_desk.store.models import Aspect, Review, ReviewAspect
from feedback_desk.ui import i18n
from feedback_desk.ui.settings.aspects_model import STATUS, VOTES
from feedback_desk.ui.settings.aspects_page import AspectsPage
from tests.kiosk.conftest import tap, type_text
from tests.support.settings_dialog import settings_dialog
from tests.support.studio_builder import StudioBuilder

NOW = datetime.fromisoformat("2026-05-16T14:00:00+00:00")


@pytest.fixture
def ids(store: Store, studio: StudioBuilder) -> dict[str, int]:
    """A client-added aspect awaiting approval; Music with 2 votes, Motivation with 1."""
    julie = studio.coach("E1", "Julie", "Tremblay")
    client = studio.client("C1", "Audrey", "Bélanger")
    with store.write() as session:
        pending = catalogue.add_client_aspect(
            session,
            kind=ReviewKind.CLASS,
            polarity=Polarity.EXCEL,
            label="Playlist géniale",
            at=NOW,
            auto_approve=False,
        ).id
        by_label = {a.label_en: a.id for a in session.scalars(select(Aspect))}
    reviews = [
        studio.review(
            client,
            f"2026-05-1{n}T20:00",
            session_id=studio.session(f"S{n}", "Spin", julie, f"2026-05-1{n}T18:00"),
        )
        for n in range(2)
    ]
    with store.write() as session:
        for n, external in enumerate(reviews):
            review_id = session.scalars(
                select(Review.id).where(Review.external_id == external)
            ).one()
            session.add(ReviewAspect(review_id=review_id, aspect_id=by_label["Music"]))
            if n == 0:
                session.add(ReviewAspect(review_id=review_id, aspect_id=by_label["Motivation"]))
    return {"pending": pending, "music": by_label["Music"], "motivation": by_label["Motivation"]}


@pytest.fixture
def page(
    qtbot: QtBot, store: Store, sunday: ManualClock, ids: dict[str, int]
) -> Iterator[AspectsPage]:
    """Settings → Aspects, as the window opens it."""
    with settings_dialog(qtbot, store, sunday, "aspects") as dialog:
        shown = dialog.page("aspects")
        assert isinstance(shown, AspectsPage)
        qtbot.waitUntil(lambda: shown.loaded_once)
        yield shown


def status_of(page: AspectsPage, aspect_id: int) -> str:
    for row in range(page.model.rowCount()):
        if page.model.row_at(row).id == aspect_id:
            return str(page.model.index(row, STATUS).data())
    raise LookupError(aspect_id)


def wait_for_reload(qtbot: QtBot, page: AspectsPage) -> None:
    qtbot.waitUntil(lambda: not page.tasks.busy)


def test_the_page_lists_every_aspect_with_votes_and_status(
    page: AspectsPage, ids: dict[str, int]
) -> None:
    assert page.proxy.rowCount() == 41
    assert page.votes_of(ids["music"]) == 2
    assert status_of(page, ids["pending"]) == "Awaiting approval"
    assert status_of(page, ids["music"]) == "Offered"
    page.kind_filter.setCurrentIndex(2)  # studio reviews only
    assert page.proxy.rowCount() == 20
    votes = [page.model.index(r, VOTES).data() for r in range(page.model.rowCount())]
    assert all(isinstance(v, int) for v in votes)


def test_approve_a_client_aspect(
    qtbot: QtBot, page: AspectsPage, ids: dict[str, int], store: Store
) -> None:
    page.select_aspect(ids["music"])
    assert not page.approve_button.isEnabled()  # already offered
    page.select_aspect(ids["pending"])
    tap(qtbot, page.approve_button)
    qtbot.waitUntil(lambda: status_of(page, ids["pending"]) == "Offered")
    assert page.status.text() == "“Playlist géniale” is now offered to clients."
    with store.read() as session:
        assert ids["pending"] in {a.id for a in catalogue.offered(session, ReviewKind.CLASS, 5)}


def test_rename_in_both_languages(
    qtbot: QtBot, page: AspectsPage, ids: dict[str, int], store: Store
) -> None:
    page.select_aspect(ids["pending"])
    tap(qtbot, page.rename_button)
    dialog = page.rename_dialog
    assert dialog is not None
    assert (dialog.french.text(), dialog.english.text()) == ("Playlist géniale", "Playlist géniale")
    dialog.english.clear()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # both labels are required
    type_text(qtbot, dialog.english, "Great playlist")
    tap(qtbot, ok)
    qtbot.waitUntil(
        lambda: page.status.text() == "Renamed to “Playlist géniale” / “Great playlist”."
    )
    wait_for_reload(qtbot, page)
    with store.read() as session:
        renamed = session.get_one(Aspect, ids["pending"])
        assert (renamed.label_en, renamed.key_en) == ("Great playlist", "great playlist")


def test_a_refused_rename_says_why(qtbot: QtBot, page: AspectsPage, ids: dict[str, int]) -> None:
    page.select_aspect(ids["pending"])
    tap(qtbot, page.rename_button)
    dialog = page.rename_dialog
    assert dialog is not None
    dialog.french.setText("Musique")
    tap(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
    qtbot.waitUntil(lambda: page.status.text() != "")
    assert (
        page.status.text() == "Another aspect is already called “Musique” / “Music”: merge the two."
    )


def test_hide_and_show_again(qtbot: QtBot, page: AspectsPage, ids: dict[str, int]) -> None:
    page.select_aspect(ids["music"])
    assert page.hide_button.text() == "Hide"
    tap(qtbot, page.hide_button)
    qtbot.waitUntil(lambda: status_of(page, ids["music"]) == "Hidden")
    wait_for_reload(qtbot, page)
    assert page.hide_button.text() == "Show again"
    tap(qtbot, page.hide_button)
    qtbot.waitUntil(lambda: status_of(page, ids["music"]) == "Offered")


def test_merge_moves_the_votes_to_the_survivor(
    qtbot: QtBot, page: AspectsPage, ids: dict[str, int]
) -> None:
    page.select_aspect(ids["music"])
    tap(qtbot, page.merge_button)
    dialog = page.merge_dialog
    assert dialog is not None
    targets = [dialog.target.itemData(i) for i in range(dialog.target.count())]
    assert ids["music"] not in targets
    assert len(targets) == 20  # the other class aspects, the pending one included
    dialog.choose(ids["motivation"])
    tap(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
    qtbot.waitUntil(lambda: page.status.text() == "Merged. Votes moved: 1.")
    wait_for_reload(qtbot, page)
    assert page.votes_of(ids["motivation"]) == 2
    assert page.votes_of(ids["music"]) == 0
    assert page.proxy.rowCount() == 40  # merged aspects are out of the list...
    page.merged_box.setChecked(True)
    assert page.proxy.rowCount() == 41  # ...unless asked for
    assert status_of(page, ids["music"]) == "Merged into Motivation"
    page.select_aspect(ids["music"])
    assert not page.merge_button.isEnabled()


def test_a_rename_the_catalogue_refuses_is_explained_in_french(
    qtbot: QtBot, page: AspectsPage, ids: dict[str, int], store: Store
) -> None:
    """Another workstation merged the aspect while the manager was renaming it: the catalogue
    (a service) refuses, and a French window says why in French."""
    i18n.install_language("fr")
    qtbot.waitUntil(lambda: page.approve_button.text() == "Approuver")
    page.select_aspect(ids["music"])
    tap(qtbot, page.rename_button)
    dialog = page.rename_dialog
    assert dialog is not None
    with store.write() as session:
        catalogue.merge(session, ids["music"], ids["motivation"], at=NOW, actor="front desk")
    dialog.french.setText("Musique entraînante")
    tap(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
    qtbot.waitUntil(lambda: page.status.text() != "")
    assert page.status.text() == (
        "l’aspect 'Music' a été fusionné avec un autre ; modifiez plutôt celui-là"
    )


def test_the_page_speaks_french(qtbot: QtBot, page: AspectsPage, ids: dict[str, int]) -> None:
    i18n.install_language("fr")
    qtbot.waitUntil(lambda: page.approve_button.text() == "Approuver")
    assert status_of(page, ids["pending"]) == "En attente d’approbation"


def test_the_table_reads_in_full_at_the_dialogs_size_with_aspects_to_approve_first(
    qtbot: QtBot, page: AspectsPage, ids: dict[str, int]
) -> None:
    table = page.table
    qtbot.waitUntil(lambda: table.isVisible() and table.viewport().width() > 300)
    assert page.model.row_at(0).id == ids["pending"], "awaiting approval comes first"
    assert status_of(page, ids["pending"]) == "Awaiting approval"
    metrics = table.fontMetrics()
    header = table.horizontalHeader()
    assert header.length() <= table.viewport().width(), "no column beyond the right edge"
    for column in range(page.proxy.columnCount()):
        title = str(page.proxy.headerData(column, Qt.Orientation.Horizontal))
        assert metrics.horizontalAdvance(title) <= table.columnWidth(column), title
    clipped = []
    for row in range(page.proxy.rowCount()):
        for column in range(page.proxy.columnCount()):
            text = str(page.proxy.index(row, column).data())
            room = table.columnWidth(column) - 6  # the cell's own margins
            needed = metrics.boundingRect(QRect(0, 0, room, 10_000), Qt.TextFlag.TextWordWrap, text)
            if needed.width() > room or needed.height() > table.rowHeight(row):
                clipped.append(text)
    assert clipped == []
