"""A copy of the studio's store says so across the top of the window and sends no email until
staff confirm it is the live store (a backup restored, a store moved)."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from feedback_desk.services.liveness import live_store_id, liveness
from feedback_desk.services.studio import open_studio
from tests.email.factory import configure, smtp_settings
from tests.support.smtp_server import SmtpServer


def _copy_of_live_store(tmp_path: Path, demo_path: Path, server: SmtpServer) -> Path:
    live = open_studio(demo_path)
    configure(live, **smtp_settings(server))
    live_store_id(live)  # as when the studio keeps its SMTP password: the live store, here
    live.close()
    copy = tmp_path / "backup-copy.sqlite"
    shutil.copyfile(demo_path, copy)
    return copy


def test_a_copy_says_so_sends_nothing_and_becomes_live_when_staff_confirm(
    qtbot, open_window, demo_path: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    server = SmtpServer().start()
    try:
        copy = _copy_of_live_store(tmp_path, demo_path, server)
        window = open_window(copy)
        feature = next(f for f in window.features if type(f).__name__ == "LiveStoreFeature")
        outbox = next(f for f in window.features if type(f).__name__ == "OutboxFeature")
        qtbot.waitUntil(lambda: window.context.live is not None, timeout=10_000)
        assert window.context.live is False
        assert feature.banner.isVisible()
        assert str(demo_path.resolve()) in feature.message.text()
        assert "sends no email" in feature.message.text()
        assert not outbox.sending  # SMTP is set up, but this is a copy

        question = feature.ask_make_live()
        assert question.defaultButton() is question.button(QMessageBox.StandardButton.No)
        question.button(QMessageBox.StandardButton.Yes).click()
        qtbot.waitUntil(lambda: window.context.live is True, timeout=10_000)
        assert not feature.banner.isVisible()
        assert outbox.sending
        assert liveness(window.context.store).live
    finally:
        server.stop()
    # The former place is the copy now.
    original = open_studio(demo_path)
    try:
        assert liveness(original).live is False
    finally:
        original.close()


def test_the_live_store_shows_no_banner(qtbot, open_window, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    feature = next(f for f in window.features if type(f).__name__ == "LiveStoreFeature")
    qtbot.waitUntil(lambda: window.context.live is not None, timeout=10_000)
    assert window.context.live is True
    assert not feature.banner.isVisible()
