"""The client pages' migration, pairing codes and the throttle's rule."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, inspect, text

from feedback_desk.domain.throttle import Throttle
from feedback_desk.services.client_pages.pairing import (
    device_for_token,
    digest,
    list_devices,
    make_pairing_code,
    pair_device,
    revoke_device,
)
from feedback_desk.store.database import Store, open_store
from feedback_desk.store.engine import make_engine, store_url
from feedback_desk.store.migrate import upgrade_to

NOON = datetime(2026, 5, 14, 16, 0, tzinfo=UTC)


def test_a_store_from_before_client_pages_keeps_its_data_and_gains_the_tables(
    tmp_path: Path,
) -> None:
    path = tmp_path / "older.sqlite"
    engine = make_engine(store_url(path))
    upgrade_to(engine, "0002_inbox")  # the revision before client pages
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO clients (external_id, first_name, last_name, search_key, created_at,"
                " updated_at, email_consent) VALUES ('C1', 'Audrey', 'Bélanger',"
                " 'audrey belanger c1', '2026-01-01 00:00:00', '2026-01-01 00:00:00', 0)"
            )
        )
    engine.dispose()
    store = open_store(path)
    with store.engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        assert {"paired_devices", "pairing_codes"} <= tables
        assert connection.execute(text("SELECT first_name FROM clients")).scalar() == "Audrey"
    with store.write() as session:
        code = make_pairing_code(session, at=NOON, actor="test").code
        assert pair_device(session, code, at=NOON, user_agent="test") is not None
    store.close()


def test_codes_and_tokens_are_kept_only_as_digests(store: Store) -> None:
    with store.write() as session:
        code = make_pairing_code(session, at=NOON, actor="test").code
        token = pair_device(session, code, at=NOON, user_agent="test")
    assert token is not None
    assert len(token) >= 43  # 256 random bits, URL-safe
    engine = create_engine(f"sqlite:///{store.location}")
    with engine.connect() as connection:
        dump = "\n".join(connection.connection.driver_connection.iterdump())  # type: ignore[union-attr]
    engine.dispose()
    assert token not in dump
    assert code not in dump.replace(digest(code), "")
    with store.read() as session:
        assert len(list_devices(session)) == 1


def test_pairing_on_any_database(any_store: Store) -> None:
    """Codes never repeat while valid, are used once, and badly formed ones pair nothing."""
    with any_store.write() as session:
        codes = [make_pairing_code(session, at=NOON, actor="test").code for _ in range(30)]
        assert len(set(codes)) == 30
        for typed in ("", "12345", "1234567", "12a456", "١٢٣٤٥٦"):
            assert pair_device(session, typed, at=NOON, user_agent="") is None
    with any_store.write() as session:
        token = pair_device(session, codes[0], at=NOON, user_agent="Safari")
        assert token is not None
        assert pair_device(session, codes[0], at=NOON, user_agent="Safari") is None
    with any_store.read() as session:
        (device,) = list_devices(session)
        assert device_for_token(session, token) == device
    with any_store.write() as session:
        assert revoke_device(session, device.id, at=NOON, actor="test") == "Tablet 1"
    with any_store.read() as session:
        assert device_for_token(session, token) is None
        assert list_devices(session) == []


def test_the_throttle_holds_a_key_until_its_oldest_attempt_ages_out() -> None:
    throttle = Throttle(limit=3, window=timedelta(minutes=10))
    for minute in range(3):
        assert not throttle.blocked("tablet", NOON + timedelta(minutes=minute))
        throttle.count("tablet", NOON + timedelta(minutes=minute))
    assert throttle.blocked("tablet", NOON + timedelta(minutes=3))
    assert not throttle.blocked("another", NOON + timedelta(minutes=3))
    assert throttle.blocked("tablet", NOON + timedelta(minutes=9, seconds=59))
    assert not throttle.blocked("tablet", NOON + timedelta(minutes=10))
