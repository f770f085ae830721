"""Settings → Client pages and the server the window runs: the kiosk's QR code, pairing a tablet
and unpairing it, the server started, restarted and stopped with the settings and the window,
its address in the status bar, and a port in use said in one sentence."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from PySide6.QtGui import QPixmap
from sqlalchemy import select

from feedback_desk.clock import ManualClock
from feedback_desk.services import settings_admin
from feedback_desk.services.client_pages.pairing import pair_device
from feedback_desk.services.client_pages.qr import qr_png
from feedback_desk.store.database import Store, open_store
from feedback_desk.store.models import PairedDevice
from feedback_desk.ui.client_pages.serving import State
from feedback_desk.ui.settings.client_pages_page import QR_SCALE, ClientPagesPage
from tests.support.settings_dialog import save, settings_dialog
from tests.support.smtp_server import free_port
from tests.support.studio_builder import StudioBuilder


def configure(store: Store, clock: Any, **values: str) -> None:
    for key, value in values.items():
        settings_admin.change(store, key.replace("__", "."), value, clock=clock)


@pytest.fixture
def page_clock() -> ManualClock:
    return ManualClock(StudioBuilder.at_static("2026-05-14T14:20"))


def same_picture(shown: QPixmap, png: bytes) -> bool:
    expected = QPixmap()
    expected.loadFromData(png, "PNG")
    return shown.toImage() == expected.toImage()


def test_the_qr_code_pairing_a_tablet_and_unpairing_it(
    qtbot: Any, store: Store, page_clock: ManualClock
) -> None:
    configure(store, page_clock, web__host="127.0.0.1", web__port="8800")
    with settings_dialog(qtbot, store, page_clock, "client_pages") as dialog:
        page: ClientPagesPage = dialog.page("client_pages")
        kiosk = "http://127.0.0.1:8800/kiosk"
        qtbot.waitUntil(lambda: page.kiosk_url == kiosk, timeout=10_000)
        assert same_picture(page.qr_label.pixmap(), qr_png(kiosk, scale=QR_SCALE))
        assert kiosk in page.kiosk_label.text()
        assert page.devices_heading.text() == "No tablet is paired yet."
        # The QR code follows the port being typed.
        page.port.setValue(8801)
        qtbot.waitUntil(lambda: page.kiosk_url == "http://127.0.0.1:8801/kiosk", timeout=10_000)

        page.device_poll.setInterval(20)
        page.device_name.setText("Front desk iPad")
        page.pair_button.click()
        qtbot.waitUntil(page.code_label.isVisible, timeout=10_000)
        code = page.code_label.accessibleName()
        assert page.code_label.text() == f"{code[:3]} {code[3:]}"
        assert len(code) == 6
        assert code.isdigit()
        said = page.pairing_label.text()
        assert "Code for Front desk iPad, valid until 14 May 2026 14:30" in said
        assert "not served yet" in said

        # The tablet types the code on its pairing page: the page shows it at its next look.
        with store.write() as session:
            assert pair_device(session, code, at=page_clock.now(), user_agent="iPad") is not None
        qtbot.waitUntil(lambda: page.devices.topLevelItemCount() == 1, timeout=10_000)
        assert page.pairing_label.text() == "Front desk iPad is paired."
        assert not page.code_label.isVisible()
        assert not page.device_poll.isActive()
        row = page.devices.topLevelItem(0)
        assert [row.text(n) for n in range(3)] == [
            "Front desk iPad",
            "14 May 2026 14:20",
            "14 May 2026 14:20",
        ]

        assert not page.unpair_button.isEnabled()
        page.devices.setCurrentItem(row)
        page.unpair_button.click()
        qtbot.waitUntil(lambda: page.devices.topLevelItemCount() == 0, timeout=10_000)
        assert page.devices_label.text() == (
            "Front desk iPad is unpaired: it leaves the kiosk at its next page."
        )
        with store.read() as session:
            device = session.scalars(select(PairedDevice)).one()
            assert device.revoked_at is not None


def test_a_code_nobody_used_expires_on_the_page(
    qtbot: Any, store: Store, page_clock: ManualClock
) -> None:
    with settings_dialog(qtbot, store, page_clock, "client_pages") as dialog:
        page: ClientPagesPage = dialog.page("client_pages")
        page.pair_button.click()
        qtbot.waitUntil(page.code_label.isVisible, timeout=10_000)
        page.device_poll.setInterval(20)
        page_clock.advance(timedelta(minutes=10))
        qtbot.waitUntil(lambda: not page.code_label.isVisible(), timeout=10_000)
        assert page.pairing_label.text() == (
            "The pairing code has expired; pair again for a new one."
        )


# The server the window runs ----------------------------------------------------------------


def serving_on(path: Path, clock: Any, port: int, **more: str) -> None:
    store = open_store(path)
    try:
        configure(store, clock, web__enabled="yes", web__host="127.0.0.1", web__port=str(port))
        configure(store, clock, **more)
    finally:
        store.close()


def answers(port: int) -> bool:
    """Whether the client pages answer on *port* (the kiosk's pairing page)."""
    try:
        return requests.get(f"http://127.0.0.1:{port}/kiosk", timeout=5).status_code == 200
    except requests.ConnectionError:
        return False


def feature(window: Any) -> Any:
    from feedback_desk.ui.window_features.client_pages import ClientPagesFeature

    [found] = [f for f in window.features if isinstance(f, ClientPagesFeature)]
    return found


def wait_state(qtbot: Any, window: Any, state: State) -> None:
    qtbot.waitUntil(lambda: feature(window).serving.state is state, timeout=20_000)


def test_the_window_serves_the_pages_while_enabled_and_follows_the_settings(
    qtbot: Any, open_window: Any, demo_path: Path, window_clock: Any
) -> None:
    first, second = free_port(), free_port()
    serving_on(demo_path, window_clock, first)
    window = open_window(demo_path)
    wait_state(qtbot, window, State.SERVING)
    status = feature(window).status_widget
    assert status.isVisible()
    assert status.text() == f"Client pages: http://127.0.0.1:{first}"
    assert answers(first)

    # Another port, saved in Settings → Client pages: served there, no longer on the first.
    dialog = window.open_settings("client_pages")
    page = dialog.page("client_pages")
    qtbot.waitUntil(lambda: page.port.value() == first, timeout=10_000)
    assert page.server_label.text() == f"Serving the client pages at http://127.0.0.1:{first}"
    page.port.setValue(second)
    assert save(qtbot, dialog) == ["web.port"]
    qtbot.waitUntil(lambda: status.text().endswith(f":{second}"), timeout=20_000)
    wait_state(qtbot, window, State.SERVING)
    assert answers(second)
    assert not answers(first)

    # Switched off: no longer served, and the status bar says nothing about them.
    dialog = window.open_settings("client_pages")
    page = dialog.page("client_pages")
    qtbot.waitUntil(page.enabled.isChecked, timeout=10_000)
    page.enabled.setChecked(False)
    assert save(qtbot, dialog) == ["web.enabled"]
    wait_state(qtbot, window, State.OFF)
    assert not answers(second)
    assert not status.isVisible()


def test_closing_the_window_stops_the_pages(
    qtbot: Any, open_window: Any, demo_path: Path, window_clock: Any
) -> None:
    port = free_port()
    serving_on(demo_path, window_clock, port)
    window = open_window(demo_path)
    wait_state(qtbot, window, State.SERVING)
    assert answers(port)
    window.close()
    assert not answers(port)


@pytest.fixture
def taken_port() -> Iterator[int]:
    """A port another program listens on."""
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        yield int(other.getsockname()[1])


def test_a_port_in_use_is_one_sentence_in_the_status_bar_and_the_settings_page(
    qtbot: Any, open_window: Any, demo_path: Path, window_clock: Any, taken_port: int
) -> None:
    serving_on(demo_path, window_clock, taken_port)
    window = open_window(demo_path)
    wait_state(qtbot, window, State.FAILED)
    sentence = (
        f"The client pages cannot start: port {taken_port} is already in use by another "
        "program; choose another port in Settings → Client pages."
    )
    assert window.status.currentMessage() == sentence
    status = feature(window).status_widget
    assert status.text() == "Client pages: not served"
    assert status.toolTip() == sentence
    status.click()  # opens Settings on the Client pages page
    dialog = window.settings_dialog
    assert dialog.page_list.currentItem().text() == "Client pages"
    assert dialog.page("client_pages").server_label.text() == sentence
