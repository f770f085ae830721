"""`feedback-desk web pair|devices|revoke`: the contract's JSON shapes and exit codes."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from feedback_desk.services.client_pages.address import lan_address
from feedback_desk.services.client_pages.pairing import pair_device
from feedback_desk.store.database import open_store
from tests.conftest import CliResult


def test_pair_gives_a_six_digit_code_for_ten_minutes_and_the_pairing_address(cli) -> None:  # type: ignore[no-untyped-def]
    cli("config", "web.port", "9123")
    result: CliResult = cli("web", "pair", "--json")
    assert result.code == 0, result.err
    made = json.loads(result.out)
    assert set(made) == {"code", "expires_at", "url"}
    assert len(made["code"]) == 6
    assert made["code"].isdigit()
    expires = datetime.fromisoformat(made["expires_at"])
    assert expires.utcoffset() is not None  # the studio's offset
    assert timedelta(minutes=9) < expires - datetime.now(UTC) <= timedelta(minutes=10)
    assert made["url"] == f"http://{lan_address()}:9123/pair"


def test_devices_lists_paired_devices_and_revoke_unpairs_one(cli, store_path) -> None:  # type: ignore[no-untyped-def]
    assert json.loads(cli("web", "devices", "--json").out) == []
    code = json.loads(cli("web", "pair", "--name", "Front desk iPad", "--json").out)["code"]
    store = open_store(store_path)
    with store.write() as session:
        assert pair_device(session, code, at=datetime.now(UTC), user_agent="Safari") is not None
    store.close()
    (device,) = json.loads(cli("web", "devices", "--json").out)
    assert device["name"] == "Front desk iPad"
    assert device["user_agent"] == "Safari"
    assert set(device) == {"device", "name", "paired_at", "last_seen_at", "user_agent"}
    revoked = cli("web", "revoke", str(device["device"]))
    assert revoked.code == 0
    assert "Front desk iPad" in revoked.out
    assert json.loads(cli("web", "devices", "--json").out) == []
    again = cli("web", "revoke", str(device["device"]))
    assert again.code == 2
    assert "unknown device" in again.err
    assert cli("web", "revoke", "tablet").code == 2


def test_pair_can_draw_the_kiosk_qr_code_in_the_terminal(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("web", "pair", "--qr")
    assert result.code == 0
    assert "Pairing code" in result.out
    assert "█" in result.out or "▀" in result.out


def test_the_kiosk_qr_code_is_a_png_for_the_window() -> None:
    import struct

    from feedback_desk.services.client_pages.address import kiosk_url
    from feedback_desk.services.client_pages.qr import qr_png

    url = kiosk_url("0.0.0.0", 8765)
    assert url == f"http://{lan_address()}:8765/kiosk"
    png = qr_png(url, scale=4)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", png[16:24])
    assert width == height >= 4 * 25  # a version 2+ code with its quiet zone, square
