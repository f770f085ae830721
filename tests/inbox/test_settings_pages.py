"""Settings → Email requests and Settings → Inbox, on a real store, the test keyring and the
throw-away Dovecot."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as NoKeyring

from feedback_desk.clock import ManualClock
from feedback_desk.services.settings import Settings, load_settings
from feedback_desk.store.database import Store
from tests.email.factory import configure
from tests.support.dovecot import DovecotServer, MailboxUser
from tests.support.settings_dialog import save, settings_dialog


def settings_of(store: Store) -> Settings:
    with store.read() as session:
        return load_settings(session)


def wait_preview(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not page.preview_pending, timeout=10_000)


def test_the_requests_page_previews_the_email_in_both_languages(
    qtbot, store: Store, clock: ManualClock
) -> None:  # type: ignore[no-untyped-def]
    configure(
        store,
        studio__name="Studio Zen",
        smtp__host="smtp.studio.example",
        smtp__sender="hello@studio.example",
    )
    with settings_dialog(qtbot, store, clock, "requests") as dialog:
        page = dialog.page("requests")
        wait_preview(qtbot, page)
        french = page.previews["fr"].toPlainText()
        english = page.previews["en"].toPlainText()
        assert french.startswith("Subject: Comment s'est passé votre cours Spin 45 avec Julie")
        assert english.startswith("Subject: How was Spin 45 with Julie today?")
        assert "mailto:hello@studio.example?subject=Review%20" in english
        assert "mailto:hello@studio.example?subject=Avis%20" in french

        # The answer address as typed shows in the links a moment later.
        page.reply_to.setText("answers@studio.example")
        wait_preview(qtbot, page)
        assert (
            "mailto:answers@studio.example?subject=Review%20" in page.previews["en"].toPlainText()
        )
        page.preview_kind.setCurrentIndex(page.preview_kind.findData("business"))
        wait_preview(qtbot, page)
        assert "Studio Zen" in page.previews["en"].toPlainText().splitlines()[0]

        page.enabled.setChecked(True)
        page.delay.setValue(3)
        page.latest.setValue(19)
        page.every.setValue(14)
        page.consent.setChecked(True)
        assert set(save(qtbot, dialog) or []) == {
            "requests.email_enabled",
            "requests.delay_hours",
            "requests.latest_hour",
            "requests.email_every_days",
            "requests.require_consent",
            "requests.reply_to",
        }
    saved = settings_of(store)
    assert saved.flag("requests.email_enabled")
    assert saved.integer("requests.delay_hours") == 3
    assert saved.integer("requests.latest_hour") == 19
    assert saved.integer("requests.email_every_days") == 14
    assert saved.flag("requests.require_consent")
    assert saved.text("requests.reply_to") == "answers@studio.example"


def test_without_an_answer_address_the_preview_says_why(
    qtbot, store: Store, clock: ManualClock
) -> None:  # type: ignore[no-untyped-def]
    with settings_dialog(qtbot, store, clock, "requests") as dialog:
        page = dialog.page("requests")
        wait_preview(qtbot, page)
        assert page.previews["en"].toPlainText() == ""
        assert page.preview_problem.text().startswith(
            "No preview: review requests need an address to answer to"
        )
        page.reply_to.setText("not an address")
        assert save(qtbot, dialog) is None
        assert "requests.reply_to" in page.problems_label.text()
    assert settings_of(store).text("requests.reply_to") == ""


def fill_mailbox(page, dovecot: DovecotServer, mailbox: MailboxUser, password: str) -> None:  # type: ignore[no-untyped-def]
    page.host.setText("127.0.0.1")
    page.port.setValue(dovecot.port)
    page.security.setCurrentIndex(page.security.findData("none"))
    page.username.setText(mailbox.username)
    page.password.setText(password)


def test_the_inbox_page_tests_the_connection_with_the_servers_words(
    qtbot, store: Store, clock: ManualClock, dovecot: DovecotServer, mailbox: MailboxUser
) -> None:  # type: ignore[no-untyped-def]
    with settings_dialog(qtbot, store, clock, "inbox") as dialog:
        page = dialog.page("inbox")
        results: list[tuple[bool, str]] = []
        page.test_finished.connect(lambda ok, message: results.append((ok, message)))
        page.test_button.click()
        qtbot.waitUntil(lambda: len(results) == 1, timeout=10_000)
        assert results[0] == (
            False,
            "no mailbox server is set (Settings → Inbox, or "
            "`feedback-desk config imap.host imap.example.com`); no mailbox login is set "
            "(`feedback-desk config imap.username studio@example.com`)",
        )

        fill_mailbox(page, dovecot, mailbox, "wrong-password")
        page.test_button.click()
        qtbot.waitUntil(lambda: len(results) == 2, timeout=10_000)
        ok, message = results[1]
        assert not ok
        assert message.startswith(
            f"the mailbox server 127.0.0.1:{dovecot.port} refused the login of {mailbox.username}: "
        )
        assert "[AUTHENTICATIONFAILED] Authentication failed." in message
        assert page.test_result.text() == message

        page.password.setText(mailbox.password)
        page.folder.setText("Answers")
        page.test_button.click()
        qtbot.waitUntil(lambda: len(results) == 3, timeout=10_000)
        assert not results[2][0]
        assert "refused to open the folder 'Answers'" in results[2][1]

        page.folder.setText("INBOX")
        page.test_button.click()
        qtbot.waitUntil(lambda: len(results) == 4, timeout=10_000)
        assert results[3] == (
            True,
            f"the mailbox server 127.0.0.1:{dovecot.port} accepted the login of "
            f"{mailbox.username} and opened the folder 'INBOX'",
        )
    assert settings_of(store).text("imap.host") == "", "testing saves nothing"


def test_the_inbox_page_saves_the_mailbox_and_puts_the_password_in_the_keyring(
    qtbot,
    store: Store,
    clock: ManualClock,
    dovecot: DovecotServer,
    mailbox: MailboxUser,
    keyring_file: Path,
    store_path: Path,
) -> None:  # type: ignore[no-untyped-def]
    with settings_dialog(qtbot, store, clock, "inbox") as dialog:
        page = dialog.page("inbox")
        assert page.password.placeholderText() == "(none)"
        fill_mailbox(page, dovecot, mailbox, mailbox.password)
        page.processed_folder.setText("Réponses")
        page.interval.setValue(300)
        assert set(save(qtbot, dialog) or []) >= {"imap.host", "imap.port", "imap.security"}
    saved = settings_of(store)
    assert (saved.text("imap.host"), saved.integer("imap.port")) == ("127.0.0.1", dovecot.port)
    assert saved.text("imap.security") == "none"
    assert saved.text("imap.processed_folder") == "Réponses"
    assert saved.integer("inbox.interval_seconds") == 300
    assert mailbox.password in json.loads(keyring_file.read_text()).values()
    assert mailbox.password.encode() not in store_path.read_bytes()
    with settings_dialog(qtbot, store, clock, "inbox") as dialog:
        page = dialog.page("inbox")
        qtbot.waitUntil(lambda: page.password.placeholderText() == "(kept in the system keyring)")
        assert page.password.text() == ""
        # The saved password serves the test when none is typed.
        results: list[tuple[bool, str]] = []
        page.test_finished.connect(lambda ok, message: results.append((ok, message)))
        page.test_button.click()
        qtbot.waitUntil(lambda: len(results) == 1, timeout=10_000)
        assert results[0][0], results[0][1]


@pytest.fixture
def no_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    yield
    keyring.set_keyring(previous)


def test_without_a_keyring_the_mailbox_password_is_refused_and_nothing_saved(
    qtbot, store: Store, clock: ManualClock, no_keyring: None, store_path: Path
) -> None:  # type: ignore[no-untyped-def]
    with settings_dialog(qtbot, store, clock, "inbox") as dialog:
        page = dialog.page("inbox")
        page.host.setText("imap.studio.example")
        page.password.setText("hunter2")
        assert save(qtbot, dialog) is None
        assert list(page.problems()) == ["imap.password"]
        assert "no usable system keyring" in page.problems_label.text()
    assert b"hunter2" not in store_path.read_bytes()
    assert settings_of(store).text("imap.host") == ""
