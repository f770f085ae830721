"""`feedback-desk config`: list, show, set; bad values refused with the reason."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select

from feedback_desk.domain.kinds import Channel, ReviewKind
from feedback_desk.store.database import open_store
from feedback_desk.store.models import AuditEntry, Client, Review


def test_a_setting_set_is_shown_back_and_listed(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("config", "studio.name", "Studio Élan").code == 0
    assert cli("config", "studio.name").out.strip() == "Studio Élan"
    listing = cli("config").out
    assert "studio.name = Studio Élan" in listing
    assert "studio.timezone = America/Toronto" in listing


def test_booleans_are_accepted_in_french_and_stored_canonically(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("config", "reviews.enabled", "Non").code == 0
    assert cli("config", "reviews.enabled").out.strip() == "no"


def test_bad_values_are_refused_with_exit_2_and_change_nothing(cli) -> None:  # type: ignore[no-untyped-def]
    for key, value, reason in [
        ("smtp.port", "abc", "whole number"),
        ("smtp.security", "tls", "none, starttls, ssl"),
        ("studio.timezone", "Mars/Olympus", "unknown time zone"),
        ("studio.manager_emails", "boss@studio.ca, not-an-address", "not an email address"),
        ("kiosk.pin", "12ab", "4 to 12 digits"),
    ]:
        result = cli("config", key, value)
        assert result.code == 2, key
        assert reason in result.err, result.err
    assert cli("config", "smtp.port").out.strip() == "587"


def test_unknown_keys_are_refused(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("config", "studio.colour", "blue")
    assert result.code == 2
    assert "unknown setting 'studio.colour'" in result.err


def test_the_kiosk_pin_is_stored_hashed_and_never_shown(cli, store_path) -> None:  # type: ignore[no-untyped-def]
    assert cli("config", "kiosk.pin", "4321").code == 0
    assert cli("config", "kiosk.pin").out.strip() == "(set)"
    assert b"4321" not in store_path.read_bytes()


def test_changes_are_audited(cli, store_path) -> None:  # type: ignore[no-untyped-def]
    cli("config", "studio.language", "en")
    store = open_store(store_path)
    with store.read() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.entity_id == "studio.language")
        ).one()
    store.close()
    assert entry.actor == "tester"
    assert '"new": "en"' in entry.details
    assert '"old": null' in entry.details


def test_changing_the_time_zone_moves_reviews_to_their_new_local_day(cli, store_path) -> None:  # type: ignore[no-untyped-def]
    store = open_store(store_path)
    late_evening = datetime(2026, 5, 15, 2, 30, tzinfo=UTC)  # 22:30 in Toronto, 04:30 in Paris
    with store.write() as session:
        client = Client(
            external_id="C1",
            first_name="A",
            last_name="B",
            created_at=late_evening,
            updated_at=late_evening,
        )
        session.add(client)
        session.flush()
        session.add(
            Review(
                external_id="R1",
                client_id=client.id,
                kind=ReviewKind.BUSINESS,
                stars=5,
                channel=Channel.IMPORT,
                created_at=late_evening,
                local_day=date(2026, 5, 14),
            )
        )
    store.close()
    assert cli("config", "studio.timezone", "Europe/Paris").code == 0
    store = open_store(store_path)
    with store.read() as session:
        assert session.scalars(select(Review.local_day)).one() == date(2026, 5, 15)
    store.close()


def test_secrets_are_never_written_to_the_store(cli, store_path) -> None:  # type: ignore[no-untyped-def]
    result = cli("config", "smtp.password", "hunter2-secret")
    assert b"hunter2-secret" not in store_path.read_bytes()
    assert "hunter2-secret" not in result.out + result.err


def test_a_line_break_or_control_character_is_refused_in_every_setting(cli) -> None:  # type: ignore[no-untyped-def]
    for key, value, reason in [
        ("studio.name", "Studio\nZen", "studio.name must be on one line"),
        ("studio.name", "Studio\u2028Zen", "must be on one line"),
        ("studio.address", "12 rue des Pins\r\nMontréal", "must be on one line"),
        ("smtp.host", "mail.example.com\x00", "control character (U+0000)"),
        ("studio.name", "Studio \x1b[31mZen", "control character (U+001B)"),
        ("google.review_link", "https://g.page/r/x\x07", "control character (U+0007)"),
    ]:
        result = cli("config", key, value)
        assert result.code == 2, (key, value)
        assert reason in result.err, result.err
        assert len(result.err.strip().splitlines()) == 1
    assert cli("config", "studio.name").out.strip() == "My studio"
    assert cli("config", "studio.name", "Studio Zen\n").code == 0, "a pasted newline is trimmed"
