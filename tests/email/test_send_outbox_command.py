"""`feedback-desk send-outbox`: summary, exit codes, warnings; login, TLS and the keyring."""

from __future__ import annotations

import json
import ssl
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import trustme
from sqlalchemy import select

from feedback_desk.clock import ManualClock
from feedback_desk.domain.kinds import Channel, OutboxState
from feedback_desk.services.email.config import smtp_config
from feedback_desk.services.email.smtp import ConnectFailure, SmtplibTransport
from feedback_desk.services.outbox.pacing import Pacing
from feedback_desk.services.outbox.sender import send_due
from feedback_desk.services.secrets import store_identity
from feedback_desk.services.settings import load_settings
from feedback_desk.store.database import Store
from feedback_desk.store.models import OutboxMessage
from tests.conftest import PYTHON, subprocess_env
from tests.email.factory import add_client, add_review, configure, smtp_settings
from tests.support.smtp_server import SmtpServer, free_port


def an_alert(store: Store, clock: ManualClock, client_id: str = "C1") -> None:
    with store.write() as session:
        client = add_client(session, client_id)
        add_review(session, client, 3, clock.now(), channel=Channel.STAFF)


def outbox_states(store: Store) -> list[OutboxState]:
    with store.read() as session:
        return list(session.scalars(select(OutboxMessage.state)))


def test_send_outbox_sends_and_prints_a_summary(cli, mail_store, smtp_server, clock) -> None:  # type: ignore[no-untyped-def]
    an_alert(mail_store, clock)
    result = cli("send-outbox")
    assert result.code == 0, result.err
    assert "sent: 1" in result.out
    assert "outbox: 0 queued, 0 failed, 0 uncertain" in result.out
    assert len(smtp_server.handler.received) == 1


def test_send_outbox_exits_1_when_no_server_answers_and_keeps_the_message(  # type: ignore[no-untyped-def]
    cli, store, clock
) -> None:
    configure(
        store,
        **smtp_settings(SmtpServer(port=free_port())),
        studio__manager_emails="boss@studio.example",
    )
    an_alert(store, clock)
    result = cli("send-outbox")
    assert result.code == 1
    assert "cannot reach the mail server 127.0.0.1:" in result.err
    assert "Traceback" not in result.err
    assert outbox_states(store) == [OutboxState.QUEUED]


def test_send_outbox_says_what_is_missing_when_smtp_is_not_set(cli, store, clock) -> None:  # type: ignore[no-untyped-def]
    configure(store, studio__manager_emails="boss@studio.example")
    an_alert(store, clock)
    result = cli("send-outbox")
    assert result.code == 1
    assert "no outgoing mail server is set" in result.err
    assert "no sender address is set" in result.err
    assert outbox_states(store) == [OutboxState.QUEUED]


def test_send_outbox_warns_when_no_manager_address_is_set(cli, store, smtp_server, clock) -> None:  # type: ignore[no-untyped-def]
    configure(store, **smtp_settings(smtp_server))
    an_alert(store, clock)
    result = cli("send-outbox")
    assert result.code == 0
    assert "warning: studio.manager_emails is empty" in result.err
    assert outbox_states(store) == [], "no manager address: no alert is queued"


def test_the_password_comes_from_the_keyring_and_a_wrong_one_is_reported_verbatim(  # type: ignore[no-untyped-def]
    cli, store, clock
) -> None:
    server = SmtpServer(login=("desk", "right-password")).start()
    try:
        configure(
            store,
            **smtp_settings(server, smtp__username="desk"),
            studio__manager_emails="boss@studio.example",
        )
        an_alert(store, clock)
        missing = cli("send-outbox")
        assert missing.code == 1
        assert "no SMTP password is in the system keyring" in missing.err

        assert cli("config", "smtp.password", "wrong-password").code == 0
        wrong = cli("send-outbox")
        assert wrong.code == 1
        assert "refused the login of desk: 535" in wrong.err
        assert outbox_states(store) == [OutboxState.QUEUED]

        assert cli("config", "smtp.password", "right-password").code == 0
        with store.write() as session:
            session.execute(OutboxMessage.__table__.update().values(next_attempt_at=clock.now()))
        ok = cli("send-outbox")
        assert ok.code == 0, ok.err
        assert len(server.handler.received) == 1
    finally:
        server.stop()


def test_without_a_usable_keyring_send_outbox_refuses_clearly_and_keeps_the_mail(  # type: ignore[no-untyped-def]
    store, store_path: Path, smtp_server, clock
) -> None:
    configure(
        store,
        **smtp_settings(smtp_server, smtp__username="desk"),
        studio__manager_emails="boss@studio.example",
    )
    an_alert(store, clock)
    env = subprocess_env()
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    result = subprocess.run(
        [PYTHON, "-m", "feedback_desk", "send-outbox", "--store", str(store_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "no usable system keyring" in result.stderr
    assert "Traceback" not in result.stderr
    assert outbox_states(store) == [OutboxState.QUEUED]
    assert smtp_server.handler.received == []


@pytest.fixture(scope="module")
def test_ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def client_tls(test_ca: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context()
    test_ca.configure_trust(context)
    return context


def server_tls(test_ca: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    test_ca.issue_cert("127.0.0.1").configure_cert(context)
    return context


@pytest.fixture(params=["starttls", "ssl"])
def tls_server(request, test_ca) -> Iterator[tuple[SmtpServer, str]]:  # type: ignore[no-untyped-def]
    server = SmtpServer(tls=server_tls(test_ca), implicit_tls=request.param == "ssl").start()
    yield server, request.param
    server.stop()


def test_starttls_and_ssl_deliver_with_a_trusted_certificate(  # type: ignore[no-untyped-def]
    store, clock, tls_server, client_tls
) -> None:
    server, security = tls_server
    configure(
        store,
        **smtp_settings(server, smtp__security=security),
        studio__manager_emails="boss@studio.example",
    )
    an_alert(store, clock)
    report = send_due(
        store, clock=clock, transport=SmtplibTransport(client_tls), pacing=Pacing.on_clock(clock)
    )
    assert report.sent == 1, report.errors
    assert len(server.handler.received) == 1


def test_an_untrusted_certificate_is_refused(store, clock, tls_server) -> None:  # type: ignore[no-untyped-def]
    server, security = tls_server
    configure(store, **smtp_settings(server, smtp__security=security))
    with store.write() as session:
        config = smtp_config(load_settings(session), store_identity(session))
    with pytest.raises(ConnectFailure, match=r"CERTIFICATE_VERIFY_FAILED|certificate verify"):
        SmtplibTransport().connect(config)


def test_outbox_list_shows_failures_as_json(cli, mail_store, smtp_server, clock) -> None:  # type: ignore[no-untyped-def]
    an_alert(mail_store, clock)
    with mail_store.read() as session:
        subject = session.scalar(select(OutboxMessage.subject))
    smtp_server.handler.script(subject, "554 5.7.1 rejected by policy")
    assert cli("send-outbox").code == 0
    [row] = json.loads(cli("outbox", "list", "--json").out)
    assert row["state"] == "failed"
    assert "554 5.7.1 rejected by policy" in row["last_error"]
    assert cli("outbox", "retry", str(row["id"])).code == 0
    assert cli("send-outbox").code == 0
    assert json.loads(cli("outbox", "list", "--json").out)[0]["state"] == "sent"
