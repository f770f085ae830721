"""Email area fixtures: a real SMTP server on loopback, and a store configured to use it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

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
