"""The Email, Templates and Google invitations pages of the Settings dialog, against a real
store, the test keyring and the loopback SMTP server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as NoKeyring

from feedback_desk.clock import ManualClock
from feedback_desk.services.settings import load_settings
from feedback_desk.services.templates.catalogue import TemplateName, get_template
from feedback_desk.store.database import Store
from tests.email.factory import configure
from tests.support.settings_dialog import save, settings_dialog
from tests.support.smtp_server import SmtpServer


def settings_of(store: Store):  # type: ignore[no-untyped-def]
    with store.read() as session:
        return load_settings(session)


def test_the_email_page_saves_the_server_and_puts_the_password_in_the_keyring(
    qtbot, store: Store, clock: ManualClock, keyring_file: Path, store_path: Path
) -> None:
    with settings_dialog(qtbot, store, clock, "email") as dialog:
        page = dialog.page("email")
        assert page.warning.text().startswith("No manager address")
        assert page.password.placeholderText() == "(none)"
        page.host.setText("smtp.studio.example")
        page.port.setValue(465)
        page.security.setCurrentIndex(page.security.findData("ssl"))
        page.username.setText("desk")
        page.password.setText("s3cret-pass")
        page.sender.setText("hello@studio.example")
        page.managers.setText("boss@studio.example")
        assert page.warning.text() == ""
        assert set(save(qtbot, dialog) or []) >= {"smtp.host", "smtp.port", "smtp.security"}
    saved = settings_of(store)
    assert saved.text("smtp.host") == "smtp.studio.example"
    assert saved.integer("smtp.port") == 465
    assert saved.text("smtp.security") == "ssl"
    assert "s3cret-pass" in json.loads(keyring_file.read_text()).values()
    assert b"s3cret-pass" not in store_path.read_bytes()
    with settings_dialog(qtbot, store, clock, "email") as dialog:
        page = dialog.page("email")
        qtbot.waitUntil(lambda: page.password.placeholderText() == "(kept in the system keyring)")
        assert page.password.text() == ""


def test_a_bad_address_saves_nothing_and_says_why(qtbot, store: Store, clock: ManualClock) -> None:
    with settings_dialog(qtbot, store, clock, "email") as dialog:
        page = dialog.page("email")
        dialog.page("general").editor("studio.name").setText("Studio Zen")
        page.host.setText("smtp.studio.example")
        page.managers.setText("boss@studio.example, not-an-address")
        assert save(qtbot, dialog) is None
        message = "“not-an-address” is not an email address."
        assert page.problems() == {"studio.manager_emails": message}
        beside = page.field_error("studio.manager_emails")
        assert beside.text() == message
        assert beside.isVisibleTo(page)
        assert dialog.stack.currentWidget().widget() is page, "the page with the problem shows"
        assert "nothing was saved" in dialog.message.text()
    assert settings_of(store).text("smtp.host") == ""
    assert settings_of(store).text("studio.name") != "Studio Zen", "nor any other page's value"


def test_cancel_discards_every_page(qtbot, store: Store, clock: ManualClock) -> None:
    with settings_dialog(qtbot, store, clock, "email") as dialog:
        dialog.page("email").host.setText("smtp.studio.example")
        dialog.page("invitations").link.setText("https://g.page/r/zen/review")
        dialog.page("templates").body.setPlainText("Hello {first_name}")
        dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
        assert not dialog.isVisible()
    saved = settings_of(store)
    assert saved.text("smtp.host") == ""
    assert saved.text("google.review_link") == ""
    with store.read() as session:
        assert not get_template(session, TemplateName.INVITATION, "fr").customized


@pytest.fixture
def no_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    yield
    keyring.set_keyring(previous)


def test_without_a_keyring_the_password_is_refused_clearly(
    qtbot, store: Store, clock: ManualClock, no_keyring: None, store_path: Path
) -> None:
    with settings_dialog(qtbot, store, clock, "email") as dialog:
        page = dialog.page("email")
        page.host.setText("smtp.studio.example")
        page.password.setText("hunter2")
        assert save(qtbot, dialog) is None
        assert list(page.problems()) == ["smtp.password"]
        beside = page.field_error("smtp.password")
        assert beside.text().startswith("No system keyring can keep this password: ")
        assert "no usable system keyring" in beside.text()
    assert b"hunter2" not in store_path.read_bytes()
    assert settings_of(store).text("smtp.host") == "", "nothing saved without the password"


def test_send_test_email_reports_success_and_the_servers_exact_refusal(
    qtbot, store: Store, clock: ManualClock, smtp_server: SmtpServer
) -> None:
    configure(
        store,
        smtp__host=smtp_server.host,
        smtp__port=str(smtp_server.port),
        smtp__security="none",
        smtp__sender="hello@studio.example",
        studio__manager_emails="boss@studio.example",
    )
    with settings_dialog(qtbot, store, clock, "email") as dialog:
        page = dialog.page("email")
        assert page.test_address.text() == "boss@studio.example"
        results: list[tuple[bool, str]] = []
        page.test_finished.connect(lambda ok, message: results.append((ok, message)))
        page.test_button.click()
        qtbot.waitUntil(lambda: len(results) == 1, timeout=10_000)
        assert results[0] == (True, "test email sent to boss@studio.example")
        [received] = smtp_server.handler.received
        assert received.subject == "Test de Feedback Desk"

        smtp_server.handler.script("Test de Feedback Desk", "550 5.7.1 Relaying denied for you")
        page.test_button.click()
        qtbot.waitUntil(lambda: len(results) == 2, timeout=10_000)
        assert results[1][0] is False
        assert "550 5.7.1 Relaying denied for you" in results[1][1]
        assert "550 5.7.1 Relaying denied for you" in page.test_result.text()


def test_send_test_email_with_unsaved_fields_and_a_typed_password(
    qtbot, store: Store, clock: ManualClock
) -> None:
    server = SmtpServer(login=("desk", "typed-secret")).start()
    try:
        with settings_dialog(qtbot, store, clock, "email") as dialog:
            page = dialog.page("email")
            page.host.setText(server.host)
            page.port.setValue(server.port)
            page.security.setCurrentIndex(page.security.findData("none"))
            page.username.setText("desk")
            page.password.setText("wrong")
            page.sender.setText("hello@studio.example")
            page.test_address.setText("me@studio.example")
            results: list[tuple[bool, str]] = []
            page.test_finished.connect(lambda ok, message: results.append((ok, message)))
            page.test_button.click()
            qtbot.waitUntil(lambda: len(results) == 1, timeout=10_000)
            assert results[0][0] is False
            assert "refused the login of desk: 535" in results[0][1]
            page.password.setText("typed-secret")
            page.test_button.click()
            qtbot.waitUntil(lambda: len(results) == 2, timeout=10_000)
            assert results[1] == (True, "test email sent to me@studio.example")
        assert settings_of(store).text("smtp.host") == "", "testing saves nothing"
    finally:
        server.stop()


def test_the_templates_page_previews_live_and_explains_an_unknown_placeholder(
    qtbot, store: Store, clock: ManualClock
) -> None:
    configure(store, studio__name="Studio Zen")
    with settings_dialog(qtbot, store, clock, "templates") as dialog:
        page = dialog.page("templates")
        page.select(TemplateName.INVITATION, "en")
        assert page.subject.text() == "{first_name}, would you tell Google about {studio}?"
        assert page.preview_text.toPlainText().startswith(
            "Audrey, would you tell Google about Studio Zen?"
        )
        assert "share your experience on Google" in page.preview_html.toPlainText()
        assert "added under it" in page.notice.text()

        page.body.setPlainText("Hello {prenom}")
        assert "unknown placeholder {prenom}" in page.error.text()
        assert save(qtbot, dialog) is None, "a template that cannot be filled is refused"
        assert "Google invitation (en): body: unknown placeholder {prenom}" in page.error.text()
        page.body.setPlainText("Hello {first_name} <b>friend</b>")
        assert page.error.text() == ""
        assert "<b>friend</b>" in page.preview_html.toPlainText(), "shown as typed, not as markup"
        # Another template's edit is kept while staff look elsewhere, and saved with it.
        page.select(TemplateName.OUTREACH, "fr")
        page.subject.setText("On s'ennuie de vous, {first_name}")
        page.select(TemplateName.INVITATION, "en")
        assert page.body.toPlainText() == "Hello {first_name} <b>friend</b>"
        assert page.pending_label.text().startswith("2 templates changed")
        save(qtbot, dialog)
    with store.read() as session:
        saved = get_template(session, TemplateName.INVITATION, "en")
        outreach = get_template(session, TemplateName.OUTREACH, "fr")
    assert saved.customized
    assert saved.body == "Hello {first_name} <b>friend</b>"
    assert outreach.subject == "On s'ennuie de vous, {first_name}"

    with settings_dialog(qtbot, store, clock, "templates") as dialog:
        page = dialog.page("templates")
        page.select(TemplateName.INVITATION, "en")
        assert page.reset_button.isEnabled()
        page.reset_button.click()
        assert "share your experience on Google" in page.body.toPlainText()
        save(qtbot, dialog)
    with store.read() as session:
        assert not get_template(session, TemplateName.INVITATION, "en").customized


def test_the_invitations_page_shows_googles_policy_beside_the_mode(
    qtbot, store: Store, clock: ManualClock
) -> None:
    with settings_dialog(qtbot, store, clock, "invitations") as dialog:
        page = dialog.page("invitations")
        assert "review gating" in page.policy.text()
        assert page.mode.currentData() == "five_star_pair"
        assert page.off.text().startswith("No review link")
        page.link.setText("https://g.page/r/zen/review")
        page.mode.setCurrentIndex(page.mode.findData("after_sessions"))
        page.sessions.setValue(8)
        assert sorted(save(qtbot, dialog) or []) == [
            "google.invitation_mode",
            "google.invitation_sessions",
            "google.review_link",
        ]
    saved = settings_of(store)
    assert saved.text("google.invitation_mode") == "after_sessions"
    assert saved.integer("google.invitation_sessions") == 8
    assert saved.text("google.review_link") == "https://g.page/r/zen/review"
