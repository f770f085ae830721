"""What the window will call: the request email preview, a cancellable fetch with progress, the
mailbox password kept in the keyring only."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from feedback_desk.domain.kinds import ReviewKind
from feedback_desk.services.inbox.fetch import fetch_inbox
from feedback_desk.services.inbox.imap import ImapClientTransport
from feedback_desk.services.inbox.listing import count_unhandled
from feedback_desk.services.progress import Cancelled
from feedback_desk.services.requests.content import preview_request_email
from feedback_desk.services.settings import load_settings
from feedback_desk.store.models import ProcessedMail
from tests.inbox.conftest import Studio, reply_to
from tests.inbox.test_fetch_answers import AUDREY, request_sent


def test_the_preview_shows_the_studios_template_in_each_language(studio: Studio) -> None:
    with studio.store.read() as session:
        settings = load_settings(session)
        french = preview_request_email(session, settings, "fr", at=studio.at("2026-05-15T20:00"))
        business = preview_request_email(
            session, settings, "en", kind=ReviewKind.BUSINESS, at=studio.at("2026-05-15T20:00")
        )
    assert french.subject == "Comment s'est passé votre cours Spin 45 avec Julie aujourd'hui ?"
    assert "Avis 7Kq2x9LmPq0sVbN3cTw4Zy 5" in french.text.replace("%20", " ")
    assert business.subject == "How would you rate your experience with Studio Zen?"
    assert business.list_unsubscribe is not None


class CancelAfter:
    """A Progress that records what it is told and cancels once *limit* reports came."""

    def __init__(self, limit: int) -> None:
        self.reports: list[tuple[int, int | None, str]] = []
        self.limit = limit

    def report(self, done: int, total: int | None, message: str) -> None:
        self.reports.append((done, total, message))

    @property
    def cancelled(self) -> bool:
        return len(self.reports) >= self.limit


def test_a_fetch_reports_progress_and_stops_when_cancelled(studio: Studio) -> None:
    email = request_sent(studio)
    studio.deliver(reply_to(email, "5", sender=AUDREY, date=studio.at("2026-05-15T21:10")))
    with pytest.raises(Cancelled):
        fetch_inbox(
            studio.store,
            transport=ImapClientTransport(),
            clock=studio.clock,
            progress=CancelAfter(limit=2),
        )
    with studio.store.read() as session:
        assert session.scalars(select(ProcessedMail)).all() == []
    progress = CancelAfter(limit=100)
    summary = fetch_inbox(
        studio.store, transport=ImapClientTransport(), clock=studio.clock, progress=progress
    )
    assert summary.reviews == 1
    assert progress.reports[0] == (0, None, "connecting to the mailbox")
    assert progress.reports[-1] == (1, 1, "done")


def test_the_mailbox_password_goes_to_the_keyring_and_is_never_printed(  # type: ignore[no-untyped-def]
    cli, keyring_file: Path
) -> None:
    result = cli("config", "imap.password", "app-pass-1234")
    assert result.out == "imap.password = (set, in the system keyring)\n"
    assert "app-pass-1234" in keyring_file.read_text()
    assert "app-pass-1234" not in cli("config").out


def test_inbound_counts_for_the_window(studio: Studio) -> None:
    email = request_sent(studio)
    studio.deliver(reply_to(email, "Parking?", sender=AUDREY, date=studio.at("2026-05-15T21:00")))
    studio.fetch("2026-05-16T08:00")
    with studio.store.read() as session:
        assert count_unhandled(session) == 1
