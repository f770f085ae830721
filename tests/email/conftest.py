"""Email area fixtures: a real SMTP server on loopback, a store configured to use it, and the
main window on a store."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from feedback_desk.clock import ManualClock
from feedback_desk.store.database import Store
from tests.email.factory import configure, smtp_settings
from tests.support.smtp_server import SmtpServer


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    server = SmtpServer().start()
    yield server
    server.stop()


@pytest.fixture
def mail_store(store: Store, smtp_server: SmtpServer) -> Store:
    """The test store, sending through the loopback server, with a manager to alert."""
    configure(store, **smtp_settings(smtp_server), studio__manager_emails="boss@studio.example")
    return store


@pytest.fixture
def open_window(qtbot, clock: ManualClock) -> Iterator:  # type: ignore[no-untyped-def, type-arg]
    """Opens the main window on a store, as staff do, once its settings and tabs are loaded."""
    from feedback_desk.ui.main_window import MainWindow

    opened: list[MainWindow] = []

    def open_on(store: Store) -> MainWindow:
        window = MainWindow(store, clock, remember_state=False)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(
            lambda: (
                window.context.settings_loaded and window.first_screen_done and window.is_idle()
            ),
            timeout=20_000,
        )
        opened.append(window)
        return window

    yield open_on
    for window in opened:
        window.close()
